using System.Globalization;
using System.Text.Json;

namespace SalesOS.Benchmarks;

/// <summary>The figures of one run, printed as a table and written as JSON with the same columns.</summary>
public sealed class BenchReport(string[] arguments, DateTimeOffset started)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly List<(string Scenario, TimeSpan Elapsed, IReadOnlyList<BenchResult> Results)> scenarios = [];

    public TimeSpan Total { get; set; }

    public void Add(string scenario, TimeSpan elapsed, IReadOnlyList<BenchResult> results) => scenarios.Add((scenario, elapsed, results));

    public void WriteTable(TextWriter output)
    {
        output.WriteLine($"SalesOS benchmarks, {started:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}, {Environment.OSVersion}");
        output.WriteLine($"arguments: {(arguments.Length == 0 ? "(none: all scenarios, default scale)" : string.Join(' ', arguments))}; total {Total.TotalSeconds:0} s" +
            $" ({string.Join(", ", scenarios.Select(s => $"{s.Scenario} {s.Elapsed.TotalSeconds:0} s"))})");
        output.WriteLine("ratio = value ÷ baseline value, both measured in this run; peak WS = peak working set of the scenario's own process");
        output.WriteLine();
        output.WriteLine("| scenario | figure | value | unit | baseline (same run) | baseline value | ratio | peak WS MB | bytes/activation |");
        output.WriteLine("|---|---|---:|---|---|---:|---:|---:|---:|");
        foreach (var r in scenarios.SelectMany(s => s.Results))
        {
            output.WriteLine($"| {r.Scenario} | {r.Figure} | {Number(r.Value)} | {r.Unit} | {r.Baseline} | {(r.BaselineValue is { } baseline ? Number(baseline) : "—")} " +
                $"| {(r.Ratio is { } ratio ? Ratio(ratio) : "—")} | {r.PeakWorkingSetMb.ToString("0", CultureInfo.InvariantCulture)} " +
                $"| {(r.BytesPerActivation is { } b ? b.ToString("#,0", CultureInfo.InvariantCulture) : "—")} |");
        }
    }

    public async Task WriteJsonAsync(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, new
        {
            started,
            cores = Environment.ProcessorCount,
            runtime = Environment.Version.ToString(),
            os = Environment.OSVersion.ToString(),
            arguments,
            totalSeconds = Math.Round(Total.TotalSeconds, 1),
            scenarios = scenarios.Select(s => new { name = s.Scenario, seconds = Math.Round(s.Elapsed.TotalSeconds, 1) }),
            results = scenarios.SelectMany(s => s.Results).Select(r => new
            {
                scenario = r.Scenario,
                figure = r.Figure,
                value = r.Value,
                unit = r.Unit,
                baseline = r.Baseline,
                baselineValue = r.BaselineValue,
                ratio = r.Ratio,
                peakWorkingSetMb = Math.Round(r.PeakWorkingSetMb, 1),
                bytesPerActivation = r.BytesPerActivation is { } b ? Math.Round(b) : (double?)null,
            }),
        }, Indented);
    }

    /// <summary>The figures of a report written by <see cref="WriteJsonAsync"/> (a scenario's own process writes one).</summary>
    public static async Task<IReadOnlyList<BenchResult>> ReadResultsAsync(string path)
    {
        await using var file = File.OpenRead(path);
        var written = await JsonSerializer.DeserializeAsync<WrittenReport>(file, JsonSerializerOptions.Web);
        return written?.Results ?? [];
    }

    private sealed record WrittenReport(List<BenchResult> Results);

    // Grain calls run at a few thousandths of an in-process call: three significant figures, not three decimals.
    private static string Ratio(double ratio)
        => ratio >= 100 ? ratio.ToString("#,0", CultureInfo.InvariantCulture) : ratio.ToString("G3", CultureInfo.InvariantCulture);

    // Rates are large and latencies small: keep three significant figures either way.
    private static string Number(double value) => Math.Abs(value) switch
    {
        >= 100 => value.ToString("#,0", CultureInfo.InvariantCulture),
        >= 10 => value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.00", CultureInfo.InvariantCulture),
    };
}
