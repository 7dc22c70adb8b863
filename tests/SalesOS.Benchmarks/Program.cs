using System.Globalization;
using System.Text.Json;
using SalesOS.Benchmarks;
using SalesOS.Benchmarks.Scenarios;

// dotnet run -c Release --project tests/SalesOS.Benchmarks -- [all|scenario ...] [--count N] [--concurrency N] [--out file.json]
IBenchScenario[] scenarios = [new GrainCallsScenario(), new DurableWritesScenario(), new GatewayScenario(), new RemindersScenario(), new CompaniesScenario()];
var chosen = new List<string>();
int? count = null, concurrency = null;
var output = Path.Combine(AppContext.BaseDirectory, "results", "latest.json");
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--count": count = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--concurrency": concurrency = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--out": output = Path.GetFullPath(args[++i]); break;
        case "all": break;
        case "--help" or "-h":
            Console.WriteLine("Scenarios: " + string.Join(", ", scenarios.Select(s => $"{s.Name} ({s.Description})")));
            return 0;
        default: chosen.Add(args[i]); break;
    }
}

var unknown = chosen.Except(scenarios.Select(s => s.Name)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"Unknown scenario(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", scenarios.Select(s => s.Name))}");
    return 2;
}

// Production settings: events are redelivered after 1, 3 and 7 minutes, not the tests' seconds.
SalesOS.Testing.TestSilo.RedeliveryDelay = TimeSpan.FromMinutes(1);
var results = new List<BenchResult>();
var started = DateTimeOffset.UtcNow;
foreach (var scenario in scenarios.Where(s => chosen.Count == 0 || chosen.Contains(s.Name)))
{
    Console.WriteLine($"» {scenario.Name}: {scenario.Description}");
    var watch = System.Diagnostics.Stopwatch.StartNew();
    results.AddRange(await scenario.RunAsync(new BenchSettings(count, concurrency, Path.GetTempPath())));
    Console.WriteLine($"  done in {watch.Elapsed.TotalSeconds:0.0} s");
}

Console.WriteLine();
Console.WriteLine($"SalesOS benchmarks, {started:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
Console.WriteLine($"| scenario | figure | value | unit | baseline (same run) | baseline value | ratio | peak WS MB | bytes/activation |");
Console.WriteLine($"|---|---|---:|---|---|---:|---:|---:|---:|");
foreach (var r in results)
{
    var ratio = double.IsNaN(r.Ratio) ? "—" : r.Ratio.ToString("0.000", CultureInfo.InvariantCulture);
    var baselineValue = r.Baseline.StartsWith("none", StringComparison.Ordinal) ? "—" : r.BaselineValue.ToString("#,0.##", CultureInfo.InvariantCulture);
    var perActivation = r.BytesPerActivation is { } b ? b.ToString("#,0", CultureInfo.InvariantCulture) : "—";
    Console.WriteLine($"| {r.Scenario} | {r.Figure} | {r.Value.ToString("#,0.##", CultureInfo.InvariantCulture)} | {r.Unit} | {r.Baseline} | {baselineValue} | {ratio} | {r.PeakWorkingSetMb:0} | {perActivation} |");
}

Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllTextAsync(output, JsonSerializer.Serialize(new
{
    started,
    cores = Environment.ProcessorCount,
    runtime = Environment.Version.ToString(),
    arguments = args,
    results = results.Select(r => new { r.Scenario, r.Figure, r.Value, r.Unit, r.Baseline, r.BaselineValue, Ratio = double.IsNaN(r.Ratio) ? (double?)null : r.Ratio, r.PeakWorkingSetMb, r.BytesPerActivation }),
}, new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine($"JSON: {output}");
return 0;
