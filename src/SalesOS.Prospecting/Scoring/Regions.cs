namespace SalesOS.Prospecting.Scoring;

/// <summary>Which countries (ISO 3166 alpha-2) a market region such as "DACH" or "Nordics" stands for.</summary>
public static class Regions
{
    private static readonly string[] EuropeanUnion =
        ["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"];

    private static readonly string[] Europe = [.. EuropeanUnion, "GB", "CH", "NO", "IS", "UA", "RS", "TR"];

    private static readonly Dictionary<string, string[]> Members = new(StringComparer.OrdinalIgnoreCase)
    {
        ["DACH"] = ["DE", "AT", "CH"],
        ["Nordics"] = ["SE", "NO", "DK", "FI", "IS"],
        ["Benelux"] = ["BE", "NL", "LU"],
        ["EU"] = EuropeanUnion,
        ["Europe"] = Europe,
        ["EMEA"] = [.. Europe, "AE", "SA", "IL", "ZA", "NG", "KE", "EG", "MA", "QA"],
        ["MENA"] = ["AE", "SA", "IL", "EG", "MA", "QA", "TR", "JO", "KW", "BH", "OM"],
        ["North America"] = ["US", "CA"],
        ["APAC"] = ["AU", "NZ", "SG", "JP", "KR", "CN", "HK", "IN", "ID", "MY", "TH", "VN", "PH", "TW"],
        ["Asia"] = ["SG", "JP", "KR", "CN", "HK", "IN", "ID", "MY", "TH", "VN", "PH", "TW"],
        ["ANZ"] = ["AU", "NZ"],
        ["LATAM"] = ["BR", "MX", "AR", "CL", "CO", "PE", "UY"],
        ["Africa"] = ["ZA", "NG", "KE", "EG", "MA", "GH"],
    };

    /// <summary>The countries a geography stands for: a region's members, or the country itself.</summary>
    public static IReadOnlyList<string> CountriesOf(string geography)
        => Members.TryGetValue(geography, out var members) ? members : [geography];

    /// <summary>Whether a company in <paramref name="country"/> lies in <paramref name="geography"/> (a country code or a region).</summary>
    public static bool Contains(string geography, string country)
        => string.Equals(geography, country, StringComparison.OrdinalIgnoreCase)
           || (Members.TryGetValue(geography, out var members) && members.Contains(country, StringComparer.OrdinalIgnoreCase));
}
