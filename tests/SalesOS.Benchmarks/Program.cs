using System.Diagnostics;
using System.Globalization;
using SalesOS.Benchmarks;
using SalesOS.Benchmarks.Scenarios;
using SalesOS.Testing;

const string Usage = "dotnet run -c Release --project tests/SalesOS.Benchmarks -- [all|scenario ...] [--count N] [--concurrency N] [--out file.json]";
IBenchScenario[] scenarios = [new GrainCallsScenario(), new DurableWritesScenario(), new GatewayScenario(), new RemindersScenario(), new CompaniesScenario(), new ProspectingScenario(), new OutreachSendScenario()];
var chosen = new List<string>();
int? count = null, concurrency = null;
var child = false;
var output = Path.Combine(RepositoryPaths.Root, "tests", "SalesOS.Benchmarks", "results", "latest.json");
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--count" or "--concurrency":
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n <= 0)
            {
                Console.Error.WriteLine($"{args[i]} needs a positive whole number. {Usage}");
                return 2;
            }

            if (args[i++] == "--count")
            {
                count = n;
            }
            else
            {
                concurrency = n;
            }

            break;
        case "--out" when i + 1 < args.Length: output = Path.GetFullPath(args[++i]); break;
        case ScenarioProcess.ChildOption: child = true; break;
        case "all": break;
        case "--help" or "-h":
            Console.WriteLine(Usage);
            foreach (var s in scenarios)
            {
                Console.WriteLine($"  {s.Name,-15} {s.Description}");
            }

            return 0;
        default: chosen.Add(args[i]); break;
    }
}

var unknown = chosen.Except(scenarios.Select(s => s.Name)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"Unknown scenario or option: {string.Join(", ", unknown)}. Scenarios: all, {string.Join(", ", scenarios.Select(s => s.Name))}. {Usage}");
    return 2;
}

#if DEBUG
Console.Error.WriteLine("warning: a Debug build measures the wrong thing; run with -c Release.");
#endif

// The first Ctrl+C lets the running scenario finish, so its silo and PostgreSQL server stop cleanly.
var stopping = false;
Console.CancelKeyPress += (_, e) =>
{
    if (!stopping)
    {
        stopping = e.Cancel = true;
        if (!child)
        {
            Console.Error.WriteLine("Stopping after this scenario (Ctrl+C again to abort at once).");
        }
    }
};

// Production settings: events are redelivered after 1, 3 and 7 minutes, not the tests' seconds.
TestSilo.RedeliveryDelay = TimeSpan.FromMinutes(1);
var settings = new BenchSettings(count, concurrency);
var report = new BenchReport(args, DateTimeOffset.UtcNow);
var failed = new List<string>();
var total = Stopwatch.StartNew();
foreach (var scenario in scenarios.Where(s => chosen.Count == 0 || chosen.Contains(s.Name)))
{
    if (stopping)
    {
        break;
    }

    if (!child)
    {
        Console.WriteLine($"» {scenario.Name}: {scenario.Description}");
    }

    var watch = Stopwatch.StartNew();
    var results = child ? await scenario.RunAsync(settings) : await ScenarioProcess.RunAsync(scenario.Name, settings);
    if (results is null)
    {
        failed.Add(scenario.Name);
        continue;
    }

    report.Add(scenario.Name, watch.Elapsed, results);
    if (!child)
    {
        Console.WriteLine($"  done in {watch.Elapsed.TotalSeconds:0.0} s");
    }
}

report.Total = total.Elapsed;
await report.WriteJsonAsync(output);
if (!child)
{
    Console.WriteLine();
    report.WriteTable(Console.Out);
    Console.WriteLine($"JSON: {output}");
    if (failed.Count > 0)
    {
        Console.Error.WriteLine($"Failed: {string.Join(", ", failed)} (see the output above).");
    }
}

return failed.Count == 0 ? 0 : 1;
