using Microsoft.Data.Sqlite;

namespace SalesOS.Storage;

/// <summary>
/// The storage part of the configuration (section <c>SalesOS:Storage</c>), shared by the silo, the
/// gateway and the migrate command so that they all resolve the same database.
/// </summary>
public sealed class StorageSettings
{
    public const string SectionName = "SalesOS:Storage";

    /// <summary>The ADO.NET invariant under which Orleans finds Microsoft.Data.Sqlite.</summary>
    public const string SqliteInvariant = "System.Data.SQLite";

    /// <summary>The ADO.NET invariant under which Orleans finds Npgsql.</summary>
    public const string PostgreSqlInvariant = "Npgsql";

    public StorageProfile Profile { get; set; } = StorageProfile.Embedded;

    /// <summary>Folder of the embedded profile's database; relative paths start at the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Connection string of the cluster profile; comes from configuration or the environment, never the repo.</summary>
    public string? PostgreSqlConnectionString { get; set; }

    /// <summary>Apply pending schema scripts when the silo starts (always on for the embedded profile).</summary>
    public bool MigrateOnStart { get; set; }

    public string Invariant => Profile == StorageProfile.Embedded ? SqliteInvariant : PostgreSqlInvariant;

    public SqlDialect Dialect => Profile == StorageProfile.Embedded ? SqlDialect.Sqlite : SqlDialect.PostgreSql;

    public string SqliteDatabasePath => Path.Combine(Path.GetFullPath(DataDirectory), "salesos.db");

    /// <summary>The connection string for the chosen profile, or an error that says which setting is missing.</summary>
    public string ConnectionString => Profile switch
    {
        StorageProfile.Embedded => new SqliteConnectionStringBuilder
        {
            DataSource = SqliteDatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString(),
        StorageProfile.Cluster => string.IsNullOrWhiteSpace(PostgreSqlConnectionString)
            ? throw new InvalidOperationException(
                $"The cluster profile needs {SectionName}:PostgreSqlConnectionString " +
                "(environment variable SalesOS__Storage__PostgreSqlConnectionString).")
            : PostgreSqlConnectionString,
        _ => throw new InvalidOperationException($"Unknown storage profile '{Profile}'."),
    };
}
