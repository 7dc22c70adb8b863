using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Serialization;
using SalesOS.Storage;
using SalesOS.Testing;

namespace SalesOS.Benchmarks.Scenarios;

/// <summary>Grain state writes through the Orleans ADO.NET provider, against raw upserts of the same bytes through the same driver.</summary>
public sealed class DurableWritesScenario : IBenchScenario
{
    private const int PayloadBytes = 512;
    private const int MeasuredActivations = 1_000;

    public string Name => "durable-writes";

    public string Description => "grain state writes/s through the Orleans ADO.NET storage on SQLite and PostgreSQL, N grains writing at once, vs raw upserts of the same bytes, same driver and concurrency";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchSettings settings)
    {
        var count = settings.Count ?? 5_000;
        var grains = settings.Concurrency ?? 16;
        var payload = new byte[PayloadBytes];
        new Random(20261124).NextBytes(payload);
        var results = new List<BenchResult>();

        using (var data = new TempDirectory())
        {
            await using var silo = await TestSilo.StartEmbeddedAsync(data.Path, "bench-writes");
            var connectionString = silo.Services.GetRequiredService<StorageSettings>().ConnectionString;
            var (grainRate, rawRate, perActivation) = await CompareAsync(silo, count, grains, payload, () => new SqliteConnection(connectionString),
                "CREATE TABLE bench_raw (id INTEGER PRIMARY KEY, payload BLOB NOT NULL, version INTEGER NOT NULL)");
            results.Add(new BenchResult(Name, $"SQLite grain state writes, {grains} grains at once", grainRate, "writes/s", "raw SQLite upserts", rawRate, Measure.PeakWorkingSetMb(), perActivation));
            SqliteConnection.ClearAllPools();
        }

        await using (var postgres = new PostgresServer())
        {
            await postgres.StartAsync();
            var connectionString = postgres.ConnectionString(PostgresServer.NewDatabaseName("bench"));
            await using var silo = await TestSilo.StartClusterAsync(connectionString, "bench-writes-pg");
            var (grainRate, rawRate, perActivation) = await CompareAsync(silo, count, grains, payload, () => new NpgsqlConnection(connectionString),
                "CREATE TABLE bench_raw (id integer PRIMARY KEY, payload bytea NOT NULL, version integer NOT NULL)");
            results.Add(new BenchResult(Name, $"PostgreSQL grain state writes, {grains} grains at once", grainRate, "writes/s", "raw PostgreSQL upserts", rawRate, Measure.PeakWorkingSetMb(), perActivation));
        }

        return results;
    }

    /// <summary>
    /// Worker n always writes grain n (and raw row n), so <paramref name="grains"/> grains write at
    /// once and none waits on another's turn.
    /// </summary>
    private static async Task<(double Grain, double Raw, double BytesPerActivation)> CompareAsync(
        TestSilo silo, int count, int grains, byte[] payload, Func<DbConnection> connect, string createTable)
    {
        // The provider stores the state as Orleans serializes it; the raw rows get exactly those bytes.
        var stored = silo.Services.GetRequiredService<Serializer>().SerializeToArray(new PayloadState { Payload = payload, Writes = count });
        await using (var setup = connect())
        {
            await setup.OpenAsync();
            await using var create = setup.CreateCommand();
            create.CommandText = createTable;
            await create.ExecuteNonQueryAsync();
        }

        Task GrainWrite(int worker, int i) => silo.Client.GetGrain<IWriterGrain>(worker).Write(payload);
        Task RawUpsert(int worker, int i) => UpsertAsync(connect, worker, stored);
        var warmUp = Math.Max(Measure.WarmUpCount(count), grains * 4);
        await Measure.WarmUpAsync(warmUp, grains, GrainWrite);
        await Measure.WarmUpAsync(warmUp, grains, RawUpsert);
        var measured = await Measure.InterleavedAsync(grains, new Phase(count, GrainWrite), new Phase(count, RawUpsert));
        var (grainRate, rawRate) = (measured[0].Rate, measured[1].Rate);

        // A writer grain holding its state, activated by its first write.
        var perActivation = await Measure.BytesPerActivationAsync(MeasuredActivations, grains, i => GrainWrite(grains + i, i));
        return (grainRate, rawRate, perActivation);
    }

    /// <summary>What the provider does per write, minus Orleans: a pooled connection, one upsert statement.</summary>
    private static async Task UpsertAsync(Func<DbConnection> connect, int row, byte[] stored)
    {
        await using var connection = connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO bench_raw (id, payload, version) VALUES (@id, @payload, 1) ON CONFLICT (id) DO UPDATE SET payload = excluded.payload, version = bench_raw.version + 1";
        var id = command.CreateParameter();
        id.ParameterName = "id";
        id.Value = row;
        var body = command.CreateParameter();
        body.ParameterName = "payload";
        body.Value = stored;
        command.Parameters.Add(id);
        command.Parameters.Add(body);
        await command.ExecuteNonQueryAsync();
    }
}
