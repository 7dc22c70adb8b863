namespace SalesOS.Domain.Identity;

/// <summary>
/// The identity that deduplicates a contact within a workspace: the normalised email address, or
/// the normalised LinkedIn profile path when there is no email. <see cref="Key"/> is
/// "email:&lt;address&gt;" or "linkedin:&lt;path&gt;".
/// </summary>
public sealed record ContactIdentity(string Key, string? Email, string? LinkedIn)
{
    public string? EmailDomain => Email?[(Email.IndexOf('@', StringComparison.Ordinal) + 1)..];

    public static bool TryFromEmail(string? input, out ContactIdentity identity, out string reason)
    {
        identity = null!;
        var text = input?.Trim() ?? "";
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (text.Length == 0 || text.Length > 254 || text.Any(char.IsWhiteSpace) || at <= 0 || at != text.LastIndexOf('@') || at > 64)
        {
            reason = "must be an email address such as jane@example.com";
            return false;
        }

        if (!CompanyDomain.TryNormalize(text[(at + 1)..], out var domain, out _) || text[(at + 1)..].Contains('/', StringComparison.Ordinal))
        {
            reason = "must be an email address with a valid domain";
            return false;
        }

        // Mailbox names are case-insensitive at every provider SalesOS sends to; plus-tags stay: they are distinct mailboxes.
        var email = text[..at].ToLowerInvariant() + "@" + domain;
        identity = new ContactIdentity("email:" + email, email, null);
        reason = "";
        return true;
    }

    public static bool TryFromLinkedIn(string? input, out ContactIdentity identity, out string reason)
    {
        identity = null!;
        reason = "must be a LinkedIn profile URL such as https://www.linkedin.com/in/jane-doe";
        var text = input?.Trim() ?? "";
        if (text.Length == 0 || text.Length > 300
            || !Uri.TryCreate(text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text, UriKind.Absolute, out var uri))
        {
            return false;
        }

        var host = uri.Host.ToLowerInvariant();
        if (host != "linkedin.com" && !host.EndsWith(".linkedin.com", StringComparison.Ordinal))
        {
            return false;
        }

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2 || segments[0].ToLowerInvariant() is not ("in" or "pub"))
        {
            return false;
        }

        var path = $"linkedin.com/{segments[0].ToLowerInvariant()}/{Uri.UnescapeDataString(segments[1]).ToLowerInvariant()}";
        identity = new ContactIdentity("linkedin:" + path, null, path);
        reason = "";
        return true;
    }
}
