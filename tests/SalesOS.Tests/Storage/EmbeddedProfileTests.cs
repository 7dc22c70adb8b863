using Microsoft.Data.Sqlite;
using SalesOS.Contracts.Diagnostics;
using SalesOS.Testing;
using SalesOS.Tests.Infrastructure;

namespace SalesOS.Tests.Storage;

/// <summary>The embedded default: one silo, SQLite in a data folder, surviving a restart.</summary>
public sealed class EmbeddedProfileTests : IDisposable
{
    private readonly TempDirectory data = new();

    [Fact]
    public async Task Restart_KeepsGrainStateStreamSubscriptionsAndReminders()
    {
        var serviceId = "embedded-" + Guid.NewGuid().ToString("N")[..8];
        await using (var silo = await TestSilo.StartEmbeddedAsync(data.Path, serviceId))
        {
            var probe = silo.Client.GetGrain<IProbeGrain>("restart");
            await probe.Write("before restart");
            await probe.ScheduleReminder(TimeSpan.FromSeconds(8));
            await Eventually.Get(() => silo.Client.GetGrain<IProbeAuditGrain>("restart").GetStats(), n => n.EventsSeen == 1, TimeSpan.FromSeconds(10), "the first event");
            await silo.StopAsync();
        }

        Assert.True(File.Exists(Path.Combine(data.Path, "salesos.db")));

        await using (var silo = await TestSilo.StartEmbeddedAsync(data.Path, serviceId))
        {
            var probe = silo.Client.GetGrain<IProbeGrain>("restart");
            var afterRestart = await probe.Get();
            Assert.Equal("before restart", afterRestart.Value);
            Assert.Equal(1, afterRestart.Writes);
            Assert.Equal(0, afterRestart.RemindersFired);

            // The reminder was registered by the first silo and fires on the second.
            var fired = await Eventually.Get(() => probe.Get(), s => s.RemindersFired > 0, TimeSpan.FromSeconds(45), "the reminder registered before the restart");
            Assert.Equal(1, fired.RemindersFired);

            // The audit grain's state survived too and keeps counting.
            await probe.Write("after restart");
            var seen = await Eventually.Get(() => silo.Client.GetGrain<IProbeAuditGrain>("restart").GetStats(), n => n.EventsSeen == 2, TimeSpan.FromSeconds(10), "the second event");
            Assert.Equal(2, seen.EventsSeen);
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        data.Dispose();
    }
}
