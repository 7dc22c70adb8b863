namespace SalesOS.Storage;

/// <summary>The SQL dialects the schema scripts are written for; each has a folder under Schema/.</summary>
public enum SqlDialect
{
    Sqlite,
    PostgreSql,
}
