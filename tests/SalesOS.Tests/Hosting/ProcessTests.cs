using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using SalesOS.Contracts.Diagnostics;
using SalesOS.Testing;
using SalesOS.Tests.Infrastructure;

namespace SalesOS.Tests.Hosting;

/// <summary>The built programs started as processes, the way the README's run command and an operator start them.</summary>
public sealed class ProcessTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly TempDirectory work = new();
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10), DefaultRequestHeaders = { Authorization = new("Bearer", TestSilo.AdminKey) } };

    [Fact]
    public async Task Silo_ServesGatewayAndDashboard_StopsGracefullyOnSigterm_AndKeepsStateForTheNextStart()
    {
        var apiPort = FreePorts.Next();
        var dashboardPort = FreePorts.Next();
        string[] settings =
        [
            $"--contentRoot={Path.GetDirectoryName(RepositoryPaths.SiloDll)}",
            $"--SalesOS:Storage:DataDirectory={Path.Combine(work.Path, "data")}",
            $"--SalesOS:Cluster:SiloPort={FreePorts.Next()}",
            $"--SalesOS:Cluster:GatewayPort={FreePorts.Next()}",
            $"--SalesOS:Http:ApiPort={apiPort}",
            $"--SalesOS:Http:DashboardPort={dashboardPort}",
        ];
        var api = new Uri($"http://127.0.0.1:{apiPort}");

        await using (var silo = RunningProcess.StartDotnet(RepositoryPaths.SiloDll, work.Path, settings))
        {
            await WaitUntilReadyAsync(silo, api);
            // No admin key was configured: the embedded silo made one beside its data and says where.
            var keyFile = Path.Combine(work.Path, "data", "admin-api-key");
            Assert.Contains(keyFile, silo.Output, StringComparison.Ordinal);
            http.DefaultRequestHeaders.Authorization = new("Bearer", (await File.ReadAllTextAsync(keyFile)).Trim());
            Assert.Equal(System.IO.UnixFileMode.UserRead | System.IO.UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
            var dashboard = await http.GetAsync(new Uri($"http://127.0.0.1:{dashboardPort}/dashboard/"));
            Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
            (await http.PutAsJsonAsync(new Uri(api, "/api/probes/process"), new { value = "kept" })).EnsureSuccessStatusCode();
            Assert.Contains($"http://127.0.0.1:{apiPort}/", silo.Output, StringComparison.Ordinal);
            Assert.Contains($"http://127.0.0.1:{dashboardPort}/dashboard/", silo.Output, StringComparison.Ordinal);

            var exitCode = await silo.StopGracefullyAsync(TimeSpan.FromSeconds(40));
            Assert.True(exitCode == 0, silo.Output);
        }

        var migrate = await ProcessRunner.RunAsync("dotnet", [RepositoryPaths.SiloDll, "migrate", .. settings], TimeSpan.FromSeconds(60));
        Assert.Contains("already current", migrate, StringComparison.Ordinal);

        await using (var silo = RunningProcess.StartDotnet(RepositoryPaths.SiloDll, work.Path, settings))
        {
            await WaitUntilReadyAsync(silo, api);
            var probe = await http.GetFromJsonAsync<ProbeSnapshot>(new Uri(api, "/api/probes/process"));
            Assert.Equal("kept", probe!.Value);
        }
    }

    [Fact]
    public async Task Gateway_IsLiveButNotReadyWithoutCluster_ThenConnectsOnceASiloStarts()
    {
        var gatewayPort = FreePorts.Next();
        var httpPort = FreePorts.Next();
        var serviceId = "late-" + Guid.NewGuid().ToString("N")[..8];
        var api = new Uri($"http://127.0.0.1:{httpPort}");
        await using var gateway = RunningProcess.StartDotnet(
            RepositoryPaths.ClientApiDll,
            work.Path,
            $"--contentRoot={Path.GetDirectoryName(RepositoryPaths.ClientApiDll)}",
            $"--urls=http://127.0.0.1:{httpPort}",
            $"--SalesOS:Cluster:GatewayPorts:0={gatewayPort.ToString(CultureInfo.InvariantCulture)}",
            $"--SalesOS:Security:AdminApiKey={TestSilo.AdminKey}",
            $"--SalesOS:Cluster:ServiceId={serviceId}",
            $"--SalesOS:Cluster:ClusterId={serviceId}");

        var live = await Eventually.Get(() => http.GetAsync(new Uri(api, "/health/live")), r => r.IsSuccessStatusCode, StartTimeout, "the gateway to answer /health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync(new Uri(api, "/health/ready"))).StatusCode);
        var refused = await http.PutAsJsonAsync(new Uri(api, "/api/probes/late"), new { value = "too early" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

        await using var silo = await TestSilo.StartEmbeddedAsync(Path.Combine(work.Path, "late-silo"), serviceId, gatewayPort);
        await Eventually.Get(() => http.GetAsync(new Uri(api, "/health/ready")), r => r.IsSuccessStatusCode, StartTimeout, "the gateway to connect to the late silo");
        (await http.PutAsJsonAsync(new Uri(api, "/api/probes/late"), new { value = "in time" })).EnsureSuccessStatusCode();
        Assert.Equal("in time", (await silo.Client.GetGrain<IProbeGrain>("late").Get()).Value);
        Assert.False(gateway.HasExited, gateway.Output);
    }

    private async Task WaitUntilReadyAsync(RunningProcess process, Uri api)
    {
        try
        {
            await Eventually.Get(
                async () => process.HasExited ? throw new InvalidOperationException("exited") : await http.GetAsync(new Uri(api, "/health/ready")),
                r => r.IsSuccessStatusCode,
                StartTimeout,
                "the silo to be ready");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + "\nProcess output:\n" + process.Output, e);
        }
    }

    public void Dispose()
    {
        http.Dispose();
        SqliteConnection.ClearAllPools();
        work.Dispose();
    }
}
