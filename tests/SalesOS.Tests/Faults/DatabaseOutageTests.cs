using SalesOS.Testing;
using SalesOS.Tests.Infrastructure;

namespace SalesOS.Tests.Faults;

/// <summary>
/// PostgreSQL goes away for a while under a running workload on the cluster profile: commands are
/// refused with 503 (never a 500), nothing accepted is lost, and the cluster recovers by itself.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DatabaseOutageTests(PostgresFixture postgres) : IDisposable
{
    private readonly TempDirectory work = new();
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(45), DefaultRequestHeaders = { Authorization = new("Bearer", TestSilo.AdminKey) } };

    [Fact]
    public async Task DatabaseDownForSeconds_MidWorkload_RefusesWith503AndRecoversWithoutRestart()
    {
        var connectionString = postgres.ConnectionString(PostgresServer.NewDatabaseName("outage"));
        var clusterId = "outage-" + Guid.NewGuid().ToString("N")[..8];
        await using var first = await SiloProcess.StartClusterAsync(connectionString, clusterId, work.Path);
        await using var second = await SiloProcess.StartClusterAsync(connectionString, clusterId, work.Path);
        await Eventually.Get(() => first.CountActiveSilosAsync(http), n => n == 2, TimeSpan.FromSeconds(30), "both silos to be active");

        var workload = new ProbeWorkload(http, first.ApiAddress, "outage", probes: 12, writesPerProbe: 30);
        await workload.ScheduleRemindersAsync(TimeSpan.FromSeconds(15));
        var run = workload.RunAsync(TimeSpan.FromSeconds(150));
        await Eventually.Get(() => Task.FromResult(workload.Accepted), n => n >= workload.Total / 4, TimeSpan.FromSeconds(60), "a quarter of the workload");
        var acceptedBeforeOutage = workload.Accepted;

        await postgres.Server.RestartAsync(downtime: TimeSpan.FromSeconds(6));
        await run;

        var violations = await ProbeWorkloadChecks.FindViolationsAsync(workload, remindersScheduled: true, TimeSpan.FromSeconds(60));
        Assert.True(violations.Count == 0, string.Join("\n", violations) + "\nSilo output:\n" + first.Output);
        Assert.True(acceptedBeforeOutage < workload.Total, "The workload finished before the outage: the test proved nothing.");
        Assert.True(workload.Failures.ContainsKey("503"), "No command was refused during the outage: the test proved nothing. Refusals: " + string.Join(", ", workload.Failures.Select(f => $"{f.Key}×{f.Value}")) + "\n" + first.Output);
        Assert.True(workload.Failures.Keys.All(kind => kind == "503"), "Refusals other than 503: " + string.Join(", ", workload.Failures.Select(f => $"{f.Key}×{f.Value}"))
            + "\n" + string.Join("\n", (first.Output + second.Output).Split('\n').Where(l => l.Contains("failed with", StringComparison.Ordinal)).Take(5)));
        // Both silos are still members: the outage did not cost the cluster a silo or a restart.
        Assert.Equal(2, await first.CountActiveSilosAsync(http));
        Assert.Equal(2, await second.CountActiveSilosAsync(http));
    }

    public void Dispose()
    {
        http.Dispose();
        work.Dispose();
    }
}
