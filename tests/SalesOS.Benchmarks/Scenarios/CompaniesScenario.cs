using System.Globalization;
using Microsoft.Data.Sqlite;
using SalesOS.Contracts.Companies;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.ReadModel;
using SalesOS.Testing;

namespace SalesOS.Benchmarks.Scenarios;

/// <summary>
/// Companies created through their grains (state machine, timeline, outbox, durable write, event,
/// projection) on the embedded profile, against raw inserts of the same rows through the same driver.
/// </summary>
public sealed class CompaniesScenario : IBenchScenario
{
    public string Name => "companies";

    public string Description => "companies registered through the grains (commands/s) and projection lag p50/p99, vs raw SQLite inserts of the same rows";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchSettings settings)
    {
        var count = settings.Count ?? 10_000;
        var concurrency = settings.Concurrency ?? 32;
        using var data = new TempDirectory();
        await using var silo = await TestSilo.StartEmbeddedAsync(data.Path, "bench-companies");
        const string workspace = "bench";
        var context = new CommandContext("agent:bench");

        Task Register(string inWorkspace, int i) =>
            silo.Client.GetGrain<ICompanyGrain>(WorkspaceKey.For(inWorkspace, Domain(i)))
                .Register(new CompanyRegistration("bench", $"Company {i}", "Software", 10 + (i % 500), null, "US", ["Salesforce"], "market-1"), context);

        await Measure.WarmUpAsync(Measure.WarmUpCount(count), concurrency, i => Register("bench-warm-up", i));
        var before = Measure.ManagedBytes();
        var commands = await Measure.RateAsync(count, concurrency, i => Register(workspace, i));
        var perActivation = (Measure.ManagedBytes() - before) / (double)count;

        // Every row must reach the read model before the lag figures are read.
        var funnel = silo.Client.GetGrain<ICompanyQueryGrain>(0);
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(5);
        while ((await funnel.Funnel(workspace, null)).Total < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        var projected = (await funnel.Funnel(workspace, null)).Total;
        var lag = await silo.Client.GetGrain<IProjectionMonitorGrain>(0).GetLag();
        var raw = await RawInsertsAsync(Path.Combine(data.Path, "salesos.db"), count, concurrency);
        var memory = Measure.PeakWorkingSetMb();
        return
        [
            new(Name, $"companies registered through grains ({projected} of {count} projected), {concurrency} in flight", commands, "commands/s", "raw SQLite inserts of the rows", raw, memory, perActivation),
            new(Name, "projection lag p50 (last 10,000 events)", lag.P50Milliseconds, "ms", "none (informational)", null, memory),
            new(Name, "projection lag p99 (last 10,000 events)", lag.P99Milliseconds, "ms", "none (informational)", null, memory),
        ];
    }

    private static string Domain(int i) => $"company-{i.ToString(CultureInfo.InvariantCulture)}.example";

    /// <summary>Raw inserts of company rows into a copy of the read-model table through the same driver: the storage write rate other figures are compared with.</summary>
    internal static async Task<double> RawInsertsAsync(string databasePath, int count, int concurrency)
    {
        var connectionString = $"Data Source={databasePath};Pooling=True;Default Timeout=30";
        await using (var setup = new SqliteConnection(connectionString))
        {
            await setup.OpenAsync();
            // The read model's own table definition and indexes, under another name: rows cost what they cost there.
            await using var schema = setup.CreateCommand();
            schema.CommandText = "SELECT sql FROM sqlite_master WHERE tbl_name = 'rm_companies' AND sql IS NOT NULL ORDER BY type DESC";
            var statements = new List<string>();
            await using (var reader = await schema.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    statements.Add(reader.GetString(0).Replace("rm_companies", "bench_companies", StringComparison.Ordinal));
                }
            }

            foreach (var statement in statements)
            {
                await using var create = setup.CreateCommand();
                create.CommandText = statement;
                await create.ExecuteNonQueryAsync();
            }
        }

        await Measure.WarmUpAsync(Measure.WarmUpCount(count), concurrency, i => InsertAsync(connectionString, "raw-warm-up", i));
        var rate = await Measure.RateAsync(count, concurrency, i => InsertAsync(connectionString, "raw", i));
        SqliteConnection.ClearAllPools();
        return rate;
    }

    private static async Task InsertAsync(string connectionString, string workspace, int i)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO bench_companies (workspace_id, domain, name, state, industry, employee_count, country, owner, fit_score,
                intent_score, technologies, market_ids, version, created_at, updated_at, search_text)
            VALUES (@workspace, @domain, @name, 'Sourced', 'Software', @employees, 'US', NULL, NULL, NULL, '|salesforce|', '|market-1|', 1, @now, @now, @search)
            """;
        command.Parameters.AddWithValue("workspace", workspace);
        command.Parameters.AddWithValue("domain", Domain(i));
        command.Parameters.AddWithValue("name", $"Company {i}");
        command.Parameters.AddWithValue("employees", 10 + (i % 500));
        command.Parameters.AddWithValue("now", DateTimeOffset.UtcNow);
        command.Parameters.AddWithValue("search", $"company {i} {Domain(i)}");
        await command.ExecuteNonQueryAsync();
    }
}
