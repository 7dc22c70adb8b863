using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SalesOS.Outreach.Ports;

namespace SalesOS.Integrations.Telephony;

/// <summary>
/// Checks X-Twilio-Signature: Base64(HMAC-SHA1(auth token, the full URL followed by each form key and its
/// value, keys in ordinal order)). Twilio may sign the URL with or without the scheme's default port, so both
/// forms are tried. Without an auth token nothing is valid: webhooks are signed with it even when the REST
/// calls use an API key.
/// </summary>
public sealed class TwilioSignatureValidator(IOptionsMonitor<TwilioOptions> options) : IWebhookSignatureValidator
{
    public bool IsValid(Uri url, IReadOnlyList<KeyValuePair<string, string>> form, string? signature)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(form);
        var token = options.CurrentValue.AuthToken;
        if (string.IsNullOrEmpty(token) || string.IsNullOrWhiteSpace(signature))
        {
            return false;
        }

        var given = Encoding.ASCII.GetBytes(signature.Trim());
        var valid = false;
        foreach (var candidate in UrlForms(url.OriginalString))
        {
            var expected = Encoding.ASCII.GetBytes(Sign(token, candidate, form));
            // Every candidate is compared, so the time taken says nothing about which one came close.
            valid |= CryptographicOperations.FixedTimeEquals(expected, given);
        }

        return valid;
    }

    /// <summary>The signature Twilio would send for this URL and form.</summary>
    public static string Sign(string authToken, string url, IEnumerable<KeyValuePair<string, string>> form)
    {
        ArgumentNullException.ThrowIfNull(authToken);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(form);
        var data = new StringBuilder(url);
        // OrderBy is stable: repeated keys keep the order they were posted in.
        foreach (var (key, value) in form.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            data.Append(key).Append(value);
        }

#pragma warning disable CA5350 // SHA-1 is what Twilio signs with; the check must use the provider's algorithm.
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
#pragma warning restore CA5350
    }

    /// <summary>The URL as given, and the same URL with its default port added or removed.</summary>
    private static IEnumerable<string> UrlForms(string url)
    {
        yield return url;
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            yield break;
        }

        var scheme = url[..schemeEnd].ToLowerInvariant();
        var defaultPort = scheme switch
        {
            "https" => "443",
            "http" => "80",
            _ => null,
        };
        if (defaultPort is null)
        {
            yield break;
        }

        var hostStart = schemeEnd + 3;
        var hostEnd = url.IndexOfAny(['/', '?', '#'], hostStart);
        if (hostEnd < 0)
        {
            hostEnd = url.Length;
        }

        var authority = url[hostStart..hostEnd];
        var portSeparator = authority.LastIndexOf(':');
        // Colons of user:password@ and of an IPv6 literal come before '@' and ']'; only a later one starts a port.
        if (portSeparator > Math.Max(authority.LastIndexOf('@'), authority.LastIndexOf(']')))
        {
            if (authority[(portSeparator + 1)..] == defaultPort)
            {
                yield return url[..hostStart] + authority[..portSeparator] + url[hostEnd..];
            }
        }
        else
        {
            yield return url[..hostStart] + authority + ":" + defaultPort + url[hostEnd..];
        }
    }
}
