namespace SalesOS.Benchmarks;

/// <summary>
/// One measured figure beside its baseline from the same run; <see cref="Ratio"/> is figure ÷ baseline
/// (for rates below 1 means slower than the baseline, for latencies above 1 does).
/// </summary>
public sealed record BenchResult(
    string Scenario,
    string Figure,
    double Value,
    string Unit,
    string Baseline,
    double? BaselineValue,
    double PeakWorkingSetMb,
    double? BytesPerActivation = null)
{
    /// <summary>None for informational figures, and none where the baseline is zero (a timer that fired on time).</summary>
    public double? Ratio => BaselineValue > 0 ? Value / BaselineValue : null;
}

/// <summary>Scale from the command line; each scenario picks its own default for what is not given.</summary>
public sealed record BenchSettings(int? Count, int? Concurrency);

public interface IBenchScenario
{
    string Name { get; }

    string Description { get; }

    Task<IReadOnlyList<BenchResult>> RunAsync(BenchSettings settings);
}
