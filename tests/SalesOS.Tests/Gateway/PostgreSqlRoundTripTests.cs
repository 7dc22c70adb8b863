using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SalesOS.Testing;
using SalesOS.Tests.Infrastructure;

namespace SalesOS.Tests.Gateway;

/// <summary>
/// The same REST resources on the cluster profile: two silos on a real PostgreSQL, the gateway
/// co-hosted by one of them, every resource written, read back, listed from the read model.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlRoundTripTests(PostgresFixture postgres) : IDisposable
{
    private readonly TempDirectory work = new();
    private readonly HttpClient admin = new() { Timeout = TimeSpan.FromSeconds(30), DefaultRequestHeaders = { Authorization = new("Bearer", TestSilo.AdminKey) } };

    [Fact]
    public async Task EveryResource_RoundTripsOnTheClusterProfile()
    {
        var connectionString = postgres.ConnectionString(PostgresServer.NewDatabaseName("rest"));
        var clusterId = "rest-" + Guid.NewGuid().ToString("N")[..8];
        await using var first = await SiloProcess.StartClusterAsync(connectionString, clusterId, work.Path);
        await using var second = await SiloProcess.StartClusterAsync(connectionString, clusterId, work.Path);
        await Eventually.Get(() => first.CountActiveSilosAsync(admin), n => n == 2, TimeSpan.FromSeconds(30), "both silos");
        var created = await admin.PostAsJsonAsync(new Uri(first.ApiAddress, "/api/workspaces"), new { id = "pg-ws", name = "PostgreSQL workspace" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetProperty("key").GetString();
        // The second silo's gateway serves the same data.
        using var client = new HttpClient { BaseAddress = second.ApiAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        const string ws = "/api/workspaces/pg-ws";

        (await client.PostAsJsonAsync($"{ws}/markets", new { marketId = "m1", name = "M1", description = "B2B SaaS, SMB, using Salesforce" })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"{ws}/markets/m1/transitions", new { trigger = "Activate" })).EnsureSuccessStatusCode();
        // The company belongs to a draft market, so the prospecting agents leave it where the test puts it.
        (await client.PostAsJsonAsync($"{ws}/markets", new { marketId = "m2", name = "M2", description = "Fintech in France" })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"{ws}/companies", new { domain = "pg-company.example", name = "PG Company", marketId = "m2", technologies = new[] { "Salesforce" } })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"{ws}/companies/pg-company.example/transitions", new { trigger = "StartEnrichment" })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"{ws}/contacts", new { email = "ana@pg-company.example", firstName = "Ana", companyDomain = "pg-company.example" })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"{ws}/deals", new { dealId = "d1", name = "PG deal", amount = 1000 })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"{ws}/companies/import", new object[] { new { domain = "imported.example" } })).EnsureSuccessStatusCode();

        Assert.Equal("Active", (await client.GetFromJsonAsync<JsonElement>($"{ws}/markets/m1")).GetProperty("state").GetString());
        Assert.Equal("Enriching", (await client.GetFromJsonAsync<JsonElement>($"{ws}/companies/pg-company.example")).GetProperty("state").GetString());
        Assert.Equal("Ana", (await client.GetFromJsonAsync<JsonElement>($"{ws}/contacts/{Uri.EscapeDataString("email:ana@pg-company.example")}")).GetProperty("firstName").GetString());
        Assert.Equal("Discovery", (await client.GetFromJsonAsync<JsonElement>($"{ws}/deals/d1")).GetProperty("state").GetString());
        Assert.Equal(2, (await client.GetFromJsonAsync<JsonElement>($"{ws}/companies/pg-company.example/activities")).GetArrayLength());

        var companies = await Eventually.Get(() => client.GetFromJsonAsync<JsonElement>($"{ws}/companies?marketId=m2&technology=salesforce&sort=UpdatedAt&descending=true"),
            p => p.GetProperty("items").GetArrayLength() == 1 && p.GetProperty("items")[0].GetProperty("state").GetString() == "Enriching", TimeSpan.FromSeconds(20), "the company in the PostgreSQL read model");
        Assert.Equal("pg-company.example", companies.GetProperty("items")[0].GetProperty("domain").GetString());
        var funnel = await Eventually.Get(() => client.GetFromJsonAsync<JsonElement>($"{ws}/funnel"), f => f.GetProperty("total").GetInt32() == 2, TimeSpan.FromSeconds(20), "both companies in the funnel");
        Assert.Equal(1, funnel.GetProperty("counts").GetProperty("Enriching").GetInt32());
        await Eventually.Get(() => client.GetFromJsonAsync<JsonElement>($"{ws}/deals"), p => p.GetProperty("items").GetArrayLength() == 1, TimeSpan.FromSeconds(20), "the deal in the read model");
        await Eventually.Get(() => client.GetFromJsonAsync<JsonElement>($"{ws}/markets?state=Active"), p => p.GetArrayLength() == 1, TimeSpan.FromSeconds(20), "the market in the read model");
        await Eventually.Get(() => client.GetFromJsonAsync<JsonElement>($"{ws}/contacts?search=ana"), p => p.GetProperty("items").GetArrayLength() == 1, TimeSpan.FromSeconds(20), "the contact in the read model");

        var rebuilt = await (await admin.PostAsync(new Uri(first.ApiAddress, "/api/system/read-model/pg-ws/rebuild"), null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, rebuilt.GetProperty("companies").GetInt32());
        Assert.Equal(1, rebuilt.GetProperty("contacts").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(new Uri($"{ws}/contacts/{Uri.EscapeDataString("email:ana@pg-company.example")}", UriKind.Relative))).StatusCode);
        await Eventually.Get(() => client.GetFromJsonAsync<JsonElement>($"{ws}/contacts?search=ana"), p => p.GetProperty("items").GetArrayLength() == 0, TimeSpan.FromSeconds(20), "the erased contact gone from the read model");
    }

    public void Dispose()
    {
        admin.Dispose();
        work.Dispose();
    }
}
