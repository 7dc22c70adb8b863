using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SalesOS.Testing;

namespace SalesOS.Tests.Prospecting.Flow;

/// <summary>
/// The "done when": a new user creates a market with the demo source, activates it, and with no
/// further call sees scored, tiered contacts with explanations through the REST API, each company's
/// steps on its timeline.
/// </summary>
public sealed class DemoMarketFlowTests
{
    [Fact]
    public async Task ActivatingADemoMarket_ProducesTieredCompaniesAndContacts_WithExplanations()
    {
        await using var host = await ProspectingHost.StartAsync();
        var (workspace, client) = await host.CreateWorkspaceAsync("demo");
        var created = await client.PostAsJsonAsync($"/api/workspaces/{workspace}/markets", new
        {
            marketId = "saas",
            name = "SaaS in DACH and the US",
            description = "B2B SaaS companies in Germany, Austria and the US with 20-2000 employees, targeting VP Sales or Head of Marketing or CEO",
            prospecting = new { sources = new[] { "demo" }, demoCompanies = 30, contactsPerCompany = 2 },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var activated = await client.PostAsJsonAsync($"/api/workspaces/{workspace}/markets/saas/transitions", new { trigger = "Activate" });
        Assert.Equal(HttpStatusCode.OK, activated.StatusCode);

        var overview = await Eventually.Get(
            async () => await client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/markets/saas/prospecting?top=10"),
            o => ScoredOrOn(o) + o.GetProperty("companiesByState").GetProperty("Failed").GetInt32() == 30,
            TimeSpan.FromSeconds(90), "all 30 demo companies to be scored");

        // Scored, and (the outreach layer enrolling their contacts at once) in outreach.
        Assert.Equal(30, ScoredOrOn(overview));
        Assert.Contains(overview.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("SAMPLE DATA", StringComparison.Ordinal));

        // Tiers by percentile: top 20 % Tier 1, next 30 % Tier 2, once the market's tiers have settled
        // (the first companies scored were placed against a small market; the re-tiering moves them).
        overview = await Eventually.Get(
            async () => await client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/markets/saas/prospecting?top=10"),
            o => o.GetProperty("tiers").GetProperty("tier1").GetInt32() is >= 3 and <= 10 && o.GetProperty("tiers").GetProperty("tier3").GetInt32() is >= 10 and <= 20,
            TimeSpan.FromSeconds(45), "tiers near 20 % / 30 % / 50 % (equal priorities share a tier, so not exactly)");
        Assert.Equal(30, overview.GetProperty("tiers").GetProperty("companies").GetInt32());

        // Tiers follow priority: once re-tiering has settled (and reached the read model), no Tier 3
        // company outranks a Tier 1 company by more than the hysteresis band (on either side of the cut-offs) and the drift allowed before a re-tier.
        static (double Tier1Lowest, double Tier3Highest) Spread(JsonElement page)
        {
            var companies = page.GetProperty("items").EnumerateArray().Select(c => (Tier: c.GetProperty("tier").GetInt32(), Priority: c.GetProperty("priority").GetDouble())).ToList();
            return (companies.Where(c => c.Tier == 1).Select(c => c.Priority).DefaultIfEmpty(1).Min(), companies.Where(c => c.Tier == 3).Select(c => c.Priority).DefaultIfEmpty(0).Max());
        }

        await Eventually.Get(
            () => client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/companies?marketId=saas&sort=Priority&descending=true&limit=100"),
            page => Spread(page) is var (tier1Lowest, tier3Highest) && tier1Lowest >= tier3Highest - 0.05,
            TimeSpan.FromSeconds(45), "Tier 1 companies to rank above Tier 3 ones");

        var top = overview.GetProperty("topCompanies").EnumerateArray().ToList();
        Assert.Equal(10, top.Count);
        Assert.True(top.Select(c => c.GetProperty("priority").GetDouble()).SequenceEqual(top.Select(c => c.GetProperty("priority").GetDouble()).OrderDescending()));
        Assert.All(top, c => Assert.Contains(c.GetProperty("explanation").GetProperty("factors").EnumerateArray(), f => f.GetProperty("criterion").GetString() == "fit"));

        var contacts = overview.GetProperty("topContacts").EnumerateArray().ToList();
        Assert.NotEmpty(contacts);
        Assert.All(contacts, c =>
        {
            Assert.Contains(c.GetProperty("state").GetString(), new[] { "Scored", "Enrolled" });
            Assert.InRange(c.GetProperty("tier").GetInt32(), 1, 3);
            Assert.NotEmpty(c.GetProperty("explanation").GetProperty("factors").EnumerateArray());
        });

        // Every step is on the company's timeline, up to the enrolment handed to outreach (and, once the
        // sequencer enrolled its first contact, the move into outreach).
        var domain = top[0].GetProperty("domain").GetString();
        var timeline = await client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/companies/{domain}/activities");
        var summaries = timeline.EnumerateArray().Select(a => a.GetProperty("summary").GetString()!).ToList();
        Assert.Contains(summaries, s => s.StartsWith("Sourced from demo", StringComparison.Ordinal));
        Assert.Contains(summaries, s => s.Contains("(StartEnrichment)", StringComparison.Ordinal));
        Assert.Contains(summaries, s => s.Contains("(CompleteEnrichment)", StringComparison.Ordinal));
        Assert.Contains(summaries, s => s.Contains("(RecordContactsFound)", StringComparison.Ordinal));
        Assert.Contains(timeline.EnumerateArray(), a => a.GetProperty("kind").GetString() == "enrolment");
        Assert.Contains(summaries, s => s.Contains("(StartOutreach)", StringComparison.Ordinal));

        var company = await client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/companies/{domain}");
        // Sample sites carry from none to many technologies: some of the top companies show theirs.
        Assert.Contains(top, c => c.GetProperty("technologies").GetArrayLength() > 0);
        Assert.NotEmpty(company.GetProperty("channels").EnumerateArray());
        Assert.StartsWith("tier-", company.GetProperty("sequenceId").GetString(), StringComparison.Ordinal);
        Assert.Contains(company.GetProperty("provenance").EnumerateArray(), p => p.GetProperty("source").GetString() == "demo (sample data)");
    }

    private static int ScoredOrOn(JsonElement overview)
    {
        var states = overview.GetProperty("companiesByState");
        return new[] { "Scored", "InOutreach", "Engaged", "MeetingBooked" }.Sum(state => states.GetProperty(state).GetInt32());
    }
}
