using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using SalesOS.Storage;

namespace SalesOS.Tests.Infrastructure;

/// <summary>A text rendering of everything a migration can create (tables, columns, indexes, stored queries, history), to compare runs.</summary>
public static class SchemaDescription
{
    public static async Task<string> DescribeAsync(StorageSettings settings)
    {
        await using DbConnection connection = settings.Dialect == SqlDialect.Sqlite
            ? new SqliteConnection(settings.ConnectionString)
            : new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync();
        var text = new StringBuilder();
        var catalog = settings.Dialect == SqlDialect.Sqlite
            ? "SELECT type || ' ' || name || ': ' || IFNULL(sql, '') FROM sqlite_master ORDER BY type, name"
            : """
              SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable
              FROM information_schema.columns WHERE table_schema = 'public'
              UNION ALL
              SELECT 'index ' || indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
              UNION ALL
              SELECT 'constraint ' || conname || ': ' || pg_get_constraintdef(oid) FROM pg_constraint
              WHERE connamespace = 'public'::regnamespace
              ORDER BY 1
              """;
        await AppendRowsAsync(connection, catalog, text);
        await AppendRowsAsync(connection, "SELECT QueryKey || ' = ' || QueryText FROM OrleansQuery ORDER BY QueryKey", text);
        await AppendRowsAsync(connection, "SELECT CAST(Version AS text) || ' ' || Name || ' ' || Checksum || ' ' || AppliedOn FROM SalesOSSchemaHistory ORDER BY Version", text);
        return text.ToString();
    }

    private static async Task AppendRowsAsync(DbConnection connection, string sql, StringBuilder text)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            text.AppendLine(reader.GetString(0));
        }
    }
}
