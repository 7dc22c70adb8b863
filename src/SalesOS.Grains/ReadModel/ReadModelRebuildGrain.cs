using System.Diagnostics;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using SalesOS.Contracts.Companies;
using SalesOS.Contracts.Contacts;
using SalesOS.Contracts.Deals;
using SalesOS.Contracts.Markets;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.ReadModel;
using SalesOS.Storage.ReadModel;

namespace SalesOS.Grains.ReadModel;

/// <summary>
/// Rebuilds one workspace's read model from the grains: lists the companies, contacts, deals and
/// markets that have stored state, asks each for its snapshot, and writes the rows again. The projections keep
/// running meanwhile; rows only move forward in version, so nothing they write is lost or undone.
/// </summary>
public sealed class ReadModelRebuildGrain(
    GrainKeyCatalog catalog,
    CompanyReadModel companies,
    ContactReadModel contacts,
    PipelineReadModel pipeline,
    OutreachReadModel sends,
    IOptions<ClusterOptions> cluster) : Grain, IReadModelRebuildGrain
{
    private const int Batch = 256;

    public async Task<RebuildReport> Rebuild()
    {
        var watch = Stopwatch.StartNew();
        var workspaceId = this.GetPrimaryKeyString();
        var prefix = WorkspaceKey.For(workspaceId, "");

        await companies.ClearAsync(workspaceId);
        var companyKeys = await catalog.ListKeysAsync(cluster.Value.ServiceId, "company", prefix);
        foreach (var chunk in companyKeys.Chunk(Batch))
        {
            var snapshots = await Task.WhenAll(chunk.Select(key => GrainFactory.GetGrain<ICompanyGrain>(key).Get()));
            await companies.UpsertAsync(snapshots.OfType<CompanySnapshot>().ToList());
        }

        await contacts.ClearAsync(workspaceId);
        var contactKeys = await catalog.ListKeysAsync(cluster.Value.ServiceId, "contact", prefix);
        foreach (var chunk in contactKeys.Chunk(Batch))
        {
            var snapshots = await Task.WhenAll(chunk.Select(key => GrainFactory.GetGrain<IContactGrain>(key).Get()));
            await contacts.ApplyAsync(snapshots.OfType<ContactSnapshot>().Select(c => (c.WorkspaceId, c.Identity, (ContactSnapshot?)c)).ToList());

            // The sends of each contact's current enrolment (older enrolments' rows are kept, never cleared).
            await sends.ApplyAsync(snapshots.OfType<ContactSnapshot>().ToList());
        }

        // Deals and markets only move forward in version too, so they are rewritten in place.
        foreach (var chunk in (await catalog.ListKeysAsync(cluster.Value.ServiceId, "deal", prefix)).Chunk(Batch))
        {
            var snapshots = await Task.WhenAll(chunk.Select(key => GrainFactory.GetGrain<IDealGrain>(key).Get()));
            await pipeline.UpsertDealsAsync(snapshots.OfType<DealSnapshot>().ToList());
        }

        foreach (var chunk in (await catalog.ListKeysAsync(cluster.Value.ServiceId, "market", prefix)).Chunk(Batch))
        {
            var snapshots = await Task.WhenAll(chunk.Select(key => GrainFactory.GetGrain<IMarketGrain>(key).Get()));
            await pipeline.UpsertMarketsAsync(snapshots.OfType<MarketSnapshot>().ToList());
        }

        return new RebuildReport(workspaceId, companyKeys.Count, contactKeys.Count, watch.Elapsed);
    }
}
