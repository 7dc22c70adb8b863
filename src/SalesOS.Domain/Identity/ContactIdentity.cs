namespace SalesOS.Domain.Identity;

/// <summary>
/// The identity that deduplicates a contact within a workspace: the normalised email address, or
/// the normalised LinkedIn profile path when there is no email. <see cref="Key"/> is
/// "email:&lt;address&gt;" or "linkedin:&lt;path&gt;". Only normalisation and obvious refusals live
/// here; whether an address is deliverable is the verification module's question.
/// </summary>
public sealed record ContactIdentity
{
    public const string EmailPrefix = "email:";
    public const string LinkedInPrefix = "linkedin:";
    public const int MaxEmailLength = 254;
    public const int MaxLocalPartLength = 64;

    private const int MaxLinkedInUrlLength = 300;
    private const string ProfileExample = "a LinkedIn profile URL such as https://www.linkedin.com/in/jane-doe";

    private ContactIdentity(string key, string? email, string? linkedIn)
    {
        Key = key;
        Email = email;
        LinkedIn = linkedIn;
    }

    public string Key { get; }

    /// <summary>The whole address in lowercase, its domain in punycode; null for a LinkedIn identity.</summary>
    public string? Email { get; }

    /// <summary>The profile path, such as "linkedin.com/in/jane-doe"; null for an email identity.</summary>
    public string? LinkedIn { get; }

    /// <summary>The domain after the "@" (e.g. "acme.com"), to link the contact to its company; null for a LinkedIn identity.</summary>
    public string? EmailDomain => Email?[(Email.IndexOf('@', StringComparison.Ordinal) + 1)..];

    public static bool TryFromEmail(string? input, out ContactIdentity identity, out string reason)
    {
        identity = null!;
        var text = input?.Trim() ?? "";

        // Addresses copied from a link or a mail client arrive as "mailto:jane@acme.com?subject=hi" or "<jane@acme.com>".
        if (text.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            text = text["mailto:".Length..];
            var query = text.IndexOf('?', StringComparison.Ordinal);
            text = query >= 0 ? text[..query] : text;
        }

        if (text.Length > 2 && text[0] == '<' && text[^1] == '>')
        {
            text = text[1..^1];
        }

        if (text.Length == 0)
        {
            return Refuse("is required", out reason);
        }

        if (text.Any(char.IsWhiteSpace))
        {
            return Refuse("must not contain spaces", out reason);
        }

        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at < 0 || at != text.LastIndexOf('@'))
        {
            return Refuse("must contain exactly one @, as in jane@example.com", out reason);
        }

        if (at == 0)
        {
            return Refuse("must have a mailbox name before the @, as in jane@example.com", out reason);
        }

        if (at > MaxLocalPartLength)
        {
            return Refuse($"must have at most {MaxLocalPartLength} characters before the @", out reason);
        }

        if (!CompanyDomain.TryNormalizeMailHost(text[(at + 1)..], out var domain, out var domainReason))
        {
            return Refuse($"must have a valid domain after the @ (the domain {domainReason})", out reason);
        }

        // Mailbox names are case-insensitive at every provider SalesOS sends to; plus-tags stay: they are distinct mailboxes.
        var email = text[..at].ToLowerInvariant() + "@" + domain;
        if (email.Length > MaxEmailLength)
        {
            return Refuse($"must be at most {MaxEmailLength} characters", out reason);
        }

        identity = new ContactIdentity(EmailPrefix + email, email, null);
        reason = "";
        return true;
    }

    public static bool TryFromLinkedIn(string? input, out ContactIdentity identity, out string reason)
    {
        identity = null!;
        var text = input?.Trim() ?? "";
        if (text.Length == 0)
        {
            return Refuse("is required", out reason);
        }

        if (text.Length > MaxLinkedInUrlLength || text.Any(char.IsWhiteSpace)
            || !Uri.TryCreate(text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https"))
        {
            return Refuse($"must be {ProfileExample}", out reason);
        }

        // Country and mobile hosts (uk.linkedin.com, m.linkedin.com) show the same profile as www.linkedin.com.
        var host = uri.IdnHost.TrimEnd('.').ToLowerInvariant();
        if (host != "linkedin.com" && !host.EndsWith(".linkedin.com", StringComparison.Ordinal))
        {
            return Refuse($"must be {ProfileExample}", out reason);
        }

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        var kind = segments.Length > 0 ? segments[0].ToLowerInvariant() : "";
        if (kind is not ("in" or "pub"))
        {
            return Refuse($"must be a person's profile (/in/... or /pub/...), not another LinkedIn page; expected {ProfileExample}", out reason);
        }

        if (segments.Length < 2 || segments[1].Any(char.IsWhiteSpace))
        {
            return Refuse($"must name the profile after /{kind}/, as in https://www.linkedin.com/in/jane-doe", out reason);
        }

        // Old /pub/ URLs tell namesakes apart only by the short id parts after the name (/pub/jane-doe/1a/2b3/4c5).
        var idParts = kind == "pub" ? segments.Skip(2).TakeWhile(IsPublicProfileIdPart).Take(3) : [];
        var path = string.Join('/', new[] { "linkedin.com", kind, segments[1] }.Concat(idParts)).ToLowerInvariant();
        identity = new ContactIdentity(LinkedInPrefix + path, null, path);
        reason = "";
        return true;
    }

    private static bool IsPublicProfileIdPart(string segment)
        => segment.Length is > 0 and <= 3 && segment.All(char.IsAsciiLetterOrDigit);

    private static bool Refuse(string why, out string reason)
    {
        reason = why;
        return false;
    }
}
