using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using SalesOS.Testing;
using SalesOS.Tests.Infrastructure;

namespace SalesOS.Tests.Gateway;

/// <summary>A real embedded silo and, in front of it, the standalone REST gateway (SalesOS.ClientApi) as an Orleans client.</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    private readonly TempDirectory data = new();
    private WebApplicationFactory<Program>? factory;

    public TestSilo Silo { get; private set; } = null!;

    /// <summary>The embedded silo's data folder (its SQLite database is salesos.db there).</summary>
    public string DataDirectory => data.Path;

    /// <summary>A client without credentials, for the authentication tests.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>The gateway's services (its endpoint data sources, for the OpenAPI test).</summary>
    public IServiceProvider GatewayServices => factory!.Services;

    /// <summary>Another client of the same gateway, for requests with other credentials.</summary>
    public HttpClient CreateClient() => factory!.CreateClient();

    /// <summary>A new workspace (through the admin key) and a client holding its first API key.</summary>
    public async Task<(string Workspace, HttpClient Client, string Key)> CreateWorkspaceAsync(string prefix)
    {
        var id = $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 11)];
        var response = await Http.PostAsJsonAsync("/api/workspaces", new { id, name = "Test " + id });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var key = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetProperty("key").GetString()!;
        return (id, ClientWithKey(key), key);
    }

    public HttpClient ClientWithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public async Task InitializeAsync()
    {
        Silo = await TestSilo.StartEmbeddedAsync(data.Path, "gateway-" + Guid.NewGuid().ToString("N")[..8]);
        var serviceId = Silo.ServiceId;
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("SalesOS:Cluster:Profile", "Embedded");
            web.UseSetting("SalesOS:Cluster:GatewayPorts:0", Silo.GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
            web.UseSetting("SalesOS:Cluster:ServiceId", serviceId);
            web.UseSetting("SalesOS:Cluster:ClusterId", serviceId);
            web.UseSetting("SalesOS:Security:AdminApiKey", TestSilo.AdminKey);
        });
        Http = factory.CreateClient();
        Http.DefaultRequestHeaders.Authorization = new("Bearer", TestSilo.AdminKey);
        Anonymous = factory.CreateClient();
        await Eventually.Get(() => Http.GetAsync(new Uri("/health/ready", UriKind.Relative)), r => r.IsSuccessStatusCode, TimeSpan.FromSeconds(30), "the gateway to reach the silo");
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        Anonymous.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        await Silo.DisposeAsync();
        SqliteConnection.ClearAllPools();
        data.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "REST gateway";
}
