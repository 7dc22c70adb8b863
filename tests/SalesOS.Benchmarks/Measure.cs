using System.Diagnostics;

namespace SalesOS.Benchmarks;

/// <summary>Small helpers to run a fixed amount of work at a fixed concurrency and read rates, percentiles and memory.</summary>
public static class Measure
{
    /// <summary>Runs <paramref name="count"/> operations with <paramref name="concurrency"/> in flight; returns operations per second.</summary>
    public static async Task<double> RateAsync(int count, int concurrency, Func<int, Task> operation)
    {
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await operation(i);
            }
        }));
        return count / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Like <see cref="RateAsync"/>, also recording each operation's latency in milliseconds.</summary>
    public static async Task<(double Rate, double[] LatenciesMs)> RateWithLatencyAsync(int count, int concurrency, Func<int, Task> operation)
    {
        var latencies = new double[count];
        var rate = await RateAsync(count, concurrency, async i =>
        {
            var start = Stopwatch.GetTimestamp();
            await operation(i);
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        });
        Array.Sort(latencies);
        return (rate, latencies);
    }

    public static double Percentile(double[] sorted, double p)
        => sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    public static double PeakWorkingSetMb()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64 / 1024.0 / 1024.0;
    }

    public static long ManagedBytes() => GC.GetTotalMemory(forceFullCollection: true);
}
