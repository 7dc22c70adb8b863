using System.Globalization;
using System.Net;

namespace SalesOS.Domain.Identity;

/// <summary>
/// A company's web domain in the one form used as its identity: lowercase, ASCII (punycode), no
/// scheme, port, path or leading "www", so that every source's spelling of it lands on one company.
/// </summary>
public static class CompanyDomain
{
    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };
    private static readonly string[] WebPrefixes = ["www.", "www2.", "www3."];

    public static string Normalize(string input)
        => TryNormalize(input, out var domain, out var reason) ? domain : throw new ArgumentException(reason, nameof(input));

    public static bool TryNormalize(string? input, out string domain, out string reason)
    {
        domain = "";
        var text = input?.Trim() ?? "";
        if (text.Length == 0)
        {
            reason = "is required";
            return false;
        }

        if (text.Any(char.IsWhiteSpace) || text.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            reason = "must be a web domain such as example.com";
            return false;
        }

        var host = Uri.TryCreate(text.Contains("://", StringComparison.Ordinal) ? text : "http://" + text, UriKind.Absolute, out var uri)
            ? uri.IdnHost
            : "";
        host = host.TrimEnd('.').ToLowerInvariant();
        if (IPAddress.TryParse(host.Trim('[', ']'), out _))
        {
            reason = "must be a domain name, not an IP address";
            return false;
        }

        foreach (var prefix in WebPrefixes)
        {
            if (host.StartsWith(prefix, StringComparison.Ordinal) && host.Length > prefix.Length && host[prefix.Length..].Contains('.', StringComparison.Ordinal))
            {
                host = host[prefix.Length..];
                break;
            }
        }

        try
        {
            host = host.Length == 0 ? "" : Idn.GetAscii(host);
        }
        catch (ArgumentException)
        {
            host = "";
        }

        if (host.Length is 0 or > 253 || !host.Contains('.', StringComparison.Ordinal) || host.Split('.').Any(label => label.Length is 0 or > 63))
        {
            reason = "must be a web domain such as example.com";
            return false;
        }

        domain = host;
        reason = "";
        return true;
    }
}
