using SalesOS.Contracts.Markets;

namespace SalesOS.Domain.Markets;

/// <summary>
/// Reads a job title as people write it in a market description ("CTOs", "heads of marketing",
/// "VP Sales") into one <see cref="BuyerPersona"/>: the title in singular title case, its seniority
/// and its department.
/// </summary>
public static class BuyerTitles
{
    private static readonly HashSet<string> Acronyms = new(StringComparer.Ordinal)
    {
        "ceo", "cto", "cfo", "cmo", "coo", "cro", "cio", "ciso", "cpo", "chro", "cdo", "clo", "vp", "svp", "evp", "avp", "hr", "it", "sdr", "bdr",
        "ae", "gtm", "ux", "ui", "qa", "ml", "ai", "bi", "cx", "r&d", "fp&a", "md", "seo", "ppc",
    };

    private static readonly HashSet<string> MinorWords = new(StringComparer.Ordinal) { "of", "and", "for", "the", "in", "at", "to", "&" };

    private static readonly HashSet<string> CLevel = new(StringComparer.Ordinal)
    {
        "ceo", "cto", "cfo", "cmo", "coo", "cro", "cio", "ciso", "cpo", "chro", "cdo", "clo", "chief", "c-level", "c-suite", "founder", "co-founder", "cofounder", "owner",
    };

    // Nouns that make a phrase a role even without a rank ("marketing leaders", "RevOps admins").
    private static readonly HashSet<string> RoleNouns = new(StringComparer.Ordinal)
    {
        "head", "director", "manager", "vp", "svp", "evp", "avp", "president", "leader", "executive", "officer", "founder", "co-founder", "cofounder", "owner",
        "engineer", "developer", "marketer", "recruiter", "rep", "representative", "buyer", "admin", "administrator", "analyst", "architect", "specialist",
        "lead", "controller", "counsel", "accountant", "sdr", "bdr", "ae", "salesperson", "seller", "decision-maker", "partner", "principal",
        "ceo", "cto", "cfo", "cmo", "coo", "cro", "cio", "ciso", "cpo", "chro", "cdo", "clo", "chief",
    };

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal) { "the", "a", "an", "their", "our", "all", "any" };

    /// <summary>Reads a title; false when the words name no rank and no role, so "fintech companies" is not mistaken for a buyer.</summary>
    public static bool TryRead(string text, out BuyerPersona persona)
    {
        persona = null!;
        var words = text.Split([' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SkipWhile(word => Determiners.Contains(word.ToLowerInvariant()))
            .ToList();
        if (words.Count == 0)
        {
            return false;
        }

        var singular = words.Select(word => Singular(word.ToLowerInvariant())).ToList();
        var title = string.Join(' ', words.Select((word, i) => Display(word, singular[i])));
        var seniority = Seniority(singular);
        if (seniority is null && !singular.Any(RoleNouns.Contains))
        {
            return false;
        }

        // "Vice President of Sales" names Sales, not the Executive team its "President" suggests.
        var departments = MarketVocabulary.Departments.Find(string.Join(' ', singular));
        var department = departments.FirstOrDefault(d => d != "Executive") ?? departments.FirstOrDefault();
        persona = new BuyerPersona(title, seniority, department);
        return true;
    }

    private static string? Seniority(List<string> words)
    {
        var joined = " " + string.Join(' ', words) + " ";
        if (joined.Contains(" vice president ", StringComparison.Ordinal) || words.Any(w => w is "vp" or "svp" or "evp" or "avp"))
        {
            return "VP";
        }

        if (words.Any(CLevel.Contains) || joined.Contains(" managing director ", StringComparison.Ordinal) || words.Contains("president"))
        {
            return "C-level";
        }

        return words switch
        {
            _ when words.Contains("head") => "Head",
            _ when words.Contains("director") => "Director",
            _ when words.Contains("manager") => "Manager",
            _ => null,
        };
    }

    private static string Singular(string word)
    {
        if (word == "salespeople")
        {
            return "salesperson";
        }

        if (word.Length > 2 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal))
        {
            var stem = word[..^1];
            return RoleNouns.Contains(stem) || Acronyms.Contains(stem) ? stem : word;
        }

        return word;
    }

    private static string Display(string written, string singular)
    {
        if (Acronyms.Contains(singular))
        {
            return singular.ToUpperInvariant();
        }

        if (MinorWords.Contains(singular))
        {
            return singular;
        }

        // Brand-like spellings ("RevOps", "HubSpot") are kept as written, without a plural "s".
        if (written.Skip(1).Any(char.IsUpper))
        {
            return written.Length > singular.Length ? written[..singular.Length] : written;
        }

        return char.ToUpperInvariant(singular[0]) + singular[1..];
    }
}
