using System.Diagnostics;

namespace SalesOS.Benchmarks;

/// <summary>Runs a fixed amount of work at a fixed concurrency and reads rates, percentiles and memory, the same way for every figure.</summary>
public static class Measure
{
    /// <summary>Rounds that <see cref="InterleavedAsync"/> and the grain-call scenario split each figure into.</summary>
    public const int Rounds = 3;

    /// <summary>Runs <paramref name="count"/> operations with <paramref name="concurrency"/> in flight; returns operations per second.</summary>
    public static async Task<double> RateAsync(int count, int concurrency, Func<int, Task> operation)
        => count / (await TimeAsync(count, concurrency, (_, i) => operation(i))).TotalSeconds;

    /// <summary>
    /// Runs each phase's operations in <see cref="Rounds"/> rounds, the phases taking turns within each
    /// round (a, b, a, b, ...), so that load from a neighbour on a shared machine falls on a figure and
    /// its baseline alike. A phase's rate is its operations over its own measured time; its latencies
    /// (milliseconds, sorted) are those of all rounds.
    /// </summary>
    public static async Task<PhaseResult[]> InterleavedAsync(int concurrency, params Phase[] phases)
    {
        var seconds = new double[phases.Length];
        var latencies = phases.Select(phase => new double[phase.Count]).ToArray();
        for (var round = 0; round < Rounds; round++)
        {
            for (var p = 0; p < phases.Length; p++)
            {
                var (count, operation) = phases[p];
                var (from, to) = (count * round / Rounds, count * (round + 1) / Rounds);
                var recorded = latencies[p];
                var elapsed = await TimeAsync(to - from, concurrency, async (worker, i) =>
                {
                    var start = Stopwatch.GetTimestamp();
                    await operation(worker, from + i);
                    recorded[from + i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                });
                seconds[p] += elapsed.TotalSeconds;
            }
        }

        return phases.Select((phase, p) =>
        {
            Array.Sort(latencies[p]);
            return new PhaseResult(phase.Count / seconds[p], latencies[p]);
        }).ToArray();
    }

    /// <summary>
    /// How long <paramref name="count"/> operations take with <paramref name="concurrency"/> in flight. The
    /// operation gets its worker's number (0 to <paramref name="concurrency"/> − 1), so each worker can keep
    /// to its own grain or row, and the operation's index (0 to <paramref name="count"/> − 1).
    /// </summary>
    private static async Task<TimeSpan> TimeAsync(int count, int concurrency, Func<int, int, Task> operation)
    {
        // Garbage of the previous phase must not be collected on this phase's clock.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await operation(worker, i);
            }
        }));
        return watch.Elapsed;
    }

    /// <summary>The median: one run disturbed by a neighbour on a shared machine does not move it.</summary>
    public static double Median(IEnumerable<double> runs)
    {
        var sorted = runs.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    /// <summary>How many unmeasured operations go before a measured run of <paramref name="count"/>: a tenth, 50 to 5,000.</summary>
    public static int WarmUpCount(int count) => Math.Clamp(count / 10, 50, 5_000);

    /// <summary>
    /// Unmeasured operations, at least <paramref name="minimum"/> of them and for at least a second, so
    /// that tiered JIT has promoted the hot path and pools and connections are open when the clock
    /// starts. Indexes run on past the minimum while time remains.
    /// </summary>
    public static Task WarmUpAsync(int minimum, int concurrency, Func<int, Task> operation)
        => WarmUpAsync(minimum, concurrency, (_, i) => operation(i));

    /// <inheritdoc cref="WarmUpAsync(int, int, Func{int, Task})"/>
    public static async Task WarmUpAsync(int minimum, int concurrency, Func<int, int, Task> operation)
    {
        var until = Stopwatch.GetTimestamp() + Stopwatch.Frequency;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < minimum || Stopwatch.GetTimestamp() < until)
            {
                await operation(worker, i);
            }
        }));
    }

    public static double Percentile(double[] sorted, double p)
        => sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>
    /// Managed bytes each of <paramref name="activations"/> new grain activations keeps alive:
    /// the growth of <see cref="GC.GetTotalMemory(bool)"/> (after full collections) divided by their number.
    /// </summary>
    public static async Task<double> BytesPerActivationAsync(int activations, int concurrency, Func<int, Task> activate)
    {
        var before = ManagedBytes();
        await RateAsync(activations, concurrency, activate);
        return (ManagedBytes() - before) / (double)activations;
    }

    public static long ManagedBytes() => GC.GetTotalMemory(forceFullCollection: true);

    /// <summary>This process's peak working set (<see cref="Process.PeakWorkingSet64"/>); each scenario runs in a process of its own.</summary>
    public static double PeakWorkingSetMb()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64 / 1024.0 / 1024.0;
    }
}

/// <summary>One kind of operation in <see cref="Measure.InterleavedAsync"/>: how many, and what each does given (worker, index).</summary>
public sealed record Phase(int Count, Func<int, int, Task> Operation)
{
    public Phase(int count, Func<int, Task> operation)
        : this(count, (_, i) => operation(i))
    {
    }
}

public sealed record PhaseResult(double Rate, double[] LatenciesMs);
