using Npgsql;

namespace SalesOS.Testing;

/// <summary>
/// A throw-away PostgreSQL server for the test run: a new cluster in a temporary folder, listening on
/// 127.0.0.1 at a free port, stopped and deleted afterwards. PostgreSQL refuses to run as root, so as
/// root the server runs as the unprivileged user <c>salesos-pg</c>. Set SALESOS_TEST_POSTGRES to a
/// connection string to use an existing server instead.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string ServiceUser = "salesos-pg";
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), $"salesos-pg-{Guid.NewGuid():N}");
    private string? binDirectory;
    private int port;
    private string? external;
    private string serverOptions = "";

    public async Task StartAsync()
    {
        external = Environment.GetEnvironmentVariable("SALESOS_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(external))
        {
            return;
        }

        binDirectory = FindBinDirectory() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries were not found under /usr/lib/postgresql. Run the test command " +
            "from the README (./tests/run installs them), or set SALESOS_TEST_POSTGRES to a connection string.");
        port = FreePorts.Next();
        Directory.CreateDirectory(dataDirectory);

        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await EnsureServiceUserAsync();
            await ProcessRunner.RunAsync("chown", [ServiceUser, dataDirectory], TimeSpan.FromSeconds(10));
        }

        await RunPostgresToolAsync(asRoot, "initdb", ["-D", dataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"], TimeSpan.FromMinutes(2));
        // Durability settings are off: these tests kill processes, not machines, and a test run must be quick.
        serverOptions = $"-p {port} -c listen_addresses=127.0.0.1 -k {dataDirectory} -c fsync=off " +
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
        await RunPostgresToolAsync(asRoot, "pg_ctl", ["-D", dataDirectory, "-o", serverOptions, "-l", Path.Combine(dataDirectory, "server.log"), "-w", "-t", "60", "start"], TimeSpan.FromMinutes(2));
    }

    public async ValueTask DisposeAsync()
    {
        if (binDirectory is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunPostgresToolAsync(Environment.UserName == "root", "pg_ctl", ["-D", dataDirectory, "-m", "immediate", "-w", "stop"], TimeSpan.FromMinutes(1));
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    /// <summary>A connection string for a database of this server (created by the migrator when missing).</summary>
    public string ConnectionString(string database)
    {
        var builder = external is null
            ? new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "postgres" }
            : new NpgsqlConnectionStringBuilder(external);
        builder.Database = database;
        builder.MaxPoolSize = 50;
        return builder.ConnectionString;
    }

    /// <summary>A fresh database name for one test class, so tests never see each other's rows.</summary>
    public static string NewDatabaseName(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(60, prefix.Length + 33)].ToLowerInvariant();

    /// <summary>Stops the server (as a database outage would) and starts it again on the same port and data.</summary>
    public async Task RestartAsync(TimeSpan downtime)
    {
        if (binDirectory is null)
        {
            throw new InvalidOperationException("An external server (SALESOS_TEST_POSTGRES) cannot be restarted by the tests.");
        }

        var asRoot = Environment.UserName == "root";
        await RunPostgresToolAsync(asRoot, "pg_ctl", ["-D", dataDirectory, "-m", "fast", "-w", "stop"], TimeSpan.FromMinutes(1));
        await Task.Delay(downtime);
        await RunPostgresToolAsync(asRoot, "pg_ctl", ["-D", dataDirectory, "-o", serverOptions, "-l", Path.Combine(dataDirectory, "server.log"), "-w", "start"], TimeSpan.FromMinutes(1));
    }

    private Task<string> RunPostgresToolAsync(bool asRoot, string tool, string[] arguments, TimeSpan timeout)
    {
        var executable = Path.Combine(binDirectory!, tool);
        return asRoot
            ? ProcessRunner.RunAsync("runuser", ["-u", ServiceUser, "--", executable, .. arguments], timeout)
            : ProcessRunner.RunAsync(executable, arguments, timeout);
    }

    private static async Task EnsureServiceUserAsync()
    {
        try
        {
            await ProcessRunner.RunAsync("id", ["-u", ServiceUser], TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            await ProcessRunner.RunAsync("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", ServiceUser], TimeSpan.FromSeconds(30));
        }
    }

    private static string? FindBinDirectory()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.GetDirectories(root)
            .Select(dir => Path.Combine(dir, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
            .OrderByDescending(bin => bin, StringComparer.Ordinal)
            .FirstOrDefault();
    }
}
