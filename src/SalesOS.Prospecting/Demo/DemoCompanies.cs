using System.Globalization;
using SalesOS.Contracts.Markets;

namespace SalesOS.Prospecting.Demo;

/// <summary>A sample company for a market: its website profile and the firmographics the demo source registers it with.</summary>
public sealed record DemoCompany(string Domain, string Name, string Industry, int Employees, string Country, SampleCompanyProfile Website);

/// <summary>
/// The demo source's companies. Each one's website is generated from a seed that its domain carries
/// ("northwind-analytics-1a2b3c4d.example"), so whichever silo serves the sample web renders the same
/// site from the host name alone. Firmographics lean towards the market (most match its industries,
/// places and size) so the demo shows a realistic spread of fit. Everything is sample data under the
/// reserved .example top-level domain: no real business is named or contacted.
/// </summary>
public static class DemoCompanies
{
    public const string TopLevelDomain = ".example";

    public static IReadOnlyList<DemoCompany> For(MarketDefinition market, int count, int seed, DateTimeOffset now)
    {
        var random = new Random(seed);
        var companies = new List<DemoCompany>(count);
        for (var i = 0; i < count; i++)
        {
            var siteSeed = Mix(seed, i);
            var site = WebsiteProfile(siteSeed, now);
            var industry = market.Industries.Count > 0 && random.NextDouble() < 0.7 ? market.Industries[random.Next(market.Industries.Count)] : site.Industry;
            var country = Countries(market) is { Count: > 0 } countries && random.NextDouble() < 0.7 ? countries[random.Next(countries.Count)] : site.Country;
            var employees = market.Employees is { } size && random.NextDouble() < 0.6
                ? random.Next(size.Min ?? 1, Math.Max((size.Min ?? 1) + 1, Math.Min(size.Max ?? 5000, 100_000)))
                : site.Employees;
            companies.Add(new DemoCompany(site.Domain, site.Name, industry, employees, country, site));
        }

        return companies;
    }

    /// <summary>The website of a demo company, from its host name; null for a host that is not one.</summary>
    public static SampleCompanyProfile? WebsiteFor(string host, DateTimeOffset now)
    {
        host = host.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }

        if (!host.EndsWith(TopLevelDomain, StringComparison.Ordinal))
        {
            return null;
        }

        var label = host[..^TopLevelDomain.Length];
        var dash = label.LastIndexOf('-');
        if (dash < 0 || !int.TryParse(label[(dash + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var siteSeed))
        {
            return null;
        }

        var site = WebsiteProfile(siteSeed, now);
        return site.Domain == host ? site : null;
    }

    private static SampleCompanyProfile WebsiteProfile(int siteSeed, DateTimeOffset now)
    {
        // Dates on the site are relative to the day, so one day's crawls all read the same site.
        var day = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var profile = SampleCompanies.Generate(1, siteSeed, day)[0];
        var slug = new string(profile.Name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return profile with { Domain = $"{slug}-{siteSeed.ToString("x8", CultureInfo.InvariantCulture)}{TopLevelDomain}" };
    }

    private static List<string> Countries(MarketDefinition market)
        => market.Geographies.Where(g => g.Length == 2 && g.All(char.IsAsciiLetterUpper)).ToList();

    private static int Mix(int seed, int index)
    {
        unchecked
        {
            var x = (uint)seed ^ (0x9E3779B9u * (uint)(index + 1));
            x ^= x >> 16;
            x *= 0x85EBCA6Bu;
            x ^= x >> 13;
            x *= 0xC2B2AE35u;
            x ^= x >> 16;
            return (int)(x & 0x7FFFFFFF);
        }
    }
}
