using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SalesOS.Testing;

namespace SalesOS.Tests.Gateway;

/// <summary>A read model lost or damaged is rebuilt from the grains' own state.</summary>
[Collection(GatewayCollection.Name)]
public sealed class ReadModelRebuildTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Rebuild_RestoresTheWorkspacesRowsFromTheGrains()
    {
        var (workspace, client, _) = await fixture.CreateWorkspaceAsync("rb");
        for (var i = 0; i < 5; i++)
        {
            (await client.PostAsJsonAsync($"/api/workspaces/{workspace}/companies", new { domain = $"rebuild{i}.example", name = $"Rebuild {i}" })).EnsureSuccessStatusCode();
        }

        (await client.PostAsJsonAsync($"/api/workspaces/{workspace}/companies/rebuild0.example/transitions", new { trigger = "Disqualify" })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/workspaces/{workspace}/contacts", new { email = "rebuilt@rebuild0.example", firstName = "Re" })).EnsureSuccessStatusCode();
        await Eventually.Get(() => client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/funnel"), f => f.GetProperty("total").GetInt32() == 5, TimeSpan.FromSeconds(15), "the projection");
        await Eventually.Get(() => client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/contacts"), p => p.GetProperty("items").GetArrayLength() == 1, TimeSpan.FromSeconds(15), "the contact projection");

        // Damage the read model behind SalesOS's back: rows lost, one row wrong.
        await ExecuteAsync($"DELETE FROM rm_companies WHERE workspace_id = '{workspace}' AND domain <> 'rebuild0.example'; UPDATE rm_companies SET state = 'Customer' WHERE workspace_id = '{workspace}'; DELETE FROM rm_contacts WHERE workspace_id = '{workspace}'");
        Assert.Equal(1, (await client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/funnel")).GetProperty("total").GetInt32());

        var report = await (await fixture.Http.PostAsync(new Uri($"/api/system/read-model/{workspace}/rebuild", UriKind.Relative), null)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(5, report.GetProperty("companies").GetInt32());
        Assert.Equal(1, report.GetProperty("contacts").GetInt32());
        var funnel = await client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/funnel");
        Assert.Equal(5, funnel.GetProperty("total").GetInt32());
        Assert.Equal(1, funnel.GetProperty("counts").GetProperty("Disqualified").GetInt32());
        Assert.Equal(0, funnel.GetProperty("counts").GetProperty("Customer").GetInt32());
        Assert.Equal(1, (await client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/contacts")).GetProperty("items").GetArrayLength());
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(fixture.DataDirectory, "salesos.db")};Default Timeout=30");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
