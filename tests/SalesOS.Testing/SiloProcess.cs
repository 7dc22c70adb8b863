using System.Net.Http.Json;
using System.Text.Json;

namespace SalesOS.Testing;

/// <summary>
/// The built silo (silo/SalesOS.Silo) as its own process on free ports, serving the REST gateway
/// itself, with timings tightened for tests (1 s reminders, 2 s event redelivery, fast failure detection).
/// It can be stopped gracefully, killed hard and started again on the same ports and data.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly string[] arguments;
    private readonly string workingDirectory;
    private RunningProcess process;

    private SiloProcess(string[] arguments, string workingDirectory, int apiPort, int siloPort)
    {
        this.arguments = arguments;
        this.workingDirectory = workingDirectory;
        ApiAddress = new Uri($"http://127.0.0.1:{apiPort}");
        SiloPort = siloPort;
        process = RunningProcess.StartDotnet(RepositoryPaths.SiloDll, workingDirectory, arguments);
    }

    public Uri ApiAddress { get; }

    public int SiloPort { get; }

    public string Output => process.Output;

    /// <param name="settings">More command-line settings ("--Section:Key=value").</param>
    public static Task<SiloProcess> StartEmbeddedAsync(string dataDirectory, string workingDirectory, params string[] settings)
        => StartAsync(workingDirectory,
            ["--SalesOS:Storage:Profile=Embedded",
            $"--SalesOS:Storage:DataDirectory={dataDirectory}",
            .. settings]);

    public static Task<SiloProcess> StartClusterAsync(string connectionString, string clusterId, string workingDirectory)
        => StartAsync(workingDirectory,
            "--SalesOS:Storage:Profile=Cluster",
            $"--SalesOS:Storage:PostgreSqlConnectionString={connectionString}",
            "--SalesOS:Storage:MigrateOnStart=true",
            $"--SalesOS:Cluster:ClusterId={clusterId}",
            $"--SalesOS:Cluster:ServiceId={clusterId}",
            "--SalesOS:Cluster:AdvertisedAddress=127.0.0.1",
            "--SalesOS:Http:CoHostGateway=true");

    private static async Task<SiloProcess> StartAsync(string workingDirectory, params string[] settings)
    {
        var apiPort = FreePorts.Next();
        var siloPort = FreePorts.Next();
        string[] arguments =
        [
            $"--contentRoot={Path.GetDirectoryName(RepositoryPaths.SiloDll)}",
            .. settings,
            $"--SalesOS:Cluster:SiloPort={siloPort}",
            $"--SalesOS:Cluster:GatewayPort={FreePorts.Next()}",
            "--SalesOS:Cluster:MinimumReminderPeriod=00:00:01",
            "--SalesOS:Cluster:Membership:ProbeTimeout=00:00:01",
            "--SalesOS:Cluster:Membership:NumMissedProbesLimit=2",
            "--SalesOS:Cluster:Membership:IAmAliveTablePublishTimeout=00:00:05",
            "--SalesOS:Events:RedeliveryDelay=00:00:02",
            $"--SalesOS:Http:ApiPort={apiPort}",
            "--SalesOS:Http:DashboardEnabled=false",
            $"--SalesOS:Security:AdminApiKey={TestSilo.AdminKey}",
            $"--SalesOS:Outreach:TrackingKey={TestSilo.TrackingKey}",
            "--Logging:LogLevel:Default=Warning",
        ];
        var silo = new SiloProcess(arguments, workingDirectory, apiPort, siloPort);
        await silo.WaitUntilReadyAsync();
        return silo;
    }

    /// <summary>Kills the process hard (SIGKILL), as a crash would.</summary>
    public Task KillAsync() => process.KillAsync();

    /// <summary>Starts the same silo again (same ports, same data) after it stopped or was killed.</summary>
    /// <param name="without">Settings of the first start to leave out this time (a fault to inject only once), by prefix.</param>
    public async Task RestartAsync(params string[] without)
    {
        await process.DisposeAsync();
        process = RunningProcess.StartDotnet(RepositoryPaths.SiloDll, workingDirectory,
            arguments.Where(a => !without.Any(w => a.StartsWith(w, StringComparison.Ordinal))).ToArray());
        await WaitUntilReadyAsync();
    }

    /// <summary>Whether the process has ended (a crash, an injected fault, a kill).</summary>
    public bool HasExited => process.HasExited;

    /// <summary>The silos this one sees as active.</summary>
    public async Task<int> CountActiveSilosAsync(HttpClient http)
    {
        var silos = await http.GetFromJsonAsync<JsonElement>(new Uri(ApiAddress, "/api/system/silos"));
        return silos.EnumerateArray().Count(s => s.GetProperty("status").GetString() == "Active");
    }

    public async ValueTask DisposeAsync() => await process.DisposeAsync();

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", TestSilo.AdminKey);
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("The silo exited while starting:\n" + process.Output);
            }

            try
            {
                if ((await http.GetAsync(new Uri(ApiAddress, "/health/ready"))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but not answering yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The silo was not ready within {StartTimeout}:\n{process.Output}");
    }
}
