using System.Data.Common;
using SalesOS.Storage.ReadModel;

namespace SalesOS.Storage.Imports;

/// <summary>
/// Uploaded lead lists, stored in the SalesOS database (not on one machine's disk) so that an import
/// job can resume on whichever silo runs it after a crash.
/// </summary>
public sealed class ImportFileStore(ReadModelDatabase database)
{
    public async Task SaveAsync(string jobKey, string fileName, byte[] content, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO salesos_import_files (job_key, file_name, content, created_at) VALUES (@job_key, @file_name, @content, @created_at)
            ON CONFLICT (job_key) DO NOTHING
            """;
        Add(command, "job_key", jobKey);
        Add(command, "file_name", fileName);
        Add(command, "content", content);
        Add(command, "created_at", DateTimeOffset.UtcNow);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The file's bytes, or null when it was never stored or already removed.</summary>
    public async Task<byte[]?> LoadAsync(string jobKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT content FROM salesos_import_files WHERE job_key = @job_key";
        Add(command, "job_key", jobKey);
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    public async Task DeleteAsync(string jobKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM salesos_import_files WHERE job_key = @job_key";
        Add(command, "job_key", jobKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
