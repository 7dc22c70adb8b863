using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using SalesOS.Prospecting.Import;

namespace SalesOS.Outreach.Sequences;

/// <summary>What a prospect's time zone was decided on, strongest first.</summary>
public enum ZoneEvidence
{
    Override,
    Region,
    City,
    Country,

    /// <summary>Nothing usable was known: UTC, which is right for nobody in particular.</summary>
    Guess,
}

/// <summary>A prospect's time zone and, for people reading a timeline, where it came from.</summary>
public sealed record ResolvedTimeZone(TimeZoneInfo Zone, string Source, ZoneEvidence Evidence);

/// <summary>
/// The time zone a prospect's send windows are counted in: an explicit override, else the zone of their
/// state, province or city in countries that span several zones, else their country's main zone, else UTC
/// as a guess that says so.
/// </summary>
public static class ProspectTimeZones
{
    private static readonly FrozenDictionary<string, string> MainZoneByCountry = ParseMainZones();
    private static readonly FrozenDictionary<string, (string Name, string Zone)> Regions = ParsePlaces("region");
    private static readonly FrozenDictionary<string, (string Name, string Zone)> Cities = ParsePlaces("city");
    private static readonly FrozenSet<string> CountriesWithPlaces = Regions.Keys.Concat(Cities.Keys).Select(k => k[..2]).ToFrozenSet(StringComparer.Ordinal);
    private static readonly Lazy<FrozenDictionary<string, string>> SystemIds = new(() =>
        TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Distinct(StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(id => id, id => id, StringComparer.OrdinalIgnoreCase));

    /// <summary>Every country code with a main zone (all of <see cref="Countries.Codes"/>).</summary>
    public static IReadOnlyCollection<string> CountriesWithZones => MainZoneByCountry.Keys;

    /// <summary>Every zone id a resolution can give: what the host's time-zone data must hold.</summary>
    public static IReadOnlyCollection<string> ZonesInUse { get; } =
        MainZoneByCountry.Values.Concat(Regions.Values.Select(p => p.Zone)).Concat(Cities.Values.Select(p => p.Zone))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// A valid <paramref name="overrideZone"/> wins; one that is not a known zone is named in the source and
    /// the rest of the evidence decides. Country is a name or code as lead lists write it ("DE", "Germany",
    /// "U.S.A."); region a state or province name or code ("CA", "California", "US-CA").
    /// </summary>
    public static ResolvedTimeZone Resolve(string? country, string? region, string? city, string? overrideZone)
    {
        var notes = new List<string>();
        if (!string.IsNullOrWhiteSpace(overrideZone))
        {
            if (TryParseZone(overrideZone, out var chosen))
            {
                return new ResolvedTimeZone(chosen, "override " + chosen.Id, ZoneEvidence.Override);
            }

            notes.Add($"override \"{overrideZone.Trim()}\" is not a known time zone");
        }

        if (string.IsNullOrWhiteSpace(country) || !Countries.TryResolve(country, out var code))
        {
            notes.Add(string.IsNullOrWhiteSpace(country) ? "no country" : $"country \"{country.Trim()}\" is not known");
            return Guess(notes);
        }

        var countryName = CountryName(code);
        if (!string.IsNullOrWhiteSpace(region))
        {
            var regionKey = Key(StripCountryPrefix(region, code));
            if (Regions.TryGetValue(code + ":" + regionKey, out var place))
            {
                if (TryParseZone(place.Zone, out var zone))
                {
                    return Found(zone, $"region {place.Name} ({countryName}) → {zone.Id}", ZoneEvidence.Region, notes);
                }

                notes.Add($"{place.Zone} is missing from this machine's time-zone data");
            }
        }

        if (!string.IsNullOrWhiteSpace(city) && Cities.TryGetValue(code + ":" + Key(city), out var town))
        {
            if (TryParseZone(town.Zone, out var zone))
            {
                return Found(zone, $"city {town.Name} ({countryName}) → {zone.Id}", ZoneEvidence.City, notes);
            }

            notes.Add($"{town.Zone} is missing from this machine's time-zone data");
        }

        if (MainZoneByCountry.TryGetValue(code, out var main) && TryParseZone(main, out var countryZone))
        {
            var unmatched = new[] { region, city }.FirstOrDefault(p => !string.IsNullOrWhiteSpace(p));
            var where = unmatched is not null && CountriesWithPlaces.Contains(code) ? $" (main zone; \"{unmatched.Trim()}\" is not a place known here)" : "";
            return Found(countryZone, $"country {countryName} → {countryZone.Id}{where}", ZoneEvidence.Country, notes);
        }

        notes.Add($"no time zone known for {countryName}");
        return Guess(notes);
    }

    /// <summary>
    /// An IANA zone id ("Europe/Berlin", case as you like) or a Windows id ("W. Europe Standard Time"), as a
    /// zone whose id is the IANA one. False for anything this machine's time-zone data does not hold.
    /// </summary>
    public static bool TryParseZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        id = id.Trim();
        if (TimeZoneInfo.TryConvertWindowsIdToIanaId(id, out var iana))
        {
            id = iana;
        }

        // Ids name files under the zone directory: refuse anything that could walk out of it (a directory such
        // as "Europe" is refused by the lookup itself).
        if (id.Length > 64 || id.Contains("..", StringComparison.Ordinal) || id[0] == '/'
            || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '-' or '+'))
        {
            return false;
        }

