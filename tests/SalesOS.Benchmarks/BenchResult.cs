namespace SalesOS.Benchmarks;

/// <summary>One measured figure beside its baseline from the same run; <see cref="Ratio"/> is figure ÷ baseline.</summary>
public sealed record BenchResult(
    string Scenario,
    string Figure,
    double Value,
    string Unit,
    string Baseline,
    double BaselineValue,
    double PeakWorkingSetMb,
    double? BytesPerActivation = null)
{
    public double Ratio => BaselineValue <= 0 ? double.NaN : Value / BaselineValue;
}

public sealed record BenchSettings(int? Count, int? Concurrency, string WorkDirectory);

public interface IBenchScenario
{
    string Name { get; }

    string Description { get; }

    Task<IReadOnlyList<BenchResult>> RunAsync(BenchSettings settings);
}
