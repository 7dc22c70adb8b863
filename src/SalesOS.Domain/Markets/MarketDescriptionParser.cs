using System.Globalization;
using System.Text.RegularExpressions;
using SalesOS.Contracts.Markets;

namespace SalesOS.Domain.Markets;

/// <summary>
/// Turns a one-line market description ("B2B SaaS, SMB, using Salesforce") into a structured
/// <see cref="MarketDefinition"/> without any service, from the words in <see cref="MarketVocabulary"/>.
/// The description is cut into phrases at commas and at words that start a new thought ("in",
/// "with", "using", "hiring", "excluding"...); a phrase nothing could place is listed in
/// <see cref="MarketDefinition.Unparsed"/> for the user to check, never silently dropped.
/// </summary>
public static partial class MarketDescriptionParser
{
    // Words that only carry a phrase ("companies based"); a phrase made of nothing else has nothing to misunderstand.
    private static readonly HashSet<string> FillerWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "companies", "company", "businesses", "firms", "firm", "brands", "organisations", "organizations", "orgs", "teams", "vendors", "providers",
        "players", "accounts", "customers", "clients", "based", "headquartered", "located", "operating", "active", "that", "are", "is", "which", "who",
        "the", "a", "an", "and", "or", "all", "any", "only", "mostly", "mainly", "primarily", "focused", "focus", "on", "target", "targets", "market",
        "markets", "segment", "sector", "space", "industry", "industries", "vertical", "verticals", "of", "for", "to", "our", "their", "ideal", "icp",
        "profile", "like", "such", "as", "also", "both", "either", "other", "similar", "etc",
    };

    private const decimal MaxEmployees = 10_000_000m;
    private const decimal MaxAmount = 1_000_000_000_000m;

    public static MarketDefinition Parse(string? description)
    {
        var draft = new Draft();
        var text = Whitespace().Replace(description ?? "", " ").Trim();
        foreach (var raw in Phrases().Split(text))
        {
            var phrase = Connector().Replace(raw.Trim().Trim('.', ' ', ':', '-', '(', ')', '"', '\''), "");
            if (phrase.Length > 0)
            {
                Read(phrase, draft);
            }
        }

        return draft.ToDefinition();
    }

    private static void Read(string phrase, Draft draft)
    {
        if (Exclusion().Match(phrase) is { Success: true } exclusion)
        {
            foreach (var item in ListItems(exclusion.Groups["what"].Value, splitOnSlash: true))
            {
                AddDistinct(draft.Exclusions, Leading().Replace(item, ""));
            }

            return;
        }

        var understood = AddAll(draft.BusinessModels, MarketVocabulary.BusinessModels.Find(phrase));
        foreach (var size in MarketVocabulary.CompanySizes.Find(ProductForEnterprises().Replace(phrase, " ")))
        {
            draft.SizeWords.Add(MarketVocabulary.SizeRanges[size]);
            understood = true;
        }

        if (ReadEmployees(phrase) is { } employees)
        {
            draft.StatedEmployees = employees;
            understood = true;
        }

        if (ReadRevenue(phrase) is { } revenue)
        {
            draft.Revenue = revenue;
            understood = true;
        }

        understood |= AddAll(draft.Industries, MarketVocabulary.Industries.Find(phrase));
        understood |= AddAll(draft.Geographies, MarketVocabulary.Places.Find(phrase));
        understood |= AddAll(draft.GrowthSignals, Signals().Matches(phrase).Select(m => Whitespace().Replace(m.Value, " ").ToLowerInvariant()));
        if (Pain().Match(phrase) is { Success: true } pain)
        {
            AddDistinct(draft.PainPoints, pain.Groups["pain"].Value);
            understood = true;
        }

        if (PersonaLead().Match(phrase) is { Success: true } lead)
        {
            understood |= AddPersonas(draft, ListItems(lead.Groups["who"].Value, splitOnSlash: true), requireEvery: false);
        }

        // Catalogue names that are also English words ("segment", "drift", "notion") count only where a phrase is about tools.
        if (TechnologyContext().IsMatch(phrase) || !understood)
        {
            understood |= ReadTechnologies(phrase, asList: !understood, draft);
        }

        // A bare title ("VP Sales", "heads of marketing") is a persona even without "targeting" in front.
        if (!understood)
        {
            understood = AddPersonas(draft, ListItems(phrase, splitOnSlash: true), requireEvery: true);
        }

        if (!understood && !phrase.Split([' ', '-', '/'], StringSplitOptions.RemoveEmptyEntries).All(FillerWords.Contains))
        {
            AddDistinct(draft.Unparsed, phrase);
        }
    }

    private static bool ReadTechnologies(string phrase, bool asList, Draft draft)
    {
        string list;
        if (TechnologyList().Match(phrase) is { Success: true } lead)
        {
            list = lead.Groups["list"].Value;
        }
        else if (asList)
        {
            // The tail of "using HubSpot, Webflow or FooCRM" arrives after the comma as a phrase of its own.
            list = phrase;
        }
        else
        {
            return AddAll(draft.Technologies, MarketVocabulary.Technologies.Find(phrase));
        }

        // In "using HubSpot or FooCRM" each tool is its own claim: the one not in the catalogue is reported, the rest kept.
        var unknown = new List<string>();
        var found = false;
        foreach (var item in ListItems(list, splitOnSlash: false))
        {
            var names = MarketVocabulary.Technologies.Find(item);
            found |= AddAll(draft.Technologies, names);
            if (names.Count == 0)
            {
                unknown.Add(item);
            }
        }

        if (found)
        {
            unknown.ForEach(item => AddDistinct(draft.Unparsed, item));
        }

        return found;
    }

    private static bool AddPersonas(Draft draft, List<string> titles, bool requireEvery)
    {
        var personas = new List<BuyerPersona>();
        foreach (var title in titles)
        {
            if (BuyerTitles.TryRead(title, out var persona))
            {
                personas.Add(persona);
            }
            else if (requireEvery)
            {
                return false;
            }
        }

        foreach (var persona in personas.Where(p => !draft.Personas.Exists(known => known.Title == p.Title)))
        {
            draft.Personas.Add(persona);
        }

        return personas.Count > 0;
    }

    private static EmployeeRange? ReadEmployees(string phrase)
    {
        var match = EmployeesAfterNumber().Match(phrase) is { Success: true } after ? after : EmployeesBeforeNumber().Match(phrase);
        if (!match.Success || !TryNumber(match.Groups["low"].Value, MaxEmployees, out var lowNumber))
        {
            return null;
        }

        var low = (int)lowNumber;
        int? high = null;
        if (match.Groups["high"].Success)
        {
            if (!TryNumber(match.Groups["high"].Value, MaxEmployees, out var highNumber))
            {
                return null;
            }

            high = (int)highNumber;
        }

        return (BoundOf(match), high) switch
        {
            // "Over 1,000 employees" leaves 1,000 out; "under 100" keeps 100 as the ceiling.
            (Bound.Above, _) => new EmployeeRange(low + 1, null),
            (Bound.AtLeast, _) => new EmployeeRange(low, null),
            (Bound.AtMost, _) => new EmployeeRange(null, low),
            (_, { } top) => new EmployeeRange(Math.Min(low, top), Math.Max(low, top)),
            _ => new EmployeeRange(low, low),
        };
    }

    private static RevenueRange? ReadRevenue(string phrase)
    {
        var match = RevenueAfterAmount().Match(phrase) is { Success: true } after ? after : RevenueBeforeAmount().Match(phrase);
        if (!match.Success)
        {
            return null;
        }

        // "$1-10M" writes the unit once, after the upper amount.
        var lowUnit = match.Groups["lowUnit"].Value;
        var highUnit = match.Groups["highUnit"].Value;
        if (!TryDollars(match.Groups["low"].Value, lowUnit.Length > 0 ? lowUnit : highUnit, out var low))
        {
            return null;
        }

        decimal? high = null;
        if (match.Groups["high"].Success)
        {
            if (!TryDollars(match.Groups["high"].Value, highUnit.Length > 0 ? highUnit : lowUnit, out var top))
            {
                return null;
            }

            high = top;
        }

        return (BoundOf(match), high) switch
        {
            (Bound.Above or Bound.AtLeast, _) => new RevenueRange(low, null),
            (Bound.AtMost, _) => new RevenueRange(null, low),
            (_, { } top) => new RevenueRange(Math.Min(low, top), Math.Max(low, top)),
            _ => new RevenueRange(low, low),
        };
    }

    private static Bound BoundOf(Match match)
    {
        if (match.Groups["plus"].Success)
        {
            return Bound.AtLeast;
        }

        return match.Groups["op"].Value.ToLowerInvariant() switch
        {
            "over" or "more than" or "greater than" or "above" or "larger than" or ">" => Bound.Above,
            "at least" or "minimum" or "minimum of" or "min" or "min." or ">=" or "≥" => Bound.AtLeast,
            "under" or "less than" or "fewer than" or "below" or "smaller than" or "<" or "up to" or "at most" or "no more than" or "maximum" or "maximum of"
                or "max" or "max." or "<=" or "≤" => Bound.AtMost,
            _ => Bound.Between,
        };
    }

    // A figure no company has ("99999999999 employees") is left unparsed instead of overflowing.
    private static bool TryNumber(string text, decimal max, out decimal number)
    {
        var value = text.Replace(",", "", StringComparison.Ordinal);
        var thousands = value.EndsWith('k') || value.EndsWith('K');
        if (!decimal.TryParse(thousands ? value[..^1] : value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number) || number > max)
        {
            return false;
        }

        number = thousands ? number * 1_000m : number;
        return number <= max;
    }

    // Dividing by 1.000... drops the trailing zeros "1.5" * 1,000,000 leaves, so $1.5M reads 1500000, not 1500000.0.
    private static bool TryDollars(string amount, string unit, out decimal dollars)
    {
        dollars = 0m;
        if (!TryNumber(amount, MaxAmount, out var number))
        {
            return false;
        }

        dollars = number * Multiplier(unit) / 1.000000000000000000000000000000000m;
        return true;
    }

    private static decimal Multiplier(string unit) => unit.ToLowerInvariant() switch
    {
        "k" => 1_000m,
        "m" or "mm" or "mn" or "million" => 1_000_000m,
        "b" or "bn" or "billion" => 1_000_000_000m,
        _ => 1m,
    };

    private static List<string> ListItems(string text, bool splitOnSlash)
        => [.. (splitOnSlash ? ListSeparatorsWithSlash() : ListSeparators()).Split(text).Select(item => item.Trim()).Where(item => item.Length > 0)];

    private static bool AddAll(List<string> into, IEnumerable<string> values)
    {
        var any = false;
        foreach (var value in values)
        {
            AddDistinct(into, value);
            any = true;
        }

        return any;
    }

    private static void AddDistinct(List<string> into, string value)
    {
        if (value.Length > 0 && !into.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            into.Add(value);
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // "Enterprise software" names what a company sells, not how big it is.
    [GeneratedRegex(@"\benterprise\s+(?:software|saas|tech|technology|it|ai|solutions|security)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProductForEnterprises();

    // Where one thought ends and the next begins. A comma inside "1,000" is a digit group, not a break; "in" before
    // "revenue" stays, as in "$10M in revenue"; "recently raised" stays one signal.
    [GeneratedRegex(
        @"\s*(?:(?<!\d),|,(?!\d{3}(?!\d)))\s*|\s*[;|•]\s*|\.\s+|(?<!\d)\s+[-–—]\s+(?!\$?\d)"
        + @"|(?<!\b(?:struggling|problems?|challenges?|frustrated|issues?|integrat\w*|compatible|works?|working|familiar))\s+with\s+"
        + @"|\s+(?:who|that|which|whose)\s+|\s+at\s+(?!(?:least|most)\b)"
        + @"|\s+(?:in|across|from|throughout)\s+(?!(?:annual\s+)?(?:revenue|arr|turnover)\b)"
        + @"|\s+(?:and|but)\s+(?=(?:using|uses|use|hiring|excluding|except|not|no|targeting|selling|with|who|that|raised|recently|expanding|in|across|on)\b)"
        + @"|(?<!\b(?:recently|just|newly|and|but))\s+(?=(?:excluding|except|but\s+not|other\s+than|using|hiring|targeting|selling\s+to|raised|recently|struggling|frustrated)\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Phrases();

    [GeneratedRegex(@"\s*(?:,|\bor\b|\band\b|\bplus\b|\bas\s+well\s+as\b|&(?=\s))\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListSeparators();

    [GeneratedRegex(@"\s*(?:,|/|\bor\b|\band\b|\bplus\b|\bas\s+well\s+as\b)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListSeparatorsWithSlash();

    // A phrase cut after a comma can still open with the word that linked it (", in Atlantis").
    [GeneratedRegex(@"^(?:in|with|from|across|throughout|at(?!\s+(?:least|most)\b)|who|that|which|whose)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Connector();

    [GeneratedRegex(@"^(?:any|all|the)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Leading();

    [GeneratedRegex(
        @"^(?:and\s+|but\s+)?(?:excluding|exclude|excl\.?|except(?:\s+for)?|not|no|without|but\s+not|other\s+than|avoid(?:ing)?)\s+(?<what>.+)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Exclusion();

    [GeneratedRegex(
        @"\b(?:using|uses|use|used|on|running|runs|run|built\s+(?:on|with)|powered\s+by|integrat\w*|stack|via)\b"
        + @"|\b(?:users?|customers?|shops|stores|merchants|instances|admins)\s+of\b|\b(?:users|customers|shops|stores|merchants|instances|admins)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TechnologyContext();

    [GeneratedRegex(
        @"^(?:using|uses|use|used|running|runs|run|on|built\s+(?:on|with)|powered\s+by|(?:users?|customers?)\s+of|integrat\w*(?:\s+with)?|(?:tech\s+)?stack\s*:?|tools?\s*:)\s+(?<list>.+)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TechnologyList();

    [GeneratedRegex(
        @"(?:(?<op>over|more\s+than|greater\s+than|larger\s+than|above|at\s+least|minimum(?:\s+of)?|min\.?|under|less\s+than|fewer\s+than|smaller\s+than|below|up\s+to|at\s+most|no\s+more\s+than|maximum(?:\s+of)?|max\.?|between|from)\s+|(?<op>>=|<=|≥|≤|>|<)\s*)?"
        + @"(?<![\w.,])(?<low>\d[\d,]*(?:\.\d+)?k?)(?:\s*(?:-|–|—|to|and)\s*(?<high>\d[\d,]*(?:\.\d+)?k?))?\s*(?<plus>\+)?\s*(?:employees?|staff|people|ftes?|headcount|team\s+members|workers)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EmployeesAfterNumber();

    [GeneratedRegex(
        @"\b(?:employees|employee\s+count|headcount|company\s+size|team\s+size|staff)\s*(?:of|:|=|is|between|from)?\s*"
        + @"(?:(?<op>over|more\s+than|greater\s+than|above|at\s+least|under|less\s+than|fewer\s+than|below|up\s+to|at\s+most|no\s+more\s+than)\s+|(?<op>>=|<=|≥|≤|>|<)\s*)?"
        + @"(?<low>\d[\d,]*(?:\.\d+)?k?)(?:\s*(?:-|–|—|to|and)\s*(?<high>\d[\d,]*(?:\.\d+)?k?))?\s*(?<plus>\+)?(?![\w.])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EmployeesBeforeNumber();

    // Amounts in dollars only: a "€" or "£" figure is left unparsed rather than quietly read as USD.
    [GeneratedRegex(
        @"(?:(?<op>over|more\s+than|greater\s+than|above|at\s+least|minimum(?:\s+of)?|under|less\s+than|below|up\s+to|at\s+most|no\s+more\s+than|maximum(?:\s+of)?|between|from)\s+|(?<op>>=|<=|≥|≤|>|<)\s*)?"
        + @"(?<![€£\w.,])(?:\$\s*(?<low>\d[\d,]*(?:\.\d+)?)\s*(?<lowUnit>k|mm|mn|m|million|bn|b|billion)?|(?<low>\d[\d,]*(?:\.\d+)?)\s*(?<lowUnit>k|mm|mn|m|million|bn|b|billion))(?![\w])"
        + @"(?:\s*(?:-|–|—|to|and)\s*\$?\s*(?<high>\d[\d,]*(?:\.\d+)?)\s*(?<highUnit>k|mm|mn|m|million|bn|b|billion)?(?![\w]))?"
        + @"\s*(?<plus>\+)?\s*(?:usd\s+)?(?:in\s+)?(?:annual\s+recurring\s+revenue|annual\s+revenue|recurring\s+revenue|revenue|arr|turnover)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RevenueAfterAmount();

    [GeneratedRegex(
        @"\b(?:annual\s+recurring\s+revenue|annual\s+revenue|revenue|arr|turnover)\s*(?:of|:|=|is|between|from)?\s*"
        + @"(?:(?<op>over|more\s+than|greater\s+than|above|at\s+least|under|less\s+than|below|up\s+to|at\s+most|no\s+more\s+than)\s+|(?<op>>=|<=|≥|≤|>|<)\s*)?"
        + @"(?:\$\s*(?<low>\d[\d,]*(?:\.\d+)?)\s*(?<lowUnit>k|mm|mn|m|million|bn|b|billion)?|(?<low>\d[\d,]*(?:\.\d+)?)\s*(?<lowUnit>k|mm|mn|m|million|bn|b|billion))(?![\w])"
        + @"(?:\s*(?:-|–|—|to|and)\s*\$?\s*(?<high>\d[\d,]*(?:\.\d+)?)\s*(?<highUnit>k|mm|mn|m|million|bn|b|billion)?(?![\w]))?\s*(?<plus>\+)?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RevenueBeforeAmount();

    [GeneratedRegex(
        @"\bhiring(?:\s+(?!(?:using|on|with|in|across|and|or|who|that|for|excluding|except|targeting)\b)[\w+#/-]+){0,3}"
        + @"|\b(?:recently|newly|just)\s+(?:funded|raised(?:\s+(?:a\s+|their\s+)?(?:series\s+[a-e](?:\s*(?:/|or|and|&)\s*[a-e])?|seed(?:\s+round)?|funding|capital|money))?)\b"
        + @"|\braised\s+(?:a\s+|their\s+)?(?:series\s+[a-e](?:\s*(?:/|or|and|&)\s*[a-e])?|seed(?:\s+round)?|funding|capital|money)\b"
        + @"|\bseries\s+[a-e](?:\s*(?:/|or|and|&)\s*[a-e])?(?:\s+funded)?\b"
        + @"|\bnew\s+funding\b|\b(?:venture|vc|pe)[- ]backed\b|(?<!self[- ])\bfunded\b"
        + @"|\bexpanding(?:\s+(?!(?:using|on|with|in|across|and|or|who|that)\b)[\w-]+){0,3}"
        + @"|\b(?:fast|rapidly)[- ]growing\b|\bhigh[- ]growth\b|\bhyper-?growth\b|\bgrowing\s+(?:fast|headcount|teams?)\b"
        + @"|\bnew\s+(?:cto|ceo|cmo|cro|cfo|coo|cio|ciso|vp\s+\w+|head\s+of\s+\w+)\b"
        + @"|\brecently\s+acquired\b|\b(?:opening|opened)\s+new\s+offices?\b|\bipo\b|\bgoing\s+public\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Signals();

    [GeneratedRegex(
        @"\b(?:struggling\s+with|problems?\s+with|issues?\s+with|challenges?\s+with|frustrated\s+with|pains?\s*:|pain\s+points?\s*:?|needing|needs?)\s+(?<pain>.+)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pain();

    [GeneratedRegex(
        @"\b(?:targeting|target|selling\s+to|sells?\s+to|reaching|reach|talking\s+to|talk\s+to|aimed\s+at|for|personas?\s*:|buyers?\s*:|decision[- ]makers?\s*:|contacts?\s*:)\s+(?<who>.+)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PersonaLead();

    /// <summary>What the phrases have said so far; sizes named in words widen each other ("SMB and mid-market"), a stated headcount wins over them.</summary>
    private sealed class Draft
    {
        public List<string> Industries { get; } = [];
        public List<string> BusinessModels { get; } = [];
        public List<(int? Min, int? Max)> SizeWords { get; } = [];
        public EmployeeRange? StatedEmployees { get; set; }
        public RevenueRange? Revenue { get; set; }
        public List<string> Geographies { get; } = [];
        public List<string> Technologies { get; } = [];
        public List<string> GrowthSignals { get; } = [];
        public List<string> PainPoints { get; } = [];
        public List<BuyerPersona> Personas { get; } = [];
        public List<string> Exclusions { get; } = [];
        public List<string> Unparsed { get; } = [];

        public MarketDefinition ToDefinition() => new()
        {
            Industries = Industries,
            BusinessModels = BusinessModels,
            Employees = StatedEmployees ?? SizeFromWords(),
            Revenue = Revenue,
            Geographies = Geographies,
            Technologies = Technologies,
            GrowthSignals = GrowthSignals,
            PainPoints = PainPoints,
            Personas = Personas,
            Exclusions = Exclusions,
            Unparsed = Unparsed,
        };

        private EmployeeRange? SizeFromWords() => SizeWords.Count == 0
            ? null
            : new EmployeeRange(SizeWords.Min(size => size.Min), SizeWords.Any(size => size.Max is null) ? null : SizeWords.Max(size => size.Max));
    }
}

/// <summary>Which side of a stated number a range lies on.</summary>
internal enum Bound
{
    Between,
    Above,
    AtLeast,
    AtMost,
}
