using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SalesOS.Testing;

namespace SalesOS.Tests.Prospecting.Flow;

/// <summary>
/// A real embedded silo (the one the run command starts) with the prospecting agents tuned for tests:
/// steps retried within seconds, no politeness delay. Talks to it over its REST API like a user would.
/// </summary>
public sealed class ProspectingHost : IAsyncDisposable
{
    private readonly TempDirectory data;

    private ProspectingHost(TempDirectory data, TestSilo silo, HttpClient admin)
    {
        this.data = data;
        Silo = silo;
        Admin = admin;
    }

    public TestSilo Silo { get; }

    public HttpClient Admin { get; }

    public static async Task<ProspectingHost> StartAsync(params string[] settings)
    {
        var data = new TempDirectory();
        string[] tuned =
        [
            "--SalesOS:Prospecting:WatchdogPeriod=00:00:01",
            "--SalesOS:Prospecting:StepTimeout=00:00:20",
            "--SalesOS:Prospecting:RetryBaseDelay=00:00:01",
            "--SalesOS:Crawler:PolitenessDelay=00:00:00",
            "--SalesOS:Crawler:PageTimeout=00:00:05",
            .. settings,
        ];
        var silo = await TestSilo.StartEmbeddedAsync(data.Path, "prospecting-" + Guid.NewGuid().ToString("N")[..8], settings: tuned);
        var admin = new HttpClient { BaseAddress = silo.ApiAddress, Timeout = TimeSpan.FromSeconds(60) };
        admin.DefaultRequestHeaders.Authorization = new("Bearer", TestSilo.AdminKey);
        return new ProspectingHost(data, silo, admin);
    }

    /// <summary>A new workspace and a client holding its API key.</summary>
    public async Task<(string Workspace, HttpClient Client)> CreateWorkspaceAsync(string prefix)
    {
        var id = $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
        var response = await Admin.PostAsJsonAsync("/api/workspaces", new { id, name = "Test " + id });
        response.EnsureSuccessStatusCode();
        var key = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetProperty("key").GetString()!;
        var client = new HttpClient { BaseAddress = Silo.ApiAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return (id, client);
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Silo.DisposeAsync();
        SqliteConnection.ClearAllPools();
        data.Dispose();
    }
}
