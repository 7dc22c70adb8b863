using System.Net.Http.Headers;
using System.Net.Http.Json;
using SalesOS.Testing;

namespace SalesOS.Benchmarks.Scenarios;

/// <summary>REST gateway latency and throughput under a bounded load, against a trivial endpoint of the same gateway.</summary>
public sealed class GatewayScenario : IBenchScenario
{
    public string Name => "gateway";

    public string Description => "REST gateway p50/p99 and req/s for grain reads and writes, vs GET /health/live on the same gateway";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchSettings settings)
    {
        var count = settings.Count ?? 20_000;
        var concurrency = settings.Concurrency ?? 16;
        using var data = new TempDirectory();
        await using var silo = await TestSilo.StartEmbeddedAsync(data.Path, "bench-gateway");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = silo.ApiAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestSilo.AdminKey);
        for (var i = 0; i < 64; i++)
        {
            (await http.PutAsJsonAsync($"/api/probes/p{i}", new { value = "warm" })).EnsureSuccessStatusCode();
        }

        var (baseRate, baseLatency) = await Measure.RateWithLatencyAsync(count, concurrency, async _ => (await http.GetAsync(new Uri("/health/live", UriKind.Relative))).EnsureSuccessStatusCode());
        var (readRate, readLatency) = await Measure.RateWithLatencyAsync(count, concurrency, async i => (await http.GetAsync(new Uri($"/api/probes/p{i % 64}", UriKind.Relative))).EnsureSuccessStatusCode());
        var writes = count / 4;
        var (writeRate, writeLatency) = await Measure.RateWithLatencyAsync(writes, concurrency, async i => (await http.PutAsJsonAsync($"/api/probes/p{i % 64}", new { value = "v" + i })).EnsureSuccessStatusCode());
        var memory = Measure.PeakWorkingSetMb();
        return
        [
            new(Name, $"GET probe, {concurrency} clients", readRate, "req/s", "GET /health/live", baseRate, memory),
            new(Name, "GET probe p50", Measure.Percentile(readLatency, 0.50), "ms", "/health/live p50", Measure.Percentile(baseLatency, 0.50), memory),
            new(Name, "GET probe p99", Measure.Percentile(readLatency, 0.99), "ms", "/health/live p99", Measure.Percentile(baseLatency, 0.99), memory),
            new(Name, $"PUT probe (durable), {concurrency} clients", writeRate, "req/s", "GET /health/live", baseRate, memory),
            new(Name, "PUT probe p50", Measure.Percentile(writeLatency, 0.50), "ms", "/health/live p50", Measure.Percentile(baseLatency, 0.50), memory),
            new(Name, "PUT probe p99", Measure.Percentile(writeLatency, 0.99), "ms", "/health/live p99", Measure.Percentile(baseLatency, 0.99), memory),
        ];
    }
}
