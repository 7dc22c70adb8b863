using System.Globalization;
using System.Text.RegularExpressions;
using SalesOS.Contracts.Markets;

namespace SalesOS.Domain.Markets;

/// <summary>
/// Turns a one-line market description ("B2B SaaS, SMB, using Salesforce") into a structured
/// <see cref="MarketDefinition"/> without any service: vocabularies for industries, company sizes,
/// places, technologies, signals and personas. What it cannot place is listed in Unparsed.
/// </summary>
public static partial class MarketDescriptionParser
{
    private static readonly (string Name, string[] Words)[] IndustryWords =
    [
        ("Software", ["saas", "software", "cloud software"]), ("Fintech", ["fintech", "financial technology", "payments"]),
        ("Healthtech", ["healthtech", "health tech", "digital health", "healthcare"]), ("E-commerce", ["e-commerce", "ecommerce", "online retail", "dtc"]),
        ("Manufacturing", ["manufacturing", "manufacturers"]), ("Logistics", ["logistics", "supply chain", "freight", "shipping"]),
        ("Real estate", ["real estate", "proptech"]), ("Insurance", ["insurance", "insurtech"]), ("Education", ["education", "edtech"]),
        ("Marketing agencies", ["marketing agency", "marketing agencies", "agencies"]), ("Cybersecurity", ["cybersecurity", "security", "infosec"]),
        ("HR tech", ["hr tech", "hrtech", "hr software"]), ("Legal", ["legal", "legaltech", "law firms"]), ("Media", ["media", "publishing"]),
        ("Telecom", ["telecom", "telecommunications"]), ("Energy", ["energy", "cleantech", "renewables"]), ("Biotech", ["biotech", "life sciences", "pharma"]),
        ("Retail", ["retail", "retailers"]), ("Construction", ["construction"]), ("Hospitality", ["hospitality", "hotels", "restaurants"]),
        ("Banking", ["banking", "banks"]), ("Consulting", ["consulting", "consultancies"]), ("Automotive", ["automotive"]), ("Gaming", ["gaming"]),
    ];

    private static readonly (string Name, string[] Aliases)[] TechnologyCatalogue =
    [
        ("Salesforce", ["salesforce", "sfdc"]), ("HubSpot", ["hubspot"]), ("Marketo", ["marketo"]), ("Pardot", ["pardot"]), ("Segment", ["segment"]),
        ("Stripe", ["stripe"]), ("Intercom", ["intercom"]), ("Zendesk", ["zendesk"]), ("Shopify", ["shopify"]), ("Google Analytics", ["google analytics", "ga4"]),
        ("Snowflake", ["snowflake"]), ("AWS", ["aws", "amazon web services"]), ("Azure", ["azure"]), ("Google Cloud", ["gcp", "google cloud"]),
        ("Slack", ["slack"]), ("Jira", ["jira"]), ("Zoom", ["zoom"]), ("Okta", ["okta"]), ("Workday", ["workday"]), ("NetSuite", ["netsuite"]),
        ("QuickBooks", ["quickbooks"]), ("Xero", ["xero"]), ("Mailchimp", ["mailchimp"]), ("Klaviyo", ["klaviyo"]), ("Drift", ["drift"]),
        ("Gong", ["gong"]), ("Outreach", ["outreach.io", "outreach"]), ("Salesloft", ["salesloft"]), ("Apollo", ["apollo"]), ("ZoomInfo", ["zoominfo"]),
        ("Pipedrive", ["pipedrive"]), ("Zoho", ["zoho"]), ("Freshdesk", ["freshdesk"]), ("Datadog", ["datadog"]), ("Twilio", ["twilio"]),
        ("SAP", ["sap"]), ("Oracle", ["oracle"]), ("Microsoft Dynamics", ["microsoft dynamics", "dynamics 365"]), ("Magento", ["magento"]),
        ("WooCommerce", ["woocommerce"]), ("BigCommerce", ["bigcommerce"]), ("Webflow", ["webflow"]), ("WordPress", ["wordpress"]), ("Auth0", ["auth0"]),
        ("Mixpanel", ["mixpanel"]), ("Amplitude", ["amplitude"]), ("Hotjar", ["hotjar"]), ("Optimizely", ["optimizely"]), ("LaunchDarkly", ["launchdarkly"]),
        ("Sentry", ["sentry"]), ("GitHub", ["github"]), ("GitLab", ["gitlab"]), ("Notion", ["notion"]), ("Asana", ["asana"]), ("Monday.com", ["monday.com"]),
        ("Airtable", ["airtable"]), ("DocuSign", ["docusign"]), ("PandaDoc", ["pandadoc"]), ("Chargebee", ["chargebee"]), ("Recurly", ["recurly"]), ("Paddle", ["paddle"]),
    ];

