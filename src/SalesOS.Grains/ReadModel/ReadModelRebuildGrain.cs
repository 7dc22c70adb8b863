using System.Diagnostics;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using SalesOS.Contracts.Companies;
using SalesOS.Contracts.Contacts;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.ReadModel;
using SalesOS.Storage.ReadModel;

namespace SalesOS.Grains.ReadModel;

/// <summary>
/// Rebuilds one workspace's read model from the grains: lists the companies and contacts that have
/// stored state, asks each for its snapshot, and writes the rows again. The projections keep
/// running meanwhile; rows only move forward in version, so nothing they write is lost or undone.
/// </summary>
public sealed class ReadModelRebuildGrain(
    GrainKeyCatalog catalog,
    CompanyReadModel companies,
    ContactReadModel contacts,
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
        }

        return new RebuildReport(workspaceId, companyKeys.Count, contactKeys.Count, watch.Elapsed);
    }
}
