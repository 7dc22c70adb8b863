using SalesOS.Contracts.Diagnostics;
using SalesOS.Testing;
using SalesOS.Tests.Infrastructure;

namespace SalesOS.Tests.Grains;

[Collection(ClusterCollection.Name)]
public sealed class ProbeGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Write_StoresValueAndCountsWrites()
    {
        var probe = fixture.Client.GetGrain<IProbeGrain>("write-" + Guid.NewGuid());

        await probe.Write("first");
        var snapshot = await probe.Write("second");

        Assert.Equal("second", snapshot.Value);
        Assert.Equal(2, snapshot.Writes);
        Assert.Equal(snapshot, await probe.Get());
    }

    [Fact]
    public async Task Write_PublishesOneEventPerWriteToTheAuditSubscriber()
    {
        var id = "audit-" + Guid.NewGuid();
        var probe = fixture.Client.GetGrain<IProbeGrain>(id);

        await probe.Write("a");
        await probe.Write("b");
        await probe.Write("c");

        var audit = fixture.Client.GetGrain<IProbeAuditGrain>(id);
        var seen = await Eventually.Get(() => audit.GetEventsSeen(), n => n >= 3, TimeSpan.FromSeconds(10), "three probe events");
        Assert.Equal(3, seen);
    }

    [Fact]
    public async Task ScheduleReminder_DueTimeComesFromTheDomainClock()
    {
        var probe = fixture.Client.GetGrain<IProbeGrain>("clock-" + Guid.NewGuid());
        var now = ClusterFixture.Time.GetUtcNow();

        var snapshot = await probe.ScheduleReminder(TimeSpan.FromHours(3));

        Assert.Equal(now + TimeSpan.FromHours(3), snapshot.ReminderDueAt);
    }

    [Fact]
    public async Task ScheduleReminder_FiresOnceAndIsRemoved()
    {
        var probe = fixture.Client.GetGrain<IProbeGrain>("remind-" + Guid.NewGuid());

        await probe.ScheduleReminder(TimeSpan.FromSeconds(1));
        var fired = await Eventually.Get(() => probe.Get(), s => s.RemindersFired > 0, TimeSpan.FromSeconds(20), "the reminder to fire");

        Assert.Equal(1, fired.RemindersFired);
        Assert.Null(fired.ReminderDueAt);
        // One-shot: after two more periods it still fired only once.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.Equal(1, (await probe.Get()).RemindersFired);
    }
}
