using System.Globalization;
using System.Text;

namespace SalesOS.Prospecting.Contacts;

/// <summary>A known person at a domain and the address they use there.</summary>
public readonly record struct EmailSample(string FirstName, string LastName, string Email);

/// <summary>How a multi-part last name ("Smith-Jones", "van der Berg", "García López") is written in addresses.</summary>
public enum LastNameStyle
{
    /// <summary>All parts run together: "smithjones", "vanderberg".</summary>
    Joined,

    /// <summary>Parts joined by hyphens: "smith-jones", "van-der-berg".</summary>
    Hyphenated,

    /// <summary>Only the first part: "smith", "garcia".</summary>
    FirstPart,

    /// <summary>Only the last part: "jones", "berg".</summary>
    LastPart,
}

/// <summary>The address pattern a domain uses, how sure we are, and why.</summary>
public sealed record EmailPatternInference(string Pattern, LastNameStyle LastNameStyle, double Confidence, int Matches, int Samples, string Reason);

/// <summary>
/// Learns a domain's address pattern ("{first}.{last}", "{f}{last}", ...) from people whose address is known
/// and writes the address of someone new under it. Names are folded to what mail systems accept: lowercase,
/// accents dropped (é→e, ñ→n, ø→o, ł→l), ß→ss, æ→ae, œ→oe, apostrophes and dots dropped ("O'Brien"→"obrien").
/// German umlauts are written ae/oe/ue (Müller→mueller), the spelling German companies' mail systems mostly
/// use and the one a German reader expects; inference accepts both that and the plain u, so a domain whose
/// samples write "muller" still has its pattern recognised.
/// </summary>
public static class EmailPatterns
{
    /// <summary>
    /// Used when nothing is known about a domain: {first}.{last} is the most frequent pattern at companies past
    /// the founding team (address-finder vendors publish it as the most common B2B pattern, ahead of {first}
    /// and {f}{last}), so it is the best single guess, but a guess: <see cref="FallbackConfidence"/>.
    /// </summary>
    public const string FallbackPattern = "{first}.{last}";

    public const double FallbackConfidence = 0.25;

    /// <summary>Every pattern recognised, most common first (the order breaks ties).</summary>
    public static IReadOnlyList<string> Known { get; } =
    [
        "{first}.{last}", "{first}", "{f}{last}", "{first}{last}", "{f}.{last}", "{first}_{last}", "{first}{l}", "{last}",
        "{first}-{last}", "{last}.{first}", "{last}{first}", "{last}{f}", "{first}.{l}", "{f}{l}", "{last}_{first}", "{last}.{f}",
        "{f}_{last}", "{first}_{l}", "{f}-{last}",
    ];

    private static readonly LastNameStyle[] Styles = Enum.GetValues<LastNameStyle>();