        if (TryFind(id, out zone))
        {
            return true;
        }

        return SystemIds.Value.TryGetValue(id, out var exact) && TryFind(exact, out zone);
    }

    private static bool TryFind(string id, out TimeZoneInfo zone)
    {
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or System.Security.SecurityException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            zone = TimeZoneInfo.Utc;
            return false;
        }
    }

    private static ResolvedTimeZone Found(TimeZoneInfo zone, string source, ZoneEvidence evidence, List<string> notes) =>
        new(zone, notes.Count == 0 ? source : string.Join("; ", notes) + "; " + source, evidence);

    private static ResolvedTimeZone Guess(List<string> notes) =>
        new(TimeZoneInfo.Utc, string.Join("; ", notes) + ": UTC is a guess", ZoneEvidence.Guess);

    private static string CountryName(string code)
    {
        try
        {
            return new RegionInfo(code).EnglishName;
        }
        catch (ArgumentException)
        {
            return code;
        }
    }

    private static string StripCountryPrefix(string region, string code)
    {
        var trimmed = region.Trim();
        return trimmed.Length > 3 && trimmed.StartsWith(code, StringComparison.OrdinalIgnoreCase) && trimmed[2] == '-' ? trimmed[3..] : trimmed;
    }

    /// <summary>Letters and digits only, lowercase, accents dropped, "saint" written "st", and words like "oblast" or "state" left out.</summary>
    internal static string Key(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(decomposed.Length);
        var word = new StringBuilder();
        for (var i = 0; i <= decomposed.Length; i++)
        {
            var c = i < decomposed.Length ? decomposed[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && c != '\'' && c != '\u2019' && word.Length > 0)
            {
                var w = word.ToString();
                word.Clear();
                key.Append(w switch
                {
                    "of" or "the" or "de" or "do" or "da" or "del" or "oblast" or "krai" or "kray" or "region" or "republic"
                        or "autonomous" or "okrug" or "province" or "provinsi" or "state" or "estado" or "territory" or "territories" => "",
                    "saint" => "st",
                    _ => w,
                });
            }
        }

        return key.ToString();
    }

    private static FrozenDictionary<string, string> ParseMainZones()
    {
        var zones = new Dictionary<string, string>(StringComparer.Ordinal);
        var tokens = CountryZones.MainZones.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i + 1 < tokens.Length; i += 2)
        {
            zones.Add(tokens[i], tokens[i + 1]);
        }

        return zones.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, (string Name, string Zone)> ParsePlaces(string kind)
    {
        var places = new Dictionary<string, (string Name, string Zone)>(StringComparer.Ordinal);
        foreach (var line in CountryZones.Places.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var header = line[..colon].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (header[1] != kind)
            {
                continue;
            }

            foreach (var entry in line[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var names = entry.Split('|', StringSplitOptions.TrimEntries);
                foreach (var name in names)
                {
                    var key = header[0] + ":" + Key(name);
                    if (places.TryGetValue(key, out var existing) && existing.Zone != header[2])
                    {
                        throw new InvalidOperationException($"{kind} \"{name}\" of {header[0]} is listed in both {existing.Zone} and {header[2]}.");
                    }

                    places.TryAdd(key, (names[0], header[2]));
                }
            }
        }

        return places.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
