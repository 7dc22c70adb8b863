using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SalesOS.Silo.Hosting;

namespace SalesOS.Testing;

/// <summary>
/// The real silo host (<see cref="SiloHost"/>, the same code the run command starts) inside the test
/// process, on free ports, with reminders allowed down to one second.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly WebApplication app;
    private bool stopped;

    private TestSilo(WebApplication app, int apiPort, int gatewayPort, string serviceId)
    {
        this.app = app;
        ServiceId = serviceId;
        ApiPort = apiPort;
        GatewayPort = gatewayPort;
    }

    /// <summary>The admin API key every test silo and gateway is configured with.</summary>
    public const string AdminKey = "sos_admin_test_0123456789abcdef";

    /// <summary>The tracking key of cluster-profile test silos (every silo of a cluster must share it; embedded silos make their own).</summary>
    public const string TrackingKey = "7e57c0de7e57c0de7e57c0de7e57c0de7e57c0de7e57c0de7e57c0de7e57c0de";

    /// <summary>
    /// Outbox redelivery spacing of silos started from now on: 2 s makes tests see redeliveries
    /// quickly; the benchmarks set the production default so they measure what production pays.
    /// </summary>
    public static TimeSpan RedeliveryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public string ServiceId { get; }

    public int ApiPort { get; }

    public int GatewayPort { get; }

    public Uri ApiAddress => new($"http://127.0.0.1:{ApiPort}/");

    public IServiceProvider Services => app.Services;

    /// <summary>This silo's address as grains report it (<c>RuntimeIdentity</c>).</summary>
    public string SiloAddress => app.Services.GetRequiredService<Orleans.Runtime.ILocalSiloDetails>().SiloAddress.ToString();

    public IClusterClient Client => app.Services.GetRequiredService<IClusterClient>();

    /// <summary>An embedded-profile silo whose database lives in <paramref name="dataDirectory"/>.</summary>
    /// <param name="settings">More command-line settings ("--Section:Key=value"); they must not repeat a key the test silo sets.</param>
    public static Task<TestSilo> StartEmbeddedAsync(string dataDirectory, string serviceId = "salesos-test", int? gatewayPort = null, Action<ISiloBuilder>? configure = null, params string[] settings)
        => StartAsync(
            serviceId,
            gatewayPort,
            configure,
            [$"--SalesOS:Storage:Profile=Embedded",
            $"--SalesOS:Storage:DataDirectory={dataDirectory}",
            $"--SalesOS:Cluster:ServiceId={serviceId}",
            $"--SalesOS:Cluster:ClusterId={serviceId}",
            "--SalesOS:Http:DashboardEnabled=false",
            .. settings]);

    /// <summary>A cluster-profile silo on PostgreSQL; several of them with the same ids form one cluster.</summary>
    public static Task<TestSilo> StartClusterAsync(string connectionString, string clusterId, params string[] settings)
        => StartAsync(
            clusterId,
            null,
            null,
            ["--SalesOS:Storage:Profile=Cluster",
            $"--SalesOS:Storage:PostgreSqlConnectionString={connectionString}",
            "--SalesOS:Storage:MigrateOnStart=true",
            $"--SalesOS:Cluster:ServiceId={clusterId}",
            $"--SalesOS:Cluster:ClusterId={clusterId}",
            "--SalesOS:Cluster:AdvertisedAddress=127.0.0.1",
            "--SalesOS:Http:DashboardEnabled=false",
            $"--SalesOS:Outreach:TrackingKey={TrackingKey}",
            .. settings]);

    private static async Task<TestSilo> StartAsync(string serviceId, int? fixedGatewayPort, Action<ISiloBuilder>? configure, params string[] settings)
    {
        var apiPort = FreePorts.Next();
        var gatewayPort = fixedGatewayPort ?? FreePorts.Next();
        string[] args =
        [
            .. settings,
            $"--SalesOS:Cluster:SiloPort={FreePorts.Next()}",
            $"--SalesOS:Cluster:GatewayPort={gatewayPort}",
            "--SalesOS:Cluster:MinimumReminderPeriod=00:00:01",
            $"--SalesOS:Events:RedeliveryDelay={RedeliveryDelay:c}",
            "--SalesOS:Cluster:ShutdownTimeout=00:00:20",
            $"--SalesOS:Http:ApiPort={apiPort}",
            $"--SalesOS:Http:DashboardPort={FreePorts.Next()}",
            $"--SalesOS:Security:AdminApiKey={AdminKey}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Orleans=Warning",
            "--Logging:LogLevel:Orleans.Runtime.Silo=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning",
            "--Logging:LogLevel:SalesOS=Warning",
            $"--contentRoot={Path.Combine(RepositoryPaths.Root, "silo", "SalesOS.Silo")}",
        ];
        var app = SiloHost.Build(args, configure);
        await app.StartAsync();
        return new TestSilo(app, apiPort, gatewayPort, serviceId);
    }

    /// <summary>Stops the silo gracefully: its grains deactivate and the cluster learns it left.</summary>
    public async Task StopAsync()
    {
        if (!stopped)
        {
            stopped = true;
            await app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await app.DisposeAsync();
    }
}
