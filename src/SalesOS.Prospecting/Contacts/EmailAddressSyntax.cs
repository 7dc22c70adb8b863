using System.Globalization;

namespace SalesOS.Prospecting.Contacts;

/// <summary>Whether an address is fit for outbound mail, and if not, why (for the user to read).</summary>
public readonly record struct EmailSyntaxResult(bool Valid, string? Reason)
{
    public static EmailSyntaxResult Acceptable => new(true, null);

    public static EmailSyntaxResult Refused(string reason) => new(false, reason);
}

/// <summary>
/// Decides whether an address, exactly as given, is acceptable for outbound B2B email: the practical subset
/// of RFC 5321/5322 that real mail servers deliver to. Accepted: dot-atom local parts, quoted local parts
/// (RFC 5321 qtextSMTP and quoted pairs), domains of at least two LDH labels (1–63 characters, no hyphen at
/// either end, a TLD that is not all digits), internationalised domains (checked in their punycode form);
/// at most 64 characters before the "@" and 254 in all. Refused: comments and folding whitespace (RFC 5322
/// CFWS), obsolete syntax, control characters, non-ASCII local parts (they need SMTPUTF8, which many
/// company mail servers lack), IP literals ("[1.2.3.4]": no company receives prospecting mail there), and
/// dotless domains ("jane@io": no company mailbox lives on a bare TLD).
/// </summary>
/// <remarks>
/// Measured against isemail's test vectors (dominicsayers/isemail, tests.xml and tests-original.xml):
/// acceptable = ISEMAIL_VALID, ISEMAIL_DNSWARN_* (the syntax is right; whether the domain takes mail is the
/// MX lookup's question, asked live, not isemail's DNS of 2010–2013) and ISEMAIL_RFC5321_QUOTEDSTRING
/// (valid per RFC 5321). Not acceptable = ISEMAIL_RFC5321_TLD (dotless domain), _TLDNUMERIC (looks like an
/// IP address), _ADDRESSLITERAL and _IPV6DEPRECATED (IP literals), every ISEMAIL_CFWS, ISEMAIL_DEPREC,
/// ISEMAIL_RFC5322 and ISEMAIL_ERR diagnosis. The one vector where the answer differs from that mapping
/// is "test@io": isemail calls it VALID only because the TLD "io" itself had DNS records.
/// </remarks>
public static class EmailAddressSyntax
{
    public const int MaxLength = 254;
    public const int MaxLocalPartLength = 64;
    public const int MaxLabelLength = 63;

    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = true };

    public static EmailSyntaxResult Check(string? address)
    {
        if (string.IsNullOrEmpty(address))
        {
            return EmailSyntaxResult.Refused("is empty");
        }

        var text = address.AsSpan();
        int at;
        if (text[0] == '"')
        {
            var quoted = ReadQuotedLocalPart(text, out at);
            if (quoted is not null)
            {
                return EmailSyntaxResult.Refused(quoted);
            }
        }
        else
        {
            var dotAtom = ReadDotAtomLocalPart(text, out at);
            if (dotAtom is not null)
            {
                return EmailSyntaxResult.Refused(dotAtom);
            }
        }

        if (at > MaxLocalPartLength)
        {
            return EmailSyntaxResult.Refused($"has {at} characters before the @; at most {MaxLocalPartLength} are allowed");
        }

        var domainReason = CheckDomain(text[(at + 1)..]);
        if (domainReason is not null)
        {
            return EmailSyntaxResult.Refused(domainReason);
        }

        // Checked last so a shorter, more specific reason wins; a punycoded domain was measured in CheckDomain.
        return text.Length > MaxLength
            ? EmailSyntaxResult.Refused($"is {text.Length} characters long; at most {MaxLength} are allowed")
            : EmailSyntaxResult.Acceptable;
    }

    /// <summary>RFC 5322 atext: letters, digits and !#$%&amp;'*+-/=?^_`{|}~.</summary>
    public static bool IsAtext(char c)
        => char.IsAsciiLetterOrDigit(c) || c is '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '/' or '=' or '?' or '^' or '_' or '`' or '{' or '|' or '}' or '~';

    private static string? ReadDotAtomLocalPart(ReadOnlySpan<char> text, out int at)
    {
        at = -1;
        var previousDot = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '@')
            {
                if (i == 0)
                {
                    return "has nothing before the @";
                }

                if (previousDot)
                {
                    return "ends the part before the @ with a dot";
                }

                at = i;
                return null;
            }

            if (c == '.')
            {
                if (previousDot)
                {
                    return i == 0 ? "starts with a dot" : "has two dots in a row before the @";
                }

                previousDot = true;
                continue;
            }

            previousDot = false;
            if (!IsAtext(c))
            {
                return Describe(c, "before the @");
            }
        }

        return "has no @ and domain";
    }

    private static string? ReadQuotedLocalPart(ReadOnlySpan<char> text, out int at)
    {
        at = -1;
        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                // RFC 5321 quoted-pairSMTP: a backslash then any printable ASCII character or space.
                if (i + 1 >= text.Length || text[i + 1] is < ' ' or > '~')
                {
                    return "has a backslash in quotes that escapes nothing printable";
                }

                i++;
                continue;
            }

            if (c == '"')
            {
                if (i + 1 >= text.Length || text[i + 1] != '@')
                {
                    return "must have the @ right after a quoted mailbox name";
                }

                at = i + 1;
                return null;
            }

            if (c is < ' ' or > '~')
            {
                return Describe(c, "in quotes");
            }
        }

        return "has an unclosed quote";
    }

    private static string? CheckDomain(ReadOnlySpan<char> domain)
    {
        if (domain.IsEmpty)
        {
            return "has no domain after the @";
        }

        if (domain[0] == '[')
        {
            return "is addressed to an IP literal, which no company uses for business mail";
        }

        foreach (var c in domain)
        {
            if (c > '~')
            {
                return CheckInternationalDomain(domain);
            }
        }

        if (domain.Length > MaxLength - 2)
        {
            return $"has a domain of {domain.Length} characters; at most {MaxLength - 2} are allowed";
        }

        var labels = 0;
        var start = 0;
        var allDigits = true;
        for (var i = 0; i <= domain.Length; i++)
        {
            if (i < domain.Length && domain[i] != '.')
            {
                continue;
            }

            var label = domain[start..i];
            var reason = CheckLabel(label);
            if (reason is not null)
            {
                return reason;
            }

            labels++;
            allDigits = IsAllDigits(label);
            start = i + 1;
        }

        if (labels < 2)
        {
            return "has a domain without a dot; business mail goes to a registered domain such as acme.com";
        }

        return allDigits ? "has a numeric top-level domain, which looks like an IP address, not a mail domain" : null;
    }

    private static bool IsAllDigits(ReadOnlySpan<char> label)
    {
        foreach (var c in label)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string? CheckLabel(ReadOnlySpan<char> label)
    {
        if (label.IsEmpty)
        {
            return "has an empty part between dots in the domain (a dot at the start or end, or two in a row)";
        }

        if (label.Length > MaxLabelLength)
        {
            return $"has a domain part of {label.Length} characters; at most {MaxLabelLength} are allowed between dots";
        }

        if (label[0] == '-' || label[^1] == '-')
        {
            return "has a domain part that starts or ends with a hyphen";
        }

        foreach (var c in label)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return Describe(c, "in the domain");
            }
        }

        return null;
    }

    private static string? CheckInternationalDomain(ReadOnlySpan<char> domain)
    {
        string ascii;
        try
        {
            ascii = Idn.GetAscii(domain.ToString());
        }
        catch (ArgumentException)
        {
            return "has an internationalised domain that cannot be written in punycode";
        }

        return CheckDomain(ascii);
    }

    private static string Describe(char c, string where) => c switch
    {
        ' ' or '\t' or '\r' or '\n' => $"has whitespace {where} (comments and folding whitespace are not accepted)",
        '(' or ')' => $"has a comment {where}; comments are not accepted",
        < ' ' or '\x7f' => $"has a control character (U+{(int)c:X4}) {where}",
        > '\x7f' => $"has a non-ASCII character '{c}' {where}; it needs SMTPUTF8, which many company mail servers lack",
        '@' => "has more than one @ outside quotes",
        _ => $"has '{c}' {where}, which needs quotes or is not allowed",
    };
}
