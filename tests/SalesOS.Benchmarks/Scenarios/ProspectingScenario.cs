using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SalesOS.Contracts.Markets;
using SalesOS.Prospecting.Demo;
using SalesOS.Testing;

namespace SalesOS.Benchmarks.Scenarios;

/// <summary>
/// The whole prospecting flow at scale on the embedded profile: a CSV of companies uploaded through the
/// REST import, each company then enriched by crawling its (sample) website on a loopback server, its
/// contacts found and verified, scored, tiered and enrolled, all by the agents with keyless providers.
/// The figure is companies per second from upload to the last one scored; the baseline is the raw
/// SQLite insert rate of the same rows through the same driver, measured afterwards in the same run.
/// </summary>
public sealed class ProspectingScenario : IBenchScenario
{
    public string Name => "prospecting";

    public string Description => "companies from a CSV through import, crawl, contacts, scoring and tiering (companies/s end to end), vs raw SQLite inserts";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchSettings settings)
    {
        var count = settings.Count ?? 20_000;
        using var data = new TempDirectory();
        await using var silo = await TestSilo.StartEmbeddedAsync(data.Path, "bench-prospecting", settings:
        [
            "--SalesOS:Crawler:PolitenessDelay=00:00:00",
            $"--SalesOS:Prospecting:ConcurrentSteps={settings.Concurrency ?? 64}",
        ]);
        using var http = new HttpClient { BaseAddress = silo.ApiAddress, Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", TestSilo.AdminKey);
        var created = await http.PostAsJsonAsync("/api/workspaces", new { id = "bench", name = "Bench" });
        var key = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetProperty("key").GetString()!;
        http.DefaultRequestHeaders.Authorization = new("Bearer", key);
        // Prospecting up to the enrolment event: the outreach layer (its own scenario) does not start sequences here.
        (await http.PutAsJsonAsync("/api/workspaces/bench/outreach/settings", new { autoEnroll = false })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync("/api/workspaces/bench/markets", new
        {
            marketId = "bench",
            name = "Bench market",
            description = "B2B SaaS companies in Germany and the US with 20-2000 employees, targeting VP Sales or CEO",
            prospecting = new { sources = Array.Empty<string>(), contactsPerCompany = 3 },
        })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync("/api/workspaces/bench/markets/bench/transitions", new { trigger = "Activate" })).EnsureSuccessStatusCode();

        var csv = Csv(count);
        var gate = SalesOS.Storage.SqliteWriteGate.For(Path.Combine(data.Path, "salesos.db"));
        var (writesBefore, busyBefore) = (gate.Writes, gate.Busy);
        var watch = Stopwatch.StartNew();
        using (var content = new ByteArrayContent(csv))
        {
            content.Headers.ContentType = new("text/csv");
            (await http.PostAsync(new Uri("/api/workspaces/bench/imports?jobId=bench&marketId=bench", UriKind.Relative), content)).EnsureSuccessStatusCode();
        }

        var imported = TimeSpan.Zero;
        JsonElement overview;
        var deadline = DateTime.UtcNow + TimeSpan.FromHours(1);
        while (true)
        {
            overview = await http.GetFromJsonAsync<JsonElement>("/api/workspaces/bench/markets/bench/prospecting?top=1");
            var states = overview.GetProperty("companiesByState");
            var done = states.GetProperty("Scored").GetInt32() + states.GetProperty("InOutreach").GetInt32() + states.GetProperty("Failed").GetInt32();
            if (imported == TimeSpan.Zero && overview.GetProperty("companies").GetInt32() >= count)
            {
                imported = watch.Elapsed;
            }

            if (done >= count || DateTime.UtcNow > deadline)
            {
                break;
            }

            // The overview scans the market's companies (a second at 100,000): polling it often would load the flow it measures.
            await Task.Delay(count > 20_000 ? 5_000 : 1_000);
        }

        var elapsed = watch.Elapsed;
        var (writes, busy) = (gate.Writes - writesBefore, gate.Busy - busyBefore);
        var memory = Measure.PeakWorkingSetMb();
        var scored = overview.GetProperty("companiesByState").GetProperty("Scored").GetInt32();
        var raw = await CompaniesScenario.RawInsertsAsync(Path.Combine(data.Path, "salesos.db"), Math.Min(count, 20_000), 32);
        var rate = scored / elapsed.TotalSeconds;
        Console.WriteLine($"prospecting: {scored} of {count} scored in {elapsed.TotalSeconds:0.0} s (all imported after {imported.TotalSeconds:0.0} s); failed by reason: {overview.GetProperty("failedByReason")}");
        Console.WriteLine($"prospecting: {writes} SQLite writes ({(double)writes / Math.Max(1, scored):0.0} per company, {writes / elapsed.TotalSeconds:0} per second); the one writer was held {busy.TotalSeconds / elapsed.TotalSeconds:P0} of the time");
        return
        [
            new(Name, $"companies through the whole flow (CSV import → crawl → contacts → score → tier), {scored} of {count} scored", rate, "companies/s", "raw SQLite inserts of company rows", raw, memory),
            new(Name, "companies imported from the CSV into grains (while the flow runs)", count / Math.Max(imported.TotalSeconds, 0.001), "companies/s", "raw SQLite inserts of company rows", raw, memory),
            new(Name, $"SQLite writes during the flow ({(double)writes / Math.Max(1, scored):0.0} per company; writer held {busy.TotalSeconds / elapsed.TotalSeconds:P0} of the time)", writes / elapsed.TotalSeconds, "writes/s", "raw SQLite inserts of company rows", raw, memory),
        ];
    }

    /// <summary>A lead list of demo companies (sample websites the silo serves on loopback), in a HubSpot-style CSV.</summary>
    private static byte[] Csv(int count)
    {
        var companies = DemoCompanies.For(new MarketDefinition { Industries = ["Software"], Geographies = ["DE", "US"] }, count, 20261125, DateTimeOffset.UtcNow);
        var csv = new StringBuilder("Company name,Company Domain Name,Number of Employees,Country/Region,Industry\r\n");
        foreach (var company in companies)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{company.Name},{company.Domain},{company.Employees},{company.Country},{company.Industry}\r\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
