using SalesOS.Testing;

namespace SalesOS.Benchmarks.Scenarios;

/// <summary>Durable one-shot reminders (follow-ups) fired per second and how late, against plain in-process timers for the same due times.</summary>
public sealed class RemindersScenario : IBenchScenario
{
    public string Name => "reminders";

    public string Description => "follow-up reminders fired/s and lateness p99 on the embedded profile, vs in-process timers for the same due times";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchSettings settings)
    {
        var count = settings.Count ?? 5_000;
        var concurrency = settings.Concurrency ?? 32;
        using var data = new TempDirectory();
        await using var silo = await TestSilo.StartEmbeddedAsync(data.Path, "bench-reminders");
        FollowUpGrain.LatenessMs.Clear();

        // Registering is durable (one upsert each), so the due times start after registration ends.
        var spread = TimeSpan.FromSeconds(10);
        var registerStart = DateTime.UtcNow + TimeSpan.FromSeconds(Math.Max(10, count / 1000.0));
        var registration = await Measure.RateAsync(count, concurrency, i =>
            silo.Client.GetGrain<IFollowUpGrain>(i).Schedule(registerStart + (spread * i / count)));

        var deadline = registerStart + spread + TimeSpan.FromSeconds(120);
        while (FollowUpGrain.LatenessMs.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        var completedAt = DateTime.UtcNow;
        var fired = FollowUpGrain.LatenessMs.Count;
        var lateness = FollowUpGrain.LatenessMs.Values.Order().ToArray();
        // From the first due time to the moment every reminder had fired (or the deadline).
        var firedPerSecond = fired / Math.Max(spread.TotalSeconds, (completedAt - registerStart).TotalSeconds);
        var (baselineRate, baselineLateness) = await TimersAsync(count, spread);
        var memory = Measure.PeakWorkingSetMb();
        return
        [
            new(Name, $"follow-ups registered (durable), {concurrency} in flight", registration, "reminders/s", "none (informational)", 0, memory),
            new(Name, $"follow-ups fired ({fired} of {count})", firedPerSecond, "fired/s", "in-process timers", baselineRate, memory),
            new(Name, "lateness p50", Measure.Percentile(lateness, 0.50), "ms", "timers p50", Measure.Percentile(baselineLateness, 0.50), memory),
            new(Name, "lateness p99", Measure.Percentile(lateness, 0.99), "ms", "timers p99", Measure.Percentile(baselineLateness, 0.99), memory),
        ];
    }

    private static async Task<(double Rate, double[] Lateness)> TimersAsync(int count, TimeSpan spread)
    {
        var start = DateTime.UtcNow + TimeSpan.FromSeconds(1);
        var lateness = new double[count];
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            var due = start + (spread * i / count);
            var wait = due - DateTime.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            lateness[i] = (DateTime.UtcNow - due).TotalMilliseconds;
        }));
        Array.Sort(lateness);
        return (count / Math.Max(spread.TotalSeconds, (DateTime.UtcNow - start).TotalSeconds), lateness);
    }
}
