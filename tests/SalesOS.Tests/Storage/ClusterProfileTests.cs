using SalesOS.Contracts.Diagnostics;
using SalesOS.Testing;
using SalesOS.Tests.Infrastructure;

namespace SalesOS.Tests.Storage;

/// <summary>The cluster profile: several silos sharing membership, grain state and reminders in PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterProfileTests(PostgresFixture postgres)
{
    private const int Probes = 40;

    [Fact]
    public async Task StoppingOneOfTwoSilos_MovesItsGrainsWithTheirStateAndKeepsItsReminders()
    {
        var connectionString = postgres.ConnectionString(PostgresServer.NewDatabaseName("cluster"));
        var clusterId = "cluster-" + Guid.NewGuid().ToString("N")[..8];
        await using var first = await TestSilo.StartClusterAsync(connectionString, clusterId);
        await using var second = await TestSilo.StartClusterAsync(connectionString, clusterId);

        await Eventually.Get(() => first.Client.GetGrain<Orleans.Runtime.IManagementGrain>(0).GetHosts(onlyActive: true), h => h.Count == 2, TimeSpan.FromSeconds(30), "both silos to be active");

        var ids = Enumerable.Range(0, Probes).Select(i => $"probe-{i}").ToArray();
        var written = await Task.WhenAll(ids.Select(id => first.Client.GetGrain<IProbeGrain>(id).Write("value of " + id)));
        var secondAddress = second.SiloAddress;
        Assert.Contains(written, s => s.Silo == first.SiloAddress);
        Assert.Contains(written, s => s.Silo == secondAddress);

        await Task.WhenAll(ids.Select(id => first.Client.GetGrain<IProbeGrain>(id).ScheduleReminder(TimeSpan.FromSeconds(6))));

        await second.StopAsync();

        var afterStop = await Task.WhenAll(ids.Select(id => first.Client.GetGrain<IProbeGrain>(id).Get()));
        Assert.All(afterStop, s => Assert.Equal("value of " + s.Id, s.Value));
        Assert.All(afterStop, s => Assert.Equal(1, s.Writes));
        Assert.All(afterStop, s => Assert.Equal(first.SiloAddress, s.Silo));

        var fired = await Eventually.Get(
            () => Task.WhenAll(ids.Select(id => first.Client.GetGrain<IProbeGrain>(id).Get())),
            all => all.All(s => s.RemindersFired > 0),
            TimeSpan.FromSeconds(60),
            "every reminder, including those the stopped silo owned");
        Assert.All(fired, s => Assert.Equal(1, s.RemindersFired));
    }
}
