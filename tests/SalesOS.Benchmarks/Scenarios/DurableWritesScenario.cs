using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using SalesOS.Testing;

namespace SalesOS.Benchmarks.Scenarios;

/// <summary>Grain state writes through the Orleans ADO.NET provider, against raw upserts of the same bytes through the same driver.</summary>
public sealed class DurableWritesScenario : IBenchScenario
{
    public string Name => "durable-writes";

    public string Description => "grain state writes/s on SQLite and PostgreSQL, vs raw upserts of the same payload, same driver and concurrency";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchSettings settings)
    {
        var count = settings.Count ?? 5_000;
        var concurrency = settings.Concurrency ?? 16;
        var payload = new byte[512];
        Random.Shared.NextBytes(payload);
        var results = new List<BenchResult>();

        using (var data = new TempDirectory())
        {
            await using var silo = await TestSilo.StartEmbeddedAsync(data.Path, "bench-writes");
            var grains = await Measure.RateAsync(count, concurrency, i => silo.Client.GetGrain<IWriterGrain>(i % (concurrency * 4)).Write(payload));
            var connectionString = $"Data Source={Path.Combine(data.Path, "salesos.db")};Pooling=True;Default Timeout=30";
            var raw = await RawUpsertsAsync(() => new SqliteConnection(connectionString), count, concurrency, payload,
                "CREATE TABLE IF NOT EXISTS bench_raw (id INTEGER PRIMARY KEY, payload BLOB NOT NULL, version INTEGER NOT NULL)");
            results.Add(new BenchResult(Name, $"SQLite grain writes, {concurrency} in flight", grains, "writes/s", "raw SQLite upserts", raw, Measure.PeakWorkingSetMb()));
            SqliteConnection.ClearAllPools();
        }

        await using (var postgres = new PostgresServer())
        {
            await postgres.StartAsync();
            var connectionString = postgres.ConnectionString(PostgresServer.NewDatabaseName("bench"));
            await using var silo = await TestSilo.StartClusterAsync(connectionString, "bench-writes-pg");
            var grains = await Measure.RateAsync(count, concurrency, i => silo.Client.GetGrain<IWriterGrain>(i % (concurrency * 4)).Write(payload));
            var raw = await RawUpsertsAsync(() => new NpgsqlConnection(connectionString), count, concurrency, payload,
                "CREATE TABLE IF NOT EXISTS bench_raw (id integer PRIMARY KEY, payload bytea NOT NULL, version integer NOT NULL)");
            results.Add(new BenchResult(Name, $"PostgreSQL grain writes, {concurrency} in flight", grains, "writes/s", "raw PostgreSQL upserts", raw, Measure.PeakWorkingSetMb()));
        }

        return results;
    }

    private static async Task<double> RawUpsertsAsync(Func<DbConnection> connect, int count, int concurrency, byte[] payload, string createTable)
    {
        await using (var setup = connect())
        {
            await setup.OpenAsync();
            await using var create = setup.CreateCommand();
            create.CommandText = createTable;
            await create.ExecuteNonQueryAsync();
        }

        return await Measure.RateAsync(count, concurrency, async i =>
        {
            await using var connection = connect();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO bench_raw (id, payload, version) VALUES (@id, @payload, 1) ON CONFLICT (id) DO UPDATE SET payload = excluded.payload, version = bench_raw.version + 1";
            var id = command.CreateParameter();
            id.ParameterName = "id";
            id.Value = i % (concurrency * 4);
            var body = command.CreateParameter();
            body.ParameterName = "payload";
            body.Value = payload;
            command.Parameters.Add(id);
            command.Parameters.Add(body);
            await command.ExecuteNonQueryAsync();
        });
    }
}
