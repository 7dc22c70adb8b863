using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SalesOS.Testing;

namespace SalesOS.Tests.Gateway;

/// <summary>Deals through the gateway: open, terms, stages with history, refusals.</summary>
[Collection(GatewayCollection.Name)]
public sealed class DealApiTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Deals_MoveThroughTheirStages_KeepAStageHistory_AndRefuseWhatTheStageDoesNotAllow()
    {
        var (workspace, client, _) = await fixture.CreateWorkspaceAsync("dl");
        var opened = await client.PostAsJsonAsync($"/api/workspaces/{workspace}/deals", new
        {
            dealId = "acme-2027",
            name = "Acme rollout",
            companyDomain = "https://www.acme.com",
            amount = 30000,
            currency = "eur",
            expectedCloseDate = "2027-02-15",
            requirements = new[] { "SSO", "EU hosting" },
        });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var deal = await opened.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Discovery", deal.GetProperty("state").GetString());
        Assert.Equal("EUR", deal.GetProperty("currency").GetString());
        Assert.Equal("acme.com", deal.GetProperty("companyDomain").GetString());
        Assert.Equal(0.1, deal.GetProperty("probability").GetDouble());

        var path = $"/api/workspaces/{workspace}/deals/acme-2027";
        (await client.PostAsJsonAsync($"{path}/transitions", new { trigger = "SendProposal" })).EnsureSuccessStatusCode();
        var updated = await client.PatchAsJsonAsync(path, new { nextStep = "Security review on Tuesday", amount = 36000 });
        var tooEarly = await client.PostAsJsonAsync($"{path}/transitions", new { trigger = "Win" });
        var lostWithoutReason = await client.PostAsJsonAsync($"{path}/transitions", new { trigger = "Lose" });
        var lost = await client.PostAsJsonAsync($"{path}/transitions", new { trigger = "Lose", reason = "budget frozen" });
        var closedUpdate = await client.PatchAsJsonAsync(path, new { amount = 1 });

        Assert.Equal(36000, (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("amount").GetDecimal());
        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, lostWithoutReason.StatusCode);
        var final = await lost.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ClosedLost", final.GetProperty("state").GetString());
        Assert.Equal("budget frozen", final.GetProperty("lossReason").GetString());
        Assert.Equal(0, final.GetProperty("probability").GetDouble());
        Assert.Equal(["Discovery", "Proposal", "ClosedLost"], final.GetProperty("stageHistory").EnumerateArray().Select(s => s.GetProperty("stage").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, closedUpdate.StatusCode);
        Assert.Equal(4, (await client.GetFromJsonAsync<JsonElement>($"{path}/activities")).GetArrayLength());
    }

    [Fact]
    public async Task DealsAndMarkets_AreListedFromTheReadModel()
    {
        var (workspace, client, _) = await fixture.CreateWorkspaceAsync("pl");
        for (var i = 0; i < 3; i++)
        {
            (await client.PostAsJsonAsync($"/api/workspaces/{workspace}/deals", new { dealId = $"d{i}", name = $"Deal {i}", owner = i == 0 ? "ana" : "ben" })).EnsureSuccessStatusCode();
        }

        (await client.PostAsJsonAsync($"/api/workspaces/{workspace}/deals/d1/transitions", new { trigger = "SendProposal" })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/workspaces/{workspace}/markets", new { marketId = "m-a", name = "A", description = "fintech in France" })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/workspaces/{workspace}/markets", new { marketId = "m-b", name = "B", description = "SaaS using HubSpot" })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/workspaces/{workspace}/markets/m-b/transitions", new { trigger = "Activate" })).EnsureSuccessStatusCode();

        var deals = await Eventually.Get(() => client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/deals?owner=ben"),
            p => p.GetProperty("items").GetArrayLength() == 2 && p.GetProperty("items").EnumerateArray().Any(d => d.GetProperty("state").GetString() == "Proposal"), TimeSpan.FromSeconds(15), "the deals in the read model");
        Assert.Equal(["d1", "d2"], deals.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("dealId").GetString()));
        var firstPage = await client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/deals?limit=2");
        var secondPage = await client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/deals?limit=2&cursor={firstPage.GetProperty("nextCursor").GetString()}");
        Assert.Equal("d2", Assert.Single(secondPage.GetProperty("items").EnumerateArray()).GetProperty("dealId").GetString());

        var active = await Eventually.Get(() => client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/markets?state=Active"),
            p => p.GetArrayLength() == 1, TimeSpan.FromSeconds(15), "the active market in the read model");
        Assert.Equal("m-b", active[0].GetProperty("marketId").GetString());
        Assert.Equal(2, (await client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/markets")).GetArrayLength());
    }

    [Fact]
    public async Task OpenDeal_InvalidTerms_Are400WithEachField()
    {
        var (workspace, client, _) = await fixture.CreateWorkspaceAsync("dl");

        var response = await client.PostAsJsonAsync($"/api/workspaces/{workspace}/deals", new { dealId = "bad id!", amount = -1, currency = "euro", probability = 1.5 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "dealId", "name", "amount", "currency", "probability" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
    }
}
