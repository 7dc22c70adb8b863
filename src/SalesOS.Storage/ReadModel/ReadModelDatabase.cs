using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace SalesOS.Storage.ReadModel;

/// <summary>
/// Connections to the read model: the same database as the grain state (SQLite file or PostgreSQL),
/// so that one backup holds everything and one migration run creates everything.
/// </summary>
public sealed class ReadModelDatabase(StorageSettings settings)
{
    public SqlDialect Dialect => settings.Dialect;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        DbConnection connection = settings.Dialect == SqlDialect.Sqlite
            ? new SqliteConnection(settings.ConnectionString)
            : new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
