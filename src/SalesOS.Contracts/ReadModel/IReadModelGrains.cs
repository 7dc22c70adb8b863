using SalesOS.Contracts.Companies;

namespace SalesOS.Contracts.ReadModel;

/// <summary>Answers read-model queries inside the cluster, so clients need no database access.</summary>
[Alias("SalesOS.ReadModel.ICompanyQueryGrain")]
public interface ICompanyQueryGrain : IGrainWithIntegerKey
{
    [Alias("Query")]
    Task<CompanyPage> Query(CompanyQuery query);

    [Alias("Funnel")]
    Task<CompanyFunnel> Funnel(string workspaceId, string? marketId);
}

/// <summary>Lists deals and markets from the read model.</summary>
[Alias("SalesOS.ReadModel.IPipelineQueryGrain")]
public interface IPipelineQueryGrain : IGrainWithIntegerKey
{
    [Alias("Deals")]
    Task<SalesOS.Contracts.Deals.DealPage> Deals(string workspaceId, SalesOS.Contracts.Domain.DealState? state, string? owner, string? companyDomain, int limit, string? cursor);

    [Alias("Markets")]
    Task<IReadOnlyList<SalesOS.Contracts.Markets.MarketListItem>> Markets(string workspaceId, SalesOS.Contracts.Domain.MarketState? state);
}

/// <summary>Collects how far the projections trail the events, from every silo.</summary>
[Alias("SalesOS.ReadModel.IProjectionMonitorGrain")]
public interface IProjectionMonitorGrain : IGrainWithIntegerKey
{
    /// <summary>A flushed batch: how many events it covered and the lag of each row it wrote.</summary>
    [Alias("Report")]
    Task Report(string projection, int events, IReadOnlyList<double> lagMilliseconds);

    [Alias("GetLag")]
    Task<ProjectionLag> GetLag();
}

/// <summary>Lag between an event being raised and its row being written, over the last <see cref="Samples"/> events.</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.ReadModel.ProjectionLag")]
public sealed record ProjectionLag(
    [property: Id(0)] long EventsProjected,
    [property: Id(1)] int Samples,
    [property: Id(2)] double P50Milliseconds,
    [property: Id(3)] double P99Milliseconds,
    [property: Id(4)] double MaxMilliseconds,
    [property: Id(5)] DateTimeOffset? LastProjectedAt);

/// <summary>Rebuilds a workspace's read model from the entities' own state (after a bug, a restore, or a schema change).</summary>
[Alias("SalesOS.ReadModel.IReadModelRebuildGrain")]
public interface IReadModelRebuildGrain : IGrainWithStringKey
{
    /// <summary>Clears the workspace's rows and writes them again from every company and contact grain.</summary>
    [Alias("Rebuild")]
    [ResponseTimeout("00:30:00")]
    Task<RebuildReport> Rebuild();
}

[GenerateSerializer, Immutable]
[Alias("SalesOS.ReadModel.RebuildReport")]
public sealed record RebuildReport(
    [property: Id(0)] string WorkspaceId,
    [property: Id(1)] int Companies,
    [property: Id(2)] int Contacts,
    [property: Id(3)] TimeSpan Took);

