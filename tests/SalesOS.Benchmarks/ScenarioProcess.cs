using System.Diagnostics;

namespace SalesOS.Benchmarks;

/// <summary>
/// Runs one scenario in a fresh process of this program, so that no scenario inherits another's
/// thread pool, JIT state or heap: a figure is the same whichever scenarios ran before it, and the
/// peak working set is the scenario's own.
/// </summary>
public static class ScenarioProcess
{
    /// <summary>Option that makes the program run the named scenarios itself and write only JSON.</summary>
    public const string ChildOption = "--child";

    /// <summary>Longer than any scenario takes at the full scale; a process still running then is stopped.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromHours(1);

    /// <summary>The scenario's figures, or null when its process failed (its output says why).</summary>
    public static async Task<IReadOnlyList<BenchResult>?> RunAsync(string scenario, BenchSettings settings)
    {
        var resultsFile = Path.Combine(Path.GetTempPath(), $"salesos-bench-{Guid.NewGuid():N}.json");
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The benchmark cannot find its own executable.");
        var start = new ProcessStartInfo(self) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ScenarioProcess).Assembly.Location);
        }

        foreach (var argument in Arguments(scenario, settings, resultsFile))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {self}.");
        using var limit = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
            return process.ExitCode == 0 ? await BenchReport.ReadResultsAsync(resultsFile) : null;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Console.Error.WriteLine($"{scenario} ran longer than {Limit.TotalMinutes:0} minutes and was stopped.");
            return null;
        }
        finally
        {
            File.Delete(resultsFile);
        }
    }

    private static IEnumerable<string> Arguments(string scenario, BenchSettings settings, string resultsFile)
    {
        yield return scenario;
        yield return ChildOption;
        yield return "--out";
        yield return resultsFile;
        if (settings.Count is { } count)
        {
            yield return "--count";
            yield return count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (settings.Concurrency is { } concurrency)
        {
            yield return "--concurrency";
            yield return concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
