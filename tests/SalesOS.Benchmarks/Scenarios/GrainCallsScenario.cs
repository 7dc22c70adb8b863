using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SalesOS.Testing;

namespace SalesOS.Benchmarks.Scenarios;

/// <summary>Grain calls through a client over loopback TCP and grain to grain, against the same method called in process.</summary>
public sealed class GrainCallsScenario : IBenchScenario
{
    public string Name => "grain-calls";

    public string Description => "client → grain over TCP and grain → grain, vs the same call in process without Orleans";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchSettings settings)
    {
        var count = settings.Count ?? 100_000;
        var results = new List<BenchResult>();
        using var data = new TempDirectory();
        await using var silo = await TestSilo.StartEmbeddedAsync(data.Path, "bench-calls");
        using var clientHost = await StartClientAsync(silo);
        var client = clientHost.Services.GetRequiredService<IClusterClient>();
        // Called through its interface, as a grain is: the baseline keeps the virtual dispatch.
#pragma warning disable CA1859
        IEchoService local = new EchoService();
#pragma warning restore CA1859

        var before = Measure.ManagedBytes();
        await Task.WhenAll(Enumerable.Range(0, 64).Select(i => client.GetGrain<IEchoGrain>(i).Echo(i)));
        var perActivation = (Measure.ManagedBytes() - before) / 64.0;

        foreach (var inFlight in new[] { 1, settings.Concurrency ?? 16 }.Distinct())
        {
            var calls = inFlight == 1 ? count / 5 : count;
            var baseline = await Measure.RateAsync(calls * 5, inFlight, i => local.Echo(i));
            var viaClient = await Measure.RateAsync(calls, inFlight, i => client.GetGrain<IEchoGrain>(i % 64).Echo(i));
            var relayWatch = System.Diagnostics.Stopwatch.StartNew();
            await client.GetGrain<IRelayGrain>(0).Relay(calls, inFlight);
            var grainToGrain = calls / relayWatch.Elapsed.TotalSeconds;
            results.Add(new BenchResult(Name, $"client→grain, {inFlight} in flight", viaClient, "calls/s", "in-process call", baseline, Measure.PeakWorkingSetMb(), perActivation));
            results.Add(new BenchResult(Name, $"grain→grain, {inFlight} in flight", grainToGrain, "calls/s", "in-process call", baseline, Measure.PeakWorkingSetMb(), perActivation));
        }

        await clientHost.StopAsync();
        return results;
    }

    private static async Task<IHost> StartClientAsync(TestSilo silo)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client => client.UseLocalhostClustering(silo.GatewayPort, silo.ServiceId, silo.ServiceId));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