    private static readonly (string Code, string[] Names)[] Places =
    [
        ("US", ["us", "usa", "united states", "america"]), ("GB", ["uk", "united kingdom", "britain", "england"]), ("CA", ["canada"]), ("AU", ["australia"]),
        ("DE", ["germany"]), ("FR", ["france"]), ("NL", ["netherlands", "holland"]), ("ES", ["spain"]), ("IT", ["italy"]), ("SE", ["sweden"]), ("DK", ["denmark"]),
        ("FI", ["finland"]), ("NO", ["norway"]), ("IE", ["ireland"]), ("BE", ["belgium"]), ("AT", ["austria"]), ("CH", ["switzerland"]), ("PL", ["poland"]),
        ("PT", ["portugal"]), ("CZ", ["czechia", "czech republic"]), ("IN", ["india"]), ("SG", ["singapore"]), ("JP", ["japan"]), ("BR", ["brazil"]), ("MX", ["mexico"]),
        ("IL", ["israel"]), ("AE", ["uae", "united arab emirates"]), ("NZ", ["new zealand"]), ("ZA", ["south africa"]),
        ("DACH", ["dach"]), ("Nordics", ["nordics", "scandinavia"]), ("EMEA", ["emea"]), ("Europe", ["europe", "eu"]), ("North America", ["north america", "na"]),
        ("APAC", ["apac", "asia pacific"]), ("LATAM", ["latam", "latin america"]),
    ];

    private static readonly (string Department, string[] Words)[] Departments =
    [
        ("Sales", ["sales", "revenue", "cro"]), ("Marketing", ["marketing", "cmo", "growth"]), ("Engineering", ["engineering", "cto", "technology", "it"]),
        ("Finance", ["finance", "cfo"]), ("Operations", ["operations", "coo", "revops"]), ("HR", ["hr", "people", "talent", "chro"]), ("Executive", ["ceo", "founder", "founders"]),
    ];

