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
        var stats = await Eventually.Get(() => audit.GetStats(), n => n.EventsSeen >= 3, TimeSpan.FromSeconds(10), "three probe events");
        Assert.Equal(3, stats.EventsSeen);
    }

    [Fact]
    public async Task Write_RepeatedIdempotencyKey_HasItsEffectOnce()
    {
        var probe = fixture.Client.GetGrain<IProbeGrain>("idem-" + Guid.NewGuid());

        await probe.Write("a", "key-1");
        await probe.Write("a again", "key-1");
        var snapshot = await probe.Write("b", "key-2");

        Assert.Equal(2, snapshot.Writes);
        Assert.Equal("b", snapshot.Value);
    }

    [Fact]
    public async Task Events_RedeliveredByTheOutbox_AreCountedOnceByTheReadModel()
    {
        var id = "redeliver-" + Guid.NewGuid();
        var probe = fixture.Client.GetGrain<IProbeGrain>(id);
        await probe.Write("a");
        await probe.Write("b");

        // The outbox delivers every event a second time after its redelivery delay (1 s here).
        var audit = fixture.Client.GetGrain<IProbeAuditGrain>(id);
        var stats = await Eventually.Get(() => audit.GetStats(), s => s.DuplicatesDropped >= 2, TimeSpan.FromSeconds(15), "both events to be redelivered");
        Assert.Equal(2, stats.EventsSeen);
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
