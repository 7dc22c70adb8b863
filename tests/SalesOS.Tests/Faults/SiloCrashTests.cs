using SalesOS.Testing;
using SalesOS.Tests.Infrastructure;

namespace SalesOS.Tests.Faults;

/// <summary>
/// Hard failures in the middle of a running workload. Afterwards every accepted command has its effect
/// exactly once, every pending reminder fires, and the read model has every event.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SiloCrashTests(PostgresFixture postgres) : IDisposable
{
    private static readonly TimeSpan WorkloadDeadline = TimeSpan.FromSeconds(150);
    private static readonly string[] RefusalsWhileRestarting = ["connection lost", "connection refused", "503"];
    private readonly TempDirectory work = new();
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(45), DefaultRequestHeaders = { Authorization = new("Bearer", TestSilo.AdminKey) } };

    [Fact]
    public async Task KillingOneOfTwoClusterSilos_MidWorkload_LosesAndDuplicatesNothing()
    {
        var connectionString = postgres.ConnectionString(PostgresServer.NewDatabaseName("kill"));
        var clusterId = "kill-" + Guid.NewGuid().ToString("N")[..8];
        await using var survivor = await SiloProcess.StartClusterAsync(connectionString, clusterId, work.Path);
        await using var victim = await SiloProcess.StartClusterAsync(connectionString, clusterId, work.Path);
        await Eventually.Get(() => survivor.CountActiveSilosAsync(http), n => n == 2, TimeSpan.FromSeconds(30), "both silos to be active");

        var workload = new ProbeWorkload(http, survivor.ApiAddress, "kill", probes: 16, writesPerProbe: 24);
        await workload.ScheduleRemindersAsync(TimeSpan.FromSeconds(10));
        var onVictim = 0;
        foreach (var id in workload.ProbeIds)
        {
            onVictim += (await workload.ReadAsync(id)).GetProperty("silo").GetString()!.Contains($":{victim.SiloPort}:", StringComparison.Ordinal) ? 1 : 0;
        }

        var run = workload.RunAsync(WorkloadDeadline);
        await Eventually.Get(() => Task.FromResult(workload.Accepted), n => n >= workload.Total / 3, TimeSpan.FromSeconds(60), "a third of the workload");
        await victim.KillAsync();
        await run;

        var violations = await ProbeWorkloadChecks.FindViolationsAsync(workload, remindersScheduled: true, TimeSpan.FromSeconds(60));
        Assert.True(onVictim > 0, "No probe lived on the killed silo: the test proved nothing.");
        Assert.True(violations.Count == 0, string.Join("\n", violations) + "\nSurvivor output:\n" + survivor.Output);
        Assert.All(workload.Failures.Keys, kind => Assert.Equal("503", kind));
    }

    [Fact]
    public async Task KillingTheEmbeddedSilo_MidWorkload_AndStartingItAgain_LosesAndDuplicatesNothing()
    {
        await using var silo = await SiloProcess.StartEmbeddedAsync(Path.Combine(work.Path, "data"), work.Path);
        var workload = new ProbeWorkload(http, silo.ApiAddress, "restart", probes: 12, writesPerProbe: 20);
        await workload.ScheduleRemindersAsync(TimeSpan.FromSeconds(12));

        var run = workload.RunAsync(WorkloadDeadline);
        await Eventually.Get(() => Task.FromResult(workload.Accepted), n => n >= workload.Total / 3, TimeSpan.FromSeconds(60), "a third of the workload");
        await silo.KillAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));
        await silo.RestartAsync();
        await run;

        var violations = await ProbeWorkloadChecks.FindViolationsAsync(workload, remindersScheduled: true, TimeSpan.FromSeconds(60));
        Assert.True(violations.Count == 0, string.Join("\n", violations) + "\nSilo output:\n" + silo.Output);
        // Requests in flight at the kill lost their connection, later ones were refused until the
        // process was back; no request got an error answer other than 503.
        Assert.All(workload.Failures.Keys, kind => Assert.Contains(kind, RefusalsWhileRestarting));
    }

    public void Dispose()
    {
        http.Dispose();
        work.Dispose();
    }
}
