using Microsoft.Data.Sqlite;
using Npgsql;
using SalesOS.Storage;
using SalesOS.Testing;
using SalesOS.Tests.Infrastructure;

namespace SalesOS.Tests.Storage;

public sealed class SqliteSchemaMigratorTests : IDisposable
{
    private readonly TempDirectory directory = new();

    private StorageSettings Settings => new() { Profile = StorageProfile.Embedded, DataDirectory = directory.Path };

    [Fact]
    public async Task Migrate_Twice_AppliesEveryScriptOnceAndLeavesTheSchemaUnchanged()
    {
        var first = await new SchemaMigrator(Settings).MigrateAsync();
        var afterFirst = await SchemaDescription.DescribeAsync(Settings);
        var second = await new SchemaMigrator(Settings).MigrateAsync();
        var afterSecond = await SchemaDescription.DescribeAsync(Settings);

        Assert.Equal(SchemaScript.For(SqlDialect.Sqlite).Select(s => s.Version), first.Applied.Select(s => s.Version));
        Assert.Empty(second.Applied);
        Assert.Equal(first.SchemaVersion, second.SchemaVersion);
        Assert.Equal(afterFirst, afterSecond);
        Assert.Contains("WriteToStorageKey", afterFirst, StringComparison.Ordinal);
        Assert.Contains("UpsertReminderRowKey", afterFirst, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_RefusesADatabaseWhoseAppliedScriptChanged()
    {
        await new SchemaMigrator(Settings).MigrateAsync();
        await using (var connection = new SqliteConnection(Settings.ConnectionString))
        {
            await connection.OpenAsync();
            await using var tamper = connection.CreateCommand();
            tamper.CommandText = "UPDATE SalesOSSchemaHistory SET Checksum = 'edited' WHERE Version = 2";
            await tamper.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new SchemaMigrator(Settings).MigrateAsync());
        Assert.Contains("0002_grain_state changed after it was applied", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scripts_AreNumberedWithoutGapsInBothDialects()
    {
        foreach (var dialect in Enum.GetValues<SqlDialect>())
        {
            var versions = SchemaScript.For(dialect).Select(s => s.Version).ToArray();
            Assert.Equal(Enumerable.Range(1, versions.Length), versions);
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        directory.Dispose();
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlSchemaMigratorTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Migrate_Twice_CreatesTheDatabaseOnceAndLeavesTheSchemaUnchanged()
    {
        var settings = new StorageSettings
        {
            Profile = StorageProfile.Cluster,
            PostgreSqlConnectionString = postgres.ConnectionString(PostgresServer.NewDatabaseName("migrate")),
        };

        var first = await new SchemaMigrator(settings).MigrateAsync();
        var afterFirst = await SchemaDescription.DescribeAsync(settings);
        var second = await new SchemaMigrator(settings).MigrateAsync();
        var afterSecond = await SchemaDescription.DescribeAsync(settings);

        Assert.Equal(SchemaScript.For(SqlDialect.PostgreSql).Count, first.Applied.Count);
        Assert.Empty(second.Applied);
        Assert.Equal(afterFirst, afterSecond);
        Assert.Contains("InsertMembershipKey", afterFirst, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_ConcurrentSilos_ApplyEachScriptExactlyOnce()
    {
        var settings = new StorageSettings
        {
            Profile = StorageProfile.Cluster,
            PostgreSqlConnectionString = postgres.ConnectionString(PostgresServer.NewDatabaseName("concurrent")),
        };
        // The database must exist before the race; creating it is not what this test is about.
        await using (var create = new NpgsqlConnection(postgres.ConnectionString("postgres")))
        {
            await create.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{new NpgsqlConnectionStringBuilder(settings.PostgreSqlConnectionString).Database}\"", create);
            await command.ExecuteNonQueryAsync();
        }

        var reports = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => new SchemaMigrator(settings).MigrateAsync()));

        Assert.Equal(SchemaScript.For(SqlDialect.PostgreSql).Count, reports.Sum(r => r.Applied.Count));
        Assert.Single(reports, r => r.Applied.Count > 0);
    }
}
