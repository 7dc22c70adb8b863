using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SalesOS.Testing;

namespace SalesOS.Benchmarks.Scenarios;

/// <summary>Grain calls through a client over loopback TCP and grain to grain, against the same method called in process.</summary>
public sealed class GrainCallsScenario : IBenchScenario
{
    /// <summary>Keys the calls spread over; activations for the memory figure start above them.</summary>
    private const int CallTargets = 64;
    private const int MeasuredActivations = 10_000;

    public string Name => "grain-calls";

    public string Description => "client → grain over loopback TCP and grain → grain at 1, 16 (and --concurrency) in flight, vs the same call in process without Orleans";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchSettings settings)
    {
        var count = settings.Count ?? 100_000;
        var results = new List<BenchResult>();
        using var data = new TempDirectory();
        await using var silo = await TestSilo.StartEmbeddedAsync(data.Path, "bench-calls");
        using var clientHost = await StartClientAsync(silo);
        var client = clientHost.Services.GetRequiredService<IClusterClient>();
        var relay = client.GetGrain<IRelayGrain>(0);
        // Called through its interface, as a grain is: the baseline keeps the virtual dispatch.
#pragma warning disable CA1859
        IEchoService local = new EchoService();
#pragma warning restore CA1859

        await Task.WhenAll(Enumerable.Range(0, CallTargets).Select(i => client.GetGrain<IEchoGrain>(i).Echo(i)));
        var perActivation = await Measure.BytesPerActivationAsync(MeasuredActivations, 16, i => silo.Client.GetGrain<IEchoGrain>(CallTargets + i).Echo(i));

        foreach (var inFlight in new[] { 1, 16, settings.Concurrency ?? 16 }.Distinct().Order())
        {
            // The remote path is the slowest by far: it gets fewer calls at 1 in flight so each run stays near a second.
            var clientCalls = inFlight == 1 ? count / 5 : count;
            var relayCalls = inFlight == 1 ? count : count * 4;
            var localCalls = count * 100;
            await Measure.WarmUpAsync(Measure.WarmUpCount(clientCalls), inFlight, i => client.GetGrain<IEchoGrain>(i % CallTargets).Echo(i));
            await Measure.WarmUpAsync(1, 1, _ => relay.Relay(Measure.WarmUpCount(relayCalls), inFlight, CallTargets));
            await Measure.WarmUpAsync(Measure.WarmUpCount(localCalls), inFlight, i => local.Echo(i));

            // The three take turns, so a neighbour's load on a shared machine falls on all of them; each figure is its median run.
            var (baselines, remote, inside) = (new List<double>(), new List<double>(), new List<double>());
            for (var round = 0; round < Measure.Rounds; round++)
            {
                baselines.Add(await Measure.RateAsync(localCalls, inFlight, i => local.Echo(i)));
                remote.Add(await Measure.RateAsync(clientCalls, inFlight, i => client.GetGrain<IEchoGrain>(i % CallTargets).Echo(i)));
                // One call to the relay grain, which makes relayCalls calls of its own.
                inside.Add(await Measure.RateAsync(1, 1, _ => relay.Relay(relayCalls, inFlight, CallTargets)) * relayCalls);
            }

            var (baseline, viaClient, grainToGrain) = (Measure.Median(baselines), Measure.Median(remote), Measure.Median(inside));
            var memory = Measure.PeakWorkingSetMb();
            results.Add(new BenchResult(Name, $"client→grain over TCP, {inFlight} in flight", viaClient, "calls/s", "same method in process", baseline, memory, perActivation));
            results.Add(new BenchResult(Name, $"grain→grain, {inFlight} in flight", grainToGrain, "calls/s", "same method in process", baseline, memory, perActivation));
        }

        await clientHost.StopAsync();
        return results;
    }

    /// <summary>A separate Orleans client host in this process, reaching the silo through its gateway port over loopback TCP.</summary>
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
