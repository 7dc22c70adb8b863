using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace SalesOS.Tests.Gateway;

/// <summary>Markets through the gateway: a one-line description becomes a definition; the lifecycle refuses what it must.</summary>
[Collection(GatewayCollection.Name)]
public sealed class MarketApiTests(GatewayFixture fixture)
{
    [Fact]
    public async Task AMarketFromAOneLineDescription_IsParsed_Activated_Paused_AndArchived()
    {
        var (workspace, client, _) = await fixture.CreateWorkspaceAsync("mk");
        var created = await client.PostAsJsonAsync($"/api/workspaces/{workspace}/markets", new { marketId = "smb-saas", name = "SMB SaaS on Salesforce", description = "B2B SaaS, SMB, using Salesforce" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var market = await created.Content.ReadFromJsonAsync<JsonElement>();
        var definition = market.GetProperty("definition");
        Assert.Equal("Draft", market.GetProperty("state").GetString());
        Assert.Equal("Software", definition.GetProperty("industries")[0].GetString());
        Assert.Equal("Salesforce", definition.GetProperty("technologies")[0].GetString());
        Assert.Equal(200, definition.GetProperty("employees").GetProperty("max").GetInt32());

        var path = $"/api/workspaces/{workspace}/markets/smb-saas";
        (await client.PostAsJsonAsync($"{path}/transitions", new { trigger = "Activate" })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"{path}/transitions", new { trigger = "Pause" })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"{path}/transitions", new { trigger = "Archive" })).EnsureSuccessStatusCode();
        var afterArchive = await client.PostAsJsonAsync($"{path}/transitions", new { trigger = "Activate" });
        var redefine = await client.PutAsJsonAsync($"{path}/definition", new { industries = new[] { "Fintech" } });

        Assert.Equal(HttpStatusCode.Conflict, afterArchive.StatusCode);
        Assert.Equal("Archived", (await afterArchive.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("currentState").GetString());
        Assert.Equal(HttpStatusCode.Conflict, redefine.StatusCode);
    }

    [Fact]
    public async Task AnEmptyDefinition_CannotBeActivated_AndStructuredFieldsWinOverTheDescription()
    {
        var (workspace, client, _) = await fixture.CreateWorkspaceAsync("mk");
        var vague = await client.PostAsJsonAsync($"/api/workspaces/{workspace}/markets", new { marketId = "vague", name = "Vague", description = "companies with great vibes" });
        var vagueMarket = await vague.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("great vibes", vagueMarket.GetProperty("definition").GetProperty("unparsed").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.PostAsJsonAsync($"/api/workspaces/{workspace}/markets/vague/transitions", new { trigger = "Activate" })).StatusCode);

        var mixed = await client.PostAsJsonAsync($"/api/workspaces/{workspace}/markets", new
        {
            marketId = "mixed",
            name = "Mixed",
            description = "fintech in France, using Stripe",
            definition = new { industries = new[] { "Insurance" } },
        });
        var definition = (await mixed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("definition");
        Assert.Equal("Insurance", Assert.Single(definition.GetProperty("industries").EnumerateArray()).GetString());
        Assert.Equal("FR", definition.GetProperty("geographies")[0].GetString());
        Assert.Equal("Stripe", definition.GetProperty("technologies")[0].GetString());
    }
}
