using System.Globalization;

namespace SalesOS.Domain.Identity;

/// <summary>
/// A company's web domain in the one form used as its identity: lowercase, ASCII (punycode), no
/// scheme, credentials, port, path, query, fragment, trailing dot or leading "www", so that every
/// source's spelling of it ("https://www.Acme.com/pricing", "ACME.COM.") lands on one company.
/// Refusals come with a reason a user can act on, phrased to follow a field name ("domain must ...").
/// </summary>
public static class CompanyDomain
{
    public const int MaxLength = 253;
    public const int MaxLabelLength = 63;

    private const string Example = "a web domain such as example.com";
    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };
    private static readonly string[] WebPrefixes = ["www.", "www2.", "www3."];

    // IDNA treats these full-width and ideographic full stops as dots; so must the label checks.
    private static readonly char[] IdnDots = ['\u3002', '\uFF0E', '\uFF61'];

    public static string Normalize(string input)
        => TryNormalize(input, out var domain, out var reason) ? domain : throw new ArgumentException($"The domain {reason}.", nameof(input));

    public static bool TryNormalize(string? input, out string domain, out string reason)
    {
        domain = "";
        var text = input?.Trim() ?? "";
        if (!TryReadHost(text, out var host, out reason))
        {
            return false;
        }

        return TryNormalizeHost(host, stripWebPrefix: true, out domain, out reason);
    }

    /// <summary>The host after an email's "@": validated like a company domain, but "www." stays, since jane@www.acme.com is another mailbox.</summary>
    internal static bool TryNormalizeMailHost(string host, out string domain, out string reason)
    {
        domain = "";
        if (host.IndexOfAny([':', '/', '?', '#', '\\', '@', '[', ']']) >= 0)
        {
            reason = "must be a bare domain such as example.com, without port or path";
            return false;
        }

        return TryNormalizeHost(host, stripWebPrefix: false, out domain, out reason);
    }

    /// <summary>Cuts the host out of whatever was pasted: a URL, a host with a port, or a bare domain.</summary>
    private static bool TryReadHost(string text, out string host, out string reason)
    {
        host = "";
        if (text.Length == 0)
        {
            reason = "is required";
            return false;
        }

        if (text.Any(char.IsWhiteSpace))
        {
            reason = "must not contain spaces";
            return false;
        }

        if (text.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            reason = $"must be {Example}, not an email address";
            return false;
        }

        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        var hasScheme = schemeEnd > 0 && text[..schemeEnd].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.');
        var rest = hasScheme ? text[(schemeEnd + 3)..] : text.StartsWith("//", StringComparison.Ordinal) ? text[2..] : text;
        var authority = rest[..IndexOfAnyOrLength(rest, ['/', '?', '#', '\\'])];

        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            // Credentials belong to URLs; a bare "bob@acme.com" is an email address pasted into the wrong field.
            if (!hasScheme)
            {
                reason = $"must be {Example}, not an email address";
                return false;
            }

            authority = authority[(at + 1)..];
        }

        // "[::1]" and a bare "2001:db8::1" are IPv6 literals; a host with a port has one colon at most.
        if (authority.StartsWith('[') || authority.Count(c => c == ':') > 1)
        {
            reason = "must be a domain name, not an IP address";
            return false;
        }

        var colon = authority.LastIndexOf(':');
        if (colon >= 0)
        {
            var port = authority[(colon + 1)..];
            if (!port.All(char.IsAsciiDigit))
            {
                reason = $"must be {Example}; \"{port}\" is not a port number";
                return false;
            }

            authority = authority[..colon];
        }

        host = authority;
        reason = "";
        return true;
    }

    private static bool TryNormalizeHost(string host, bool stripWebPrefix, out string domain, out string reason)
    {
        domain = "";
        foreach (var dot in IdnDots)
        {
            host = host.Replace(dot, '.');
        }

        // A fully qualified name ends in a dot ("acme.com."); it is the same domain.
        host = host.EndsWith('.') ? host[..^1] : host;
        if (host.Length == 0)
        {
            reason = $"must be {Example}";
            return false;
        }

        var labels = host.Split('.');
        if (labels.Any(label => label.Length == 0))
        {
            reason = "must not have empty parts between dots";
            return false;
        }

        if (labels.All(label => label.All(char.IsAsciiDigit)))
        {
            reason = "must be a domain name, not an IP address";
            return false;
        }

        host = host.ToLowerInvariant();
        if (stripWebPrefix)
        {
            host = WithoutWebPrefix(host);
        }

        if (!host.Contains('.', StringComparison.Ordinal))
        {
            reason = $"must contain a dot, as in {host}.com; a single name such as \"{host}\" is not a web domain";
            return false;
        }

        var ascii = new List<string>();
        foreach (var label in host.Split('.'))
        {
            if (!TryAsciiLabel(label, out var asciiLabel, out reason))
            {
                return false;
            }

            ascii.Add(asciiLabel);
        }

        if (ascii[^1].All(char.IsAsciiDigit))
        {
            reason = "must end in a name such as .com, not a number";
            return false;
        }

        domain = string.Join('.', ascii);
        if (domain.Length > MaxLength)
        {
            domain = "";
            reason = $"must be at most {MaxLength} characters";
            return false;
        }

        reason = "";
        return true;
    }

    private static string WithoutWebPrefix(string host)
    {
        foreach (var prefix in WebPrefixes)
        {
            // "www.com" is itself a domain: the prefix goes only when a domain with a dot remains.
            if (host.StartsWith(prefix, StringComparison.Ordinal) && host.AsSpan(prefix.Length).Contains('.'))
            {
                return host[prefix.Length..];
            }
        }

        return host;
    }

    private static bool TryAsciiLabel(string label, out string ascii, out string reason)
    {
        ascii = label;
        if (!label.All(char.IsAscii))
        {
            try
            {
                ascii = Idn.GetAscii(label);
            }
            catch (ArgumentException)
            {
                reason = $"contains characters a domain cannot hold (in \"{label}\")";
                return false;
            }
        }

        if (!ascii.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            reason = $"may hold only letters, digits, hyphens and dots (\"{label}\" has others)";
            return false;
        }

        if (ascii.StartsWith('-') || ascii.EndsWith('-'))
        {
            reason = $"must not start or end a part with a hyphen (\"{label}\")";
            return false;
        }

        if (ascii.Length > MaxLabelLength)
        {
            reason = $"must not have a part longer than {MaxLabelLength} characters between dots";
            return false;
        }

        if (ascii.StartsWith("xn--", StringComparison.Ordinal) && !IsPunycode(ascii))
        {
            reason = $"has a part that is not valid punycode (\"{label}\")";
            return false;
        }

        reason = "";
        return true;
    }

    private static bool IsPunycode(string label)
    {
        try
        {
            return Idn.GetAscii(Idn.GetUnicode(label)) == label;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static int IndexOfAnyOrLength(string text, char[] stops)
    {
        var index = text.IndexOfAny(stops);
        return index < 0 ? text.Length : index;
    }
}
