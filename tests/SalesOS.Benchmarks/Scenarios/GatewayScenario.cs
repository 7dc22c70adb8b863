using System.Net.Http.Headers;
using System.Net.Http.Json;
using SalesOS.Testing;

namespace SalesOS.Benchmarks.Scenarios;

/// <summary>
/// REST gateway latency and throughput under a bounded load (fixed request count, fixed concurrency)
/// against the gateway co-hosted by an embedded silo on Kestrel, beside a trivial endpoint of the same
/// gateway under the same load.
/// </summary>
public sealed class GatewayScenario : IBenchScenario
{
    private const int Probes = 1_000;

    public string Name => "gateway";

    public string Description => "REST gateway req/s, p50 and p99 of GET and durable PUT /api/probes/{id}, vs GET /health/live of the same gateway under the same load";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchSettings settings)
    {
        var count = settings.Count ?? 20_000;
        var concurrency = settings.Concurrency ?? 16;
        // A durable write costs a database round trip; a quarter of the reads keeps the scenario short.
        var writes = Math.Max(1, count / 4);
        using var data = new TempDirectory();
        await using var silo = await TestSilo.StartEmbeddedAsync(data.Path, "bench-gateway");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = silo.ApiAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestSilo.AdminKey);

        Task Health(int i) => SendAsync(http.GetAsync(new Uri("/health/live", UriKind.Relative)));
        Task Read(int i) => SendAsync(http.GetAsync(new Uri($"/api/probes/p{i % Probes}", UriKind.Relative)));
        Task Write(int i) => SendAsync(http.PutAsJsonAsync($"/api/probes/p{i % Probes}", new { value = $"v{i}" }));

        // Reading a probe activates its grain: the first read of each measures what an activation keeps.
        var perActivation = await Measure.BytesPerActivationAsync(Probes, concurrency, Read);
        await Measure.WarmUpAsync(Measure.WarmUpCount(count), concurrency, Health);
        await Measure.WarmUpAsync(Measure.WarmUpCount(count), concurrency, Read);
        await Measure.WarmUpAsync(Measure.WarmUpCount(writes), concurrency, Write);

        var measured = await Measure.InterleavedAsync(concurrency, new Phase(count, Health), new Phase(count, Read), new Phase(writes, Write));
        var ((baseRate, baseLatency), (readRate, readLatency), (writeRate, writeLatency)) = (measured[0], measured[1], measured[2]);
        var memory = Measure.PeakWorkingSetMb();
        var baseP50 = Measure.Percentile(baseLatency, 0.50);
        var baseP99 = Measure.Percentile(baseLatency, 0.99);
        return
        [
            new(Name, $"GET probe, {count} requests, {concurrency} at once", readRate, "req/s", "GET /health/live", baseRate, memory, perActivation),
            new(Name, "GET probe p50", Measure.Percentile(readLatency, 0.50), "ms", "GET /health/live p50", baseP50, memory),
            new(Name, "GET probe p99", Measure.Percentile(readLatency, 0.99), "ms", "GET /health/live p99", baseP99, memory),
            new(Name, $"PUT probe (durable), {writes} requests, {concurrency} at once", writeRate, "req/s", "GET /health/live", baseRate, memory),
            new(Name, "PUT probe p50", Measure.Percentile(writeLatency, 0.50), "ms", "GET /health/live p50", baseP50, memory),
            new(Name, "PUT probe p99", Measure.Percentile(writeLatency, 0.99), "ms", "GET /health/live p99", baseP99, memory),
        ];
    }

    // A refused request would make the figure meaningless: fail the run instead.
    private static async Task SendAsync(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        response.EnsureSuccessStatusCode();
    }
}
