using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace SalesOS.Storage;

/// <summary>One versioned schema script, e.g. <c>Schema/PostgreSql/0002_clustering.sql</c>.</summary>
public sealed record SchemaScript(int Version, string Name, string Sql)
{
    /// <summary>SHA-256 of the script with LF line endings: an applied script must never change.</summary>
    public string Checksum { get; } = Convert.ToHexString(
        SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));

    /// <summary>The scripts of a dialect in version order, read from this assembly's resources.</summary>
    public static IReadOnlyList<SchemaScript> For(SqlDialect dialect)
    {
        var assembly = typeof(SchemaScript).Assembly;
        var prefix = $"SalesOS.Schema.{dialect}";
        var scripts = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => Load(assembly, name, name[(prefix.Length + 1)..]))
            .OrderBy(script => script.Version)
            .ToList();

        var duplicate = scripts.GroupBy(s => s.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two {dialect} schema scripts share version {duplicate.Key}.");
        }

        return scripts;
    }

    private static SchemaScript Load(Assembly assembly, string resourceName, string fileName)
    {
        var separator = fileName.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0 || !int.TryParse(fileName[..separator], out var version))
        {
            throw new InvalidOperationException($"Schema script '{fileName}' must be named NNNN_description.sql.");
        }

        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Schema script resource '{resourceName}' is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return new SchemaScript(version, Path.GetFileNameWithoutExtension(fileName[(separator + 1)..]), reader.ReadToEnd());
    }
}