    public static MarketDefinition Parse(string description)
    {
        var industries = new List<string>();
        var models = new List<string>();
        var places = new List<string>();
        var technologies = new List<string>();
        var signals = new List<string>();
        var pains = new List<string>();
        var personas = new List<BuyerPersona>();
        var exclusions = new List<string>();
        var unparsed = new List<string>();
        EmployeeRange? employees = null;
        RevenueRange? revenue = null;

        foreach (var raw in Phrases().Split(description ?? ""))
        {
            var phrase = raw.Trim().Trim('.', ' ');
            if (phrase.Length == 0)
            {
                continue;
            }

            var lower = phrase.ToLowerInvariant();
            var understood = false;
            var exclusion = Exclusion().Match(lower);
            if (exclusion.Success)
            {
                exclusions.AddRange(exclusion.Groups["what"].Value.Split([" or ", " and ", "/"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                continue;
            }

            if (BusinessModel().Match(lower) is { Success: true } model)
            {
                AddDistinct(models, model.Value.ToUpperInvariant());
                understood = true;
            }

            if (ParseEmployees(lower) is { } range)
            {
                employees = range;
                understood = true;
            }

            if (ParseRevenue(lower) is { } money)
            {
                revenue = money;
                understood = true;
            }

            understood |= AddMatches(lower, IndustryWords, industries);
            understood |= AddMatches(lower, Places, places);
            if (TechnologyContext().IsMatch(lower) || !understood)
            {
                understood |= AddMatches(lower, TechnologyCatalogue, technologies);
            }

            if (Signal().Match(lower) is { Success: true } signal)
            {
                AddDistinct(signals, signal.Value.Trim());
                understood = true;
            }

            if (Pain().Match(lower) is { Success: true } pain)
            {
                AddDistinct(pains, pain.Groups["pain"].Value.Trim());
                understood = true;
            }

            if (Persona().Match(phrase) is { Success: true } persona)
            {
                foreach (var title in persona.Groups["who"].Value.Split([" or ", " and ", "/"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    personas.Add(ToPersona(title));
                }

                understood = true;
            }

            if (!understood)
            {
                unparsed.Add(phrase);
            }
        }

        return new MarketDefinition
        {
            Industries = industries, BusinessModels = models, Employees = employees, Revenue = revenue, Geographies = places,
            Technologies = technologies, GrowthSignals = signals, PainPoints = pains, Personas = personas, Exclusions = exclusions, Unparsed = unparsed,
        };
    }

    private static EmployeeRange? ParseEmployees(string phrase)
    {
        if (EmployeeNumbers().Match(phrase) is { Success: true } numbers)
        {
            var low = Number(numbers.Groups["low"].Value);
            var high = numbers.Groups["high"].Success ? Number(numbers.Groups["high"].Value) : (int?)null;
            return numbers.Groups["op"].Value switch
            {
                "over" or "more than" or ">" or "above" => new EmployeeRange(low + 1, null),
                "under" or "less than" or "<" or "below" or "up to" => new EmployeeRange(null, low),
                _ => new EmployeeRange(low, high ?? low),
            };
        }

        return phrase switch
        {
            _ when Regex.IsMatch(phrase, @"\b(smb|smbs|small business(es)?|small and medium)\b") => new EmployeeRange(1, 200),
            _ when Regex.IsMatch(phrase, @"\bmid[- ]?market\b") => new EmployeeRange(200, 1000),
            _ when Regex.IsMatch(phrase, @"\benterprises?\b") => new EmployeeRange(1000, null),
            _ when Regex.IsMatch(phrase, @"\bstart-?ups?\b") => new EmployeeRange(1, 50),
            _ => null,
        };
    }

    private static RevenueRange? ParseRevenue(string phrase)
    {
        var match = Revenue().Match(phrase);
        if (!match.Success)
        {
            return null;
        }

        var low = Money(match.Groups["low"].Value, match.Groups["lowUnit"].Value);
        var high = match.Groups["high"].Success ? Money(match.Groups["high"].Value, match.Groups["highUnit"].Value.Length > 0 ? match.Groups["highUnit"].Value : match.Groups["lowUnit"].Value) : (decimal?)null;
        return match.Groups["op"].Value switch
        {
            "over" or "above" or "more than" or ">" => new RevenueRange(low, null),
            "under" or "below" or "less than" or "<" => new RevenueRange(null, low),
            _ => new RevenueRange(low, high),
        };
    }

    private static BuyerPersona ToPersona(string title)
    {
        var lower = title.ToLowerInvariant();
        var seniority = lower switch
        {
            _ when Regex.IsMatch(lower, @"\b(ceo|cto|cfo|cmo|coo|cro|chro|chief|founders?)\b") => "C-level",
            _ when Regex.IsMatch(lower, @"\b(vp|vice president|svp|evp)\b") => "VP",
            _ when Regex.IsMatch(lower, @"\b(head|heads)\b") => "Head",
            _ when Regex.IsMatch(lower, @"\bdirectors?\b") => "Director",
            _ when Regex.IsMatch(lower, @"\bmanagers?\b") => "Manager",
            _ => null,
        };
        var department = Departments.FirstOrDefault(d => d.Words.Any(w => Regex.IsMatch(lower, $@"\b{Regex.Escape(w)}\b"))).Department;
        return new BuyerPersona(title, seniority, department);
    }

    private static bool AddMatches(string phrase, (string Name, string[] Words)[] vocabulary, List<string> into)
    {
        var found = false;
        foreach (var (name, words) in vocabulary)
        {
            if (words.Any(w => Regex.IsMatch(phrase, $@"(?<![\w.]){Regex.Escape(w)}(?![\w])")))
            {
                AddDistinct(into, name);
                found = true;
            }
        }

        return found;
    }

    private static void AddDistinct(List<string> into, string value)
    {
        if (!into.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            into.Add(value);
        }
    }

    private static int Number(string text)
    {
        var value = text.Replace(",", "", StringComparison.Ordinal).ToLowerInvariant();
        return value.EndsWith('k') ? (int)(decimal.Parse(value[..^1], CultureInfo.InvariantCulture) * 1000) : int.Parse(value, CultureInfo.InvariantCulture);
    }

    private static decimal Money(string amount, string unit)
        => decimal.Parse(amount.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) * unit.ToLowerInvariant() switch
        {
            "k" => 1_000m,
            "m" or "mm" or "million" => 1_000_000m,
            "b" or "bn" or "billion" => 1_000_000_000m,
            _ => 1m,
        };

    [GeneratedRegex(@"[,;]|\s+(?:with|who|that|which|in)\s+(?=\S)|\s+and\s+(?=(?:using|hiring|excluding|not|targeting|selling|with)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Phrases();

    [GeneratedRegex(@"^(?:excluding|exclude|except|not|no|without|but not)\s+(?<what>.+)$")]
    private static partial Regex Exclusion();

    [GeneratedRegex(@"\b(b2b|b2c|b2b2c|d2c)\b")]
    private static partial Regex BusinessModel();

    [GeneratedRegex(@"\b(using|uses|use|on|running|built on|users of|customers of|stack)\b|\busers\b")]
    private static partial Regex TechnologyContext();

    [GeneratedRegex(@"(?<op>over|more than|>|above|under|less than|<|below|up to)?\s*(?<low>\d[\d,]*k?)\s*(?:(?:-|–|to)\s*(?<high>\d[\d,]*k?))?\s*\+?\s*(?:employees|staff|people|fte|headcount)")]
    private static partial Regex EmployeeNumbers();

    [GeneratedRegex(@"(?<op>over|above|more than|>|under|below|less than|<)?\s*\$?\s*(?<low>\d[\d,.]*)\s*(?<lowUnit>k|mm|m|million|b|bn|billion)?\s*(?:(?:-|–|to)\s*\$?\s*(?<high>\d[\d,.]*)\s*(?<highUnit>k|mm|m|million|b|bn|billion)?)?\s*(?:in\s+)?(?:revenue|arr|annual revenue|turnover)")]
    private static partial Regex Revenue();

    [GeneratedRegex(@"\b(hiring(?:\s+\w+){0,3}|recently funded|raised (?:a\s+)?(?:series\s+[a-e]|seed|funding)|series\s+[a-e]|new funding|expanding(?:\s+\w+){0,2}|growing(?:\s+\w+){0,2}|new (?:cto|ceo|cmo|vp \w+))")]
    private static partial Regex Signal();

    [GeneratedRegex(@"(?:struggling with|pain(?:s)?:?|problems? with|need(?:ing|s)?)\s+(?<pain>.+)$")]
    private static partial Regex Pain();

    [GeneratedRegex(@"(?:targeting|selling to|reach(?:ing)?|talk to|personas?:?)\s+(?<who>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Persona();
}
