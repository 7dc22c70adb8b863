using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace SalesOS.Storage;

/// <summary>What a migration run did.</summary>
public sealed record MigrationReport(IReadOnlyList<SchemaScript> Applied, int SchemaVersion);

/// <summary>
/// Applies the pending schema scripts of the configured profile, each exactly once, in one
/// transaction, recording them in <c>SalesOSSchemaHistory</c>. Running it again changes nothing;
/// silos that start together serialise on a lock (PostgreSQL advisory lock, SQLite write lock).
/// </summary>
public sealed class SchemaMigrator(StorageSettings settings, ILogger<SchemaMigrator>? logger = null)
{
    // Any constant works; it only has to be the same for every SalesOS process on the database.
    private const long AdvisoryLockKey = 0x5A1E5_05;

    private readonly ILogger logger = logger ?? NullLogger<SchemaMigrator>.Instance;

    public async Task<MigrationReport> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var scripts = SchemaScript.For(settings.Dialect);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        if (settings.Dialect == SqlDialect.PostgreSql)
        {
            await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
        }

        await ExecuteAsync(connection, transaction, HistoryTableSql, cancellationToken);
        var applied = await ReadHistoryAsync(connection, transaction, cancellationToken);

        foreach (var script in scripts.Where(s => applied.ContainsKey(s.Version)))
        {
            if (!string.Equals(applied[script.Version], script.Checksum, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"Schema script {script.Version:D4}_{script.Name} changed after it was applied to this database. " +
                    "Applied scripts are immutable: add a new script instead.");
            }
        }

        var pending = scripts.Where(s => !applied.ContainsKey(s.Version)).ToList();
        foreach (var script in pending)
        {
            logger.LogInformation("Applying schema script {Version:D4}_{Name} ({Dialect})", script.Version, script.Name, settings.Dialect);
            await ExecuteAsync(connection, transaction, script.Sql, cancellationToken);
            await RecordAsync(connection, transaction, script, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        var version = scripts.Count == 0 ? 0 : scripts[^1].Version;
        logger.LogInformation("Schema is at version {Version} ({Count} scripts applied now)", version, pending.Count);
        return new MigrationReport(pending, version);
    }

    private const string HistoryTableSql = """
        CREATE TABLE IF NOT EXISTS SalesOSSchemaHistory
        (
            Version   integer NOT NULL PRIMARY KEY,
            Name      text    NOT NULL,
            Checksum  text    NOT NULL,
            AppliedOn text    NOT NULL
        )
        """;

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (settings.Dialect == SqlDialect.Sqlite)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(settings.SqliteDatabasePath)!);
            var sqlite = new SqliteConnection(settings.ConnectionString);
            await sqlite.OpenAsync(cancellationToken);
            // WAL lets readers run beside the single writer; the mode is stored in the database file.
            await ExecuteAsync(sqlite, null, "PRAGMA journal_mode=WAL", cancellationToken);
            return sqlite;
        }

        await EnsurePostgreSqlDatabaseAsync(settings.ConnectionString, cancellationToken);
        var postgres = new NpgsqlConnection(settings.ConnectionString);
        await postgres.OpenAsync(cancellationToken);
        return postgres;
    }

    /// <summary>Creates the configured database when the server has none of that name yet.</summary>
    private async Task EnsurePostgreSqlDatabaseAsync(string connectionString, CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(target.Database) || target.Database == "postgres")
        {
            return;
        }

        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", target.Database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return;
        }

        logger.LogInformation("Creating database {Database}", target.Database);
        var quoted = "\"" + target.Database.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
        try
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another silo created it first.
        }
    }

    private static async Task<Dictionary<int, string>> ReadHistoryAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT Version, Checksum FROM SalesOSSchemaHistory";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var applied = new Dictionary<int, string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture)] = reader.GetString(1);
        }

        return applied;
    }

    private static async Task RecordAsync(DbConnection connection, DbTransaction transaction, SchemaScript script, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO SalesOSSchemaHistory (Version, Name, Checksum, AppliedOn) VALUES (@version, @name, @checksum, @appliedOn)";
        AddParameter(command, "version", script.Version);
        AddParameter(command, "name", script.Name);
        AddParameter(command, "checksum", script.Checksum);
        AddParameter(command, "appliedOn", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
