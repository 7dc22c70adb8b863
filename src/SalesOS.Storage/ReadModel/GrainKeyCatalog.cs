namespace SalesOS.Storage.ReadModel;

/// <summary>
/// Which grains of a type have stored state, read from the Orleans storage table itself: the source
/// of truth a read model is rebuilt from. String keys are kept in GrainIdExtensionString.
/// </summary>
public sealed class GrainKeyCatalog(ReadModelDatabase database)
{
    public async Task<IReadOnlyList<string>> ListKeysAsync(string serviceId, string grainType, string keyPrefix, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT GrainIdExtensionString FROM OrleansStorage
            WHERE ServiceId = @service AND GrainTypeString = @type AND PayloadBinary IS NOT NULL
              AND GrainIdExtensionString LIKE @prefix ESCAPE '\'
            ORDER BY GrainIdExtensionString
            """;
        Add(command, "service", serviceId);
        Add(command, "type", grainType);
        Add(command, "prefix", keyPrefix.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%");
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    private static void Add(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