    /// <summary>
    /// The pattern most of the domain's samples follow. Confidence grows with agreeing samples and shrinks with
    /// disagreeing ones: (matches + 1) / (samples + 2), at most 0.95; one matching sample gives 0.67. Samples
    /// from other domains, without a name, or with a role mailbox are left out. No usable sample: the fallback.
    /// </summary>
    public static EmailPatternInference Infer(string domain, IEnumerable<EmailSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var wantedDomain = domain.Trim().TrimEnd('.').ToLowerInvariant();
        var counts = new Dictionary<(string Pattern, LastNameStyle Style), int>();
        var usable = 0;
        foreach (var sample in samples)
        {
            var at = sample.Email?.LastIndexOf('@') ?? -1;
            if (at <= 0 || !sample.Email![(at + 1)..].Trim().TrimEnd('.').Equals(wantedDomain, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var local = sample.Email[..at].ToLowerInvariant();
            var plus = local.IndexOf('+', StringComparison.Ordinal);
            local = plus > 0 ? local[..plus] : local;
            if (RoleAccounts.IsRole(local) || string.IsNullOrWhiteSpace(sample.FirstName) || string.IsNullOrWhiteSpace(sample.LastName))
            {
                continue;
            }

            usable++;
            var seen = new HashSet<(string, LastNameStyle)>();
            foreach (var umlauts in new[] { true, false })
            {
                var firsts = FirstNameForms(sample.FirstName, umlauts);
                foreach (var style in Styles)
                {
                    var last = LastName(sample.LastName, style, umlauts);
                    foreach (var pattern in Known)
                    {
                        if (firsts.Any(first => Apply(pattern, first, last) == local) && seen.Add((pattern, style)))
                        {
                            counts[(pattern, style)] = counts.GetValueOrDefault((pattern, style)) + 1;
                        }
                    }
                }
            }
        }

        if (counts.Count == 0)
        {
            var why = usable == 0
                ? $"no known address at {wantedDomain}; {FallbackPattern} is the most common B2B pattern"
                : $"none of the {usable} known addresses at {wantedDomain} follows a known pattern; guessing {FallbackPattern}";
            return new EmailPatternInference(FallbackPattern, LastNameStyle.Joined, FallbackConfidence, 0, usable, why);
        }

        // Most matches first, then the commoner pattern, then the simpler last-name style.
        var best = counts
            .OrderByDescending(c => c.Value)
            .ThenBy(c => IndexOf(c.Key.Pattern))
            .ThenBy(c => c.Key.Style)
            .First();
        var (bestPattern, bestStyle) = best.Key;
        var matches = best.Value;
        var confidence = Math.Min(0.95, (matches + 1.0) / (usable + 2.0));
        var reason = $"{matches} of {usable} known addresses at {wantedDomain} follow {bestPattern}"
            + (bestStyle == LastNameStyle.Joined ? "" : $" with last names written {bestStyle}");
        return new EmailPatternInference(bestPattern, bestStyle, Math.Round(confidence, 3), matches, usable, reason);
    }

    /// <summary>The address of a person under a pattern; null when the name leaves nothing to write (e.g. no letters).</summary>
    public static string? Generate(string pattern, string firstName, string lastName, string domain, LastNameStyle style = LastNameStyle.Joined)
    {
        var first = FirstNameForms(firstName, umlautsAsDigraphs: true)[0];
        var last = LastName(lastName, style, umlautsAsDigraphs: true);
        var needsLast = pattern.Contains("{last}", StringComparison.Ordinal) || pattern.Contains("{l}", StringComparison.Ordinal);
        var needsFirst = pattern.Contains("{first}", StringComparison.Ordinal) || pattern.Contains("{f}", StringComparison.Ordinal);
        if ((needsFirst && first.Length == 0) || (needsLast && last.Length == 0))
        {
            return null;
        }

        var local = Apply(pattern, first, last);
        var address = local + "@" + domain.Trim().TrimEnd('.').ToLowerInvariant();
        return EmailAddressSyntax.Check(address).Valid ? address : null;
    }

    /// <summary>The best guess for a person's address at a domain, from what is known about the domain.</summary>
    public static (string? Email, EmailPatternInference Pattern) Suggest(string firstName, string lastName, string domain, IEnumerable<EmailSample> samples)
    {
        var inference = Infer(domain, samples);
        return (Generate(inference.Pattern, firstName, lastName, domain, inference.LastNameStyle), inference);
    }

    /// <summary>A name part as mail systems write it: folded to lowercase ASCII letters and digits, separators kept as single hyphens.</summary>
    public static string FoldName(string name, bool umlautsAsDigraphs = true)
    {
        var builder = new StringBuilder(name.Length + 4);
        foreach (var raw in name.Trim())
        {
            var c = char.ToLowerInvariant(raw);
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
                continue;
            }

            switch (c)
            {
                case '\'' or '’' or '‘' or '`' or '.':
                    continue;
                case ' ' or '-' or '_' or '‐' or '–':
                    if (builder.Length > 0 && builder[^1] != '-')
                    {
                        builder.Append('-');
                    }

                    continue;
                case 'ä' when umlautsAsDigraphs:
                    builder.Append("ae");
                    continue;
                case 'ö' when umlautsAsDigraphs:
                    builder.Append("oe");
                    continue;
                case 'ü' when umlautsAsDigraphs:
                    builder.Append("ue");
                    continue;
                case 'ß':
                    builder.Append("ss");
                    continue;
                case 'æ':
                    builder.Append("ae");
                    continue;
                case 'œ':
                    builder.Append("oe");
                    continue;
                case 'ø':
                    builder.Append('o');
                    continue;
                case 'ł':
                    builder.Append('l');
                    continue;
                case 'đ' or 'ð':
                    builder.Append('d');
                    continue;
                case 'þ':
                    builder.Append("th");
                    continue;
                case 'ı':
                    builder.Append('i');
                    continue;
            }

            foreach (var d in c.ToString().Normalize(NormalizationForm.FormD))
            {
                if (char.IsAsciiLetterOrDigit(d))
                {
                    builder.Append(d);
                }
                else if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
                {
                    break;
                }
            }
        }

        return builder.ToString().Trim('-');
    }

    private static string[] FirstNameForms(string firstName, bool umlautsAsDigraphs)
    {
        // "Jean-Pierre" is "jeanpierre" in most systems, "jean-pierre" in some, "jean" in a few.
        var folded = FoldName(firstName, umlautsAsDigraphs);
        if (!folded.Contains('-', StringComparison.Ordinal))
        {
            return [folded];
        }

        return [folded.Replace("-", "", StringComparison.Ordinal), folded, folded[..folded.IndexOf('-', StringComparison.Ordinal)]];
    }

    private static string LastName(string lastName, LastNameStyle style, bool umlautsAsDigraphs)
    {
        var folded = FoldName(lastName, umlautsAsDigraphs);
        return style switch
        {
            LastNameStyle.Hyphenated => folded,
            LastNameStyle.FirstPart => folded.Split('-')[0],
            LastNameStyle.LastPart => folded.Split('-')[^1],
            _ => folded.Replace("-", "", StringComparison.Ordinal),
        };
    }

    private static string Apply(string pattern, string first, string last) => pattern
        .Replace("{first}", first, StringComparison.Ordinal)
        .Replace("{last}", last, StringComparison.Ordinal)
        .Replace("{f}", first.Length > 0 ? first[..1] : "", StringComparison.Ordinal)
        .Replace("{l}", last.Length > 0 ? last[..1] : "", StringComparison.Ordinal);

    private static int IndexOf(string pattern)
    {
        for (var i = 0; i < Known.Count; i++)
        {
            if (Known[i] == pattern)
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
