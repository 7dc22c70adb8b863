using System.Data;
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

    /// <summary>
    /// A connection for writing. On SQLite it holds the database's <see cref="SqliteWriteGate"/> until
    /// it is closed, so writers queue instead of spinning in SQLite's busy handler.
    /// </summary>
    public async Task<DbConnection> OpenForWriteAsync(CancellationToken cancellationToken = default)
    {
        if (settings.Dialect != SqlDialect.Sqlite)
        {
            return await OpenAsync(cancellationToken);
        }

        var turn = await SqliteWriteGate.For(settings.SqliteDatabasePath).EnterAsync(cancellationToken);
        try
        {
            var connection = await OpenAsync(cancellationToken);
            connection.StateChange += (_, change) =>
            {
                if (change.CurrentState == ConnectionState.Closed)
                {
                    turn.Dispose();
                }
            };
            return connection;
        }
        catch
        {
            turn.Dispose();
            throw;
        }
    }
}
