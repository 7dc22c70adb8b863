using SalesOS.Prospecting.Demo;
using SalesOS.Prospecting.Enrichment;
using SalesOS.Testing;

namespace SalesOS.Tests.Prospecting.Enrichment;

public sealed class SampleWebsiteRoundTripTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Generated_companies_are_deterministic_varied_and_plausible()
    {
        var a = SampleCompanies.Generate(300, seed: 7, Now);
        var b = SampleCompanies.Generate(300, seed: 7, Now);
        Assert.Equal(a.Select(p => p.Domain), b.Select(p => p.Domain));
        Assert.Equal(a.Select(p => SampleWebsite.Render(p, "/")!.Body), b.Select(p => SampleWebsite.Render(p, "/")!.Body));
        Assert.NotEqual(a.Select(p => p.Domain), SampleCompanies.Generate(300, seed: 8, Now).Select(p => p.Domain));

        Assert.Equal(300, a.Select(p => p.Domain).Distinct().Count());
        Assert.All(a, p => Assert.EndsWith(".example", p.Domain, StringComparison.Ordinal));
        Assert.True(a.Count(p => p.Employees < 50) > a.Count(p => p.Employees >= 200) * 2, "sizes should be skewed towards small companies");
        Assert.All(a, p => Assert.InRange(p.Team.Count, 2, 8));
        Assert.All(a, p => Assert.InRange(p.Technologies.Count, 0, 9));
        Assert.All(a, p => Assert.All(p.Technologies, t => Assert.NotNull(TechnologySignatures.Find(t))));
        Assert.All(a.SelectMany(p => p.News), n => Assert.InRange(n.Date, DateOnly.FromDateTime(Now.UtcDateTime.AddMonths(-18)), DateOnly.FromDateTime(Now.UtcDateTime)));
        Assert.True(a.Select(p => p.Industry).Distinct().Count() >= 8);
        Assert.True(a.Select(p => p.Country).Distinct().Count() >= 5);
        Assert.Contains(a.SelectMany(p => p.Team), m => m.Title.StartsWith("VP", StringComparison.Ordinal));
        Assert.Contains(a.SelectMany(p => p.Team), m => m.Title.StartsWith("Director", StringComparison.Ordinal));
        Assert.Contains(a.SelectMany(p => p.Team), m => m.Title.EndsWith("Manager", StringComparison.Ordinal));
        Assert.Contains(a.SelectMany(p => p.News), n => n.FundingAmount is not null);
        Assert.All(SampleWebsite.Paths, path => Assert.NotNull(SampleWebsite.Render(a[0], path)));
        Assert.Null(SampleWebsite.Render(a[0], "/nope"));
    }

    [Fact]
    public async Task Sample_sites_crawled_and_analysed_give_back_their_profiles()
    {
        await using var server = await FixtureWebServer.StartAsync();
        var profiles = SampleCompanies.Generate(24, seed: 2026, Now);
        foreach (var p in profiles)
        {
            server.AddSample(p);
        }

        using var crawler = WebsiteCrawlerTests.Crawler(server);
        var failures = new List<string>();
        foreach (var profile in profiles)
        {
            var crawl = await crawler.CrawlAsync(profile.Domain, CancellationToken.None);
            Assert.Empty(crawl.Errors);
            Assert.Equal(7, crawl.Pages.Count);
            var insights = WebsiteAnalyzer.Analyze(crawl, Now);

            var detected = insights.Technologies.Select(t => t.Name).ToHashSet();
            foreach (var tech in profile.Technologies.Where(t => !detected.Contains(t) && !(t is "Greenhouse" or "Lever" or "Ashby" && profile.OpenRoles.Count == 0)))
            {
                failures.Add($"{profile.Domain}: technology {tech} not detected");
            }

            var implied = profile.Technologies.SelectMany(t => TechnologySignatures.Find(t)!.Implies).ToHashSet();
            foreach (var extra in detected.Where(t => !profile.Technologies.Contains(t) && !implied.Contains(t)))
            {
                failures.Add($"{profile.Domain}: technology {extra} detected but not used");
            }

            var roles = insights.Hiring.Roles.Select(r => (r.Title, r.Department, r.Location)).Order().ToList();
            var expectedRoles = profile.OpenRoles.Select(r => (r.Title, r.Department, (string?)r.Location)).Order().ToList();
            if (!roles.SequenceEqual(expectedRoles))
            {
                failures.Add($"{profile.Domain}: roles {string.Join("; ", roles)} != {string.Join("; ", expectedRoles)}");
            }

            foreach (var n in profile.News.Where(n => n.FundingAmount is not null))
            {
                if (!insights.Funding.Any(f => f.Amount == n.FundingAmount && f.Round == n.FundingRound && f.Date == n.Date && f.Currency == n.Currency))
                {
                    failures.Add($"{profile.Domain}: funding {n.FundingAmount} {n.FundingRound} {n.Date} not found in {string.Join("; ", insights.Funding)}");
                }
            }

            if (insights.Funding.Count != profile.News.Count(n => n.FundingAmount is not null))
            {
                failures.Add($"{profile.Domain}: {insights.Funding.Count} funding mentions");
            }

            foreach (var n in profile.News)
            {
                if (!insights.News.Any(x => x.Headline == n.Headline && x.Date == n.Date))
                {
                    failures.Add($"{profile.Domain}: news '{n.Headline}' {n.Date} missing");
                }
            }

            var people = insights.People.Select(p => (p.Name, p.Title)).Order().ToList();
            var team = profile.Team.Select(m => (m.Name, m.Title)).Order().ToList();
            if (!people.SequenceEqual(team))
            {
                failures.Add($"{profile.Domain}: people {string.Join("; ", people)} != {string.Join("; ", team)}");
            }

            var pricing = insights.Pricing.Model & ~PricingModel.EnterpriseOnly;
            if (pricing != (profile.Pricing & ~PricingModel.EnterpriseOnly))
            {
                failures.Add($"{profile.Domain}: pricing {insights.Pricing.Model} != {profile.Pricing}");
            }

            Assert.Contains($"hello@{profile.Domain}", insights.Emails);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
