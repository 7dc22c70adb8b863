using Microsoft.Data.Sqlite;
using SalesOS.Contracts.Companies;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.ReadModel;
using SalesOS.Testing;

namespace SalesOS.Tests.Companies;

/// <summary>
/// No event is lost: a change written while its event could not be published is still published
/// after the silo restarts, by the outbox's reminder, without anyone touching the company again.
/// </summary>
public sealed class CompanyOutboxRecoveryTests : IDisposable
{
    private readonly TempDirectory data = new();

    [Fact]
    public async Task EventThatFailedToPublish_ReachesTheReadModelAfterARestart()
    {
        var serviceId = "outbox-" + Guid.NewGuid().ToString("N")[..8];
        var workspace = "ws-outbox";
        await using (var silo = await TestSilo.StartEmbeddedAsync(data.Path, serviceId, configure: StreamFaults.Install))
        {
            StreamFaults.FailPublishing = true;
            var company = silo.Client.GetGrain<ICompanyGrain>(WorkspaceKey.For(workspace, "lost-event.example"));
            var registered = await company.Register(new CompanyRegistration("test", "Lost Event Ltd"), new CommandContext("test"));
            Assert.Equal(CompanyState.Sourced, registered.State);

            // The write was accepted, its event was not published: the read model does not know the company.
            await Task.Delay(TimeSpan.FromSeconds(3));
            var page = await silo.Client.GetGrain<ICompanyQueryGrain>(0).Query(new CompanyQuery(workspace));
            Assert.Empty(page.Items);
            await silo.StopAsync();
        }

        StreamFaults.FailPublishing = false;
        await using (var silo = await TestSilo.StartEmbeddedAsync(data.Path, serviceId, configure: StreamFaults.Install))
        {
            var page = await Eventually.Get(
                () => silo.Client.GetGrain<ICompanyQueryGrain>(0).Query(new CompanyQuery(workspace)),
                p => p.Items.Count == 1,
                TimeSpan.FromSeconds(30),
                "the outbox to publish the event after the restart");
            Assert.Equal("lost-event.example", page.Items[0].Domain);
            Assert.Equal("Lost Event Ltd", page.Items[0].Name);
        }
    }

    public void Dispose()
    {
        StreamFaults.FailPublishing = false;
        SqliteConnection.ClearAllPools();
        data.Dispose();
    }
}
