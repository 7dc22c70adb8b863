using SalesOS.Storage;

namespace SalesOS.Silo.Hosting;

/// <summary><c>SalesOS.Silo migrate [--SalesOS:Storage:...]</c>: applies the pending schema scripts of the configured profile and exits.</summary>
public static class MigrateCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        var storage = builder.Configuration.GetSection(StorageSettings.SectionName).Get<StorageSettings>() ?? new StorageSettings();
        using var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILogger<SchemaMigrator>>();
        try
        {
            var report = await new SchemaMigrator(storage, logger).MigrateAsync();
            Console.WriteLine($"{storage.Profile} schema at version {report.SchemaVersion}; applied now: " +
                (report.Applied.Count == 0 ? "nothing (already current)" : string.Join(", ", report.Applied.Select(s => $"{s.Version:D4}_{s.Name}"))));
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
        {
            logger.LogError(e, "Migration failed");
            Console.Error.WriteLine($"Migration failed: {e.Message}");
            return 1;
        }
    }
}
