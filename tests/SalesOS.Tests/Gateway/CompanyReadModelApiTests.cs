using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SalesOS.Testing;

namespace SalesOS.Tests.Gateway;

/// <summary>The companies read model through the gateway: projection, filters, search, sort, cursor pages, funnel and lag.</summary>
[Collection(GatewayCollection.Name)]
public sealed class CompanyReadModelApiTests(GatewayFixture fixture)
{
    [Fact]
    public async Task ListCompanies_FiltersSearchesSortsAndPagesTheProjectedCompanies()
    {
        var (workspace, client, _) = await fixture.CreateWorkspaceAsync("rm");
        for (var i = 0; i < 12; i++)
        {
            (await client.PostAsJsonAsync($"/api/workspaces/{workspace}/companies", new
            {
                domain = $"company{i:D2}.example",
                name = $"Company {i:D2}",
                industry = i % 2 == 0 ? "Software" : "Logistics",
                technologies = i % 3 == 0 ? new[] { "Salesforce", "Stripe" } : new[] { "HubSpot" },
                marketId = i < 6 ? "smb-saas" : "enterprise",
            })).EnsureSuccessStatusCode();
        }

        for (var i = 0; i < 4; i++)
        {
            (await client.PostAsJsonAsync($"/api/workspaces/{workspace}/companies/company{i:D2}.example/transitions", new { trigger = "StartEnrichment" })).EnsureSuccessStatusCode();
        }

        var all = await Eventually.Get(() => ListAsync(client, workspace, "limit=100"), p => p.GetProperty("items").GetArrayLength() == 12 && Count(p, "Enriching") == 4, TimeSpan.FromSeconds(15), "the projection of 12 companies");
        Assert.Equal(12, all.GetProperty("items").GetArrayLength());

        Assert.Equal(4, (await ListAsync(client, workspace, "state=Enriching")).GetProperty("items").GetArrayLength());
        Assert.Equal(6, (await ListAsync(client, workspace, "industry=software")).GetProperty("items").GetArrayLength());
        Assert.Equal(4, (await ListAsync(client, workspace, "technology=Salesforce")).GetProperty("items").GetArrayLength());
        Assert.Equal(6, (await ListAsync(client, workspace, "marketId=smb-saas")).GetProperty("items").GetArrayLength());
        var searched = await ListAsync(client, workspace, "search=ANY%2007");
        Assert.Equal("company07.example", Assert.Single(searched.GetProperty("items").EnumerateArray()).GetProperty("domain").GetString());

        // Cursor pages of 5, newest name first, cover every company exactly once.
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await ListAsync(client, workspace, "limit=5&sort=Name&descending=true" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("name").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        Assert.Equal(Enumerable.Range(0, 12).Reverse().Select(i => $"Company {i:D2}"), seen);

        var funnel = await client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/funnel?marketId=smb-saas");
        Assert.Equal(6, funnel.GetProperty("total").GetInt32());
        Assert.Equal(4, funnel.GetProperty("counts").GetProperty("Enriching").GetInt32());
        Assert.Equal(2, funnel.GetProperty("counts").GetProperty("Sourced").GetInt32());

        var lag = await Eventually.Get(() => fixture.Http.GetFromJsonAsync<JsonElement>("/api/system/projection-lag"), l => l.GetProperty("eventsProjected").GetInt64() >= 16, TimeSpan.FromSeconds(10), "the monitor to count the 16 events");
        Assert.True(lag.GetProperty("p99Milliseconds").GetDouble() >= lag.GetProperty("p50Milliseconds").GetDouble());
    }

    [Fact]
    public async Task MarketAndTechnologyFilters_MatchTheirValueLiterallyNotAsAPattern()
    {
        var (workspace, client, _) = await fixture.CreateWorkspaceAsync("rm");
        foreach (var (domain, market, technology) in new[] { ("under.example", "eu_mid", "google_analytics"), ("dash.example", "eu-mid", "google-analytics") })
        {
            (await client.PostAsJsonAsync($"/api/workspaces/{workspace}/companies", new { domain, name = domain, technologies = new[] { technology }, marketId = market })).EnsureSuccessStatusCode();
        }

        await Eventually.Get(() => ListAsync(client, workspace, "limit=10"), p => p.GetProperty("items").GetArrayLength() == 2, TimeSpan.FromSeconds(15), "the projection of 2 companies");

        // '_' is a one-character wildcard in SQL LIKE: unescaped, eu_mid would also match eu-mid.
        var funnel = await client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/funnel?marketId=eu_mid");
        Assert.Equal(1, funnel.GetProperty("total").GetInt32());
        Assert.Equal("under.example", Assert.Single((await ListAsync(client, workspace, "marketId=eu_mid")).GetProperty("items").EnumerateArray()).GetProperty("domain").GetString());
        Assert.Equal("under.example", Assert.Single((await ListAsync(client, workspace, "technology=google_analytics")).GetProperty("items").EnumerateArray()).GetProperty("domain").GetString());
    }

    [Fact]
    public async Task ListCompanies_RefusesBadParametersWith400()
    {
        var (workspace, client, _) = await fixture.CreateWorkspaceAsync("rm");

        var response = await client.GetAsync(new Uri($"/api/workspaces/{workspace}/companies?state=Nirvana&limit=0&sort=Vibes", UriKind.Relative));
        var badCursor = await client.GetAsync(new Uri($"/api/workspaces/{workspace}/companies?cursor=not-a-cursor", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("state", out _) && errors.TryGetProperty("limit", out _) && errors.TryGetProperty("sort", out _));
        Assert.Equal(HttpStatusCode.BadRequest, badCursor.StatusCode);
    }

    private static int Count(JsonElement page, string state)
        => page.GetProperty("items").EnumerateArray().Count(c => c.GetProperty("state").GetString() == state);

    private static async Task<JsonElement> ListAsync(HttpClient client, string workspace, string query)
        => await client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/companies?{query}");

}
