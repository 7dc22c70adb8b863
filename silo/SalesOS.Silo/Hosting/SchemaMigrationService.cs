using SalesOS.Storage;

namespace SalesOS.Silo.Hosting;

/// <summary>
/// Brings the database schema up to date before Orleans starts (registered ahead of the silo, and
/// hosted services start in order). Always on for the embedded profile, opt-in for the cluster.
/// </summary>
public sealed class SchemaMigrationService(StorageSettings storage, ILogger<SchemaMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
        => await new SchemaMigrator(storage, logger).MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
