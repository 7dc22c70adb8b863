using SalesOS.Testing;

namespace SalesOS.Benchmarks.Scenarios;

/// <summary>
/// Durable one-shot reminders (follow-ups) on the embedded profile, due over a short window: how fast
/// they fire and how late, against plain in-process timers firing the same due times.
/// </summary>
public sealed class RemindersScenario : IBenchScenario
{
    /// <summary>The due times of all reminders spread evenly over this window.</summary>
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    public string Name => "reminders";

    public string Description => "durable one-shot reminders (embedded, SQLite) fired/s and lateness p50/p99 over a 10 s window, vs in-process timers firing the same due times";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchSettings settings)
    {
        var count = settings.Count ?? 5_000;
        var concurrency = settings.Concurrency ?? 32;
        using var data = new TempDirectory();
        await using var silo = await TestSilo.StartEmbeddedAsync(data.Path, "bench-reminders");
        await WarmUpAsync(silo, concurrency);

        // Registering is durable (one upsert each, a few thousand a second here), so the window opens
        // a second per thousand reminders from now; one registered late fires at once and counts as late.
        var opens = DateTime.UtcNow + TimeSpan.FromSeconds(Math.Max(10, count / 1_000.0));
        var due = Enumerable.Range(0, count).Select(i => opens + (Window * i / count)).ToArray();
        var before = Measure.ManagedBytes();
        var registration = await Measure.RateAsync(count, concurrency, i => silo.Client.GetGrain<IFollowUpGrain>(i).Schedule(due[i]));
        // Each follow-up grain stays active with its reminder loaded until it fires.
        var perActivation = (Measure.ManagedBytes() - before) / (double)count;

        var deadline = opens + Window + TimeSpan.FromMinutes(3);
        while (FollowUpGrain.FiredAt.Keys.Count(key => key < count) < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var fired = FollowUpGrain.FiredAt.Where(f => f.Key < count).ToArray();
        var (rate, lateness) = Summarize(fired.Select(f => (due[f.Key], f.Value)).ToArray());
        var (timerRate, timerLateness) = Summarize(await TimersAsync(count));
        var memory = Measure.PeakWorkingSetMb();
        return
        [
            new(Name, $"follow-ups registered (durable), {concurrency} at once", registration, "reminders/s", "none (informational)", null, memory, perActivation),
            new(Name, $"follow-ups fired ({fired.Length} of {count}), due over {Window.TotalSeconds:0} s", rate, "fired/s", "in-process timers, same due times", timerRate, memory),
            new(Name, "lateness p50 (fired − due)", Measure.Percentile(lateness, 0.50), "ms", "timers p50", Measure.Percentile(timerLateness, 0.50), memory),
            new(Name, "lateness p99 (fired − due)", Measure.Percentile(lateness, 0.99), "ms", "timers p99", Measure.Percentile(timerLateness, 0.99), memory),
        ];
    }

    /// <summary>A few follow-ups due in a second or two, fired and gone before the measured ones, so those do not pay for JIT and first connections.</summary>
    private static async Task WarmUpAsync(TestSilo silo, int concurrency)
    {
        const int warmUps = 200;
        const long firstKey = 1_000_000_000;
        FollowUpGrain.FiredAt.Clear();
        var due = DateTime.UtcNow + TimeSpan.FromSeconds(2);
        await Measure.RateAsync(warmUps, concurrency, i => silo.Client.GetGrain<IFollowUpGrain>(firstKey + i).Schedule(due + TimeSpan.FromMilliseconds(5 * i)));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (FollowUpGrain.FiredAt.Count < warmUps && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        FollowUpGrain.FiredAt.Clear();
    }

    /// <summary>Firings per second from the first due time to the last firing, and each one's lateness in milliseconds, sorted.</summary>
    private static (double Rate, double[] LatenessMs) Summarize((DateTime Due, DateTime Fired)[] firings)
    {
        if (firings.Length == 0)
        {
            return (0, []);
        }

        var first = firings.Min(f => f.Due);
        var last = firings.Max(f => f.Fired);
        var lateness = firings.Select(f => (f.Fired - f.Due).TotalMilliseconds).Order().ToArray();
        return (firings.Length / Math.Max(0.001, (last - first).TotalSeconds), lateness);
    }

    /// <summary>The baseline: the same spread of due times, each a Task.Delay in this process.</summary>
    private static async Task<(DateTime Due, DateTime Fired)[]> TimersAsync(int count)
    {
        var opens = DateTime.UtcNow + TimeSpan.FromSeconds(1);
        var firings = new (DateTime Due, DateTime Fired)[count];
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            var due = opens + (Window * i / count);
            // Task.Delay counts whole milliseconds: round up, and never fire before the due time.
            TimeSpan wait;
            while ((wait = due - DateTime.UtcNow) > TimeSpan.Zero)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)));
            }

            firings[i] = (due, DateTime.UtcNow);
        }));
        return firings;
    }
}
