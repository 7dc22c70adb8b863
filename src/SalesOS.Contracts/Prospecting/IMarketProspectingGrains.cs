using Orleans.Concurrency;

namespace SalesOS.Contracts.Prospecting;

/// <summary>
/// A market's tiers, keyed "{workspaceId}/{marketId}": the distribution of its companies' priorities
/// and the cut-offs that make Tier 1 (top share), Tier 2 and Tier 3. Rebuilt from the read model when
/// it activates; it re-tiers the market as it grows, with a hysteresis band against flapping.
/// </summary>
[Alias("SalesOS.Prospecting.IMarketTiersGrain")]
public interface IMarketTiersGrain : IGrainWithStringKey
{
    /// <summary>Records a company's priority (replacing its previous one) and returns its tier.</summary>
    [Alias("Place")]
    Task<int> Place(string domain, double priority, int? currentTier);

    [Alias("GetSummary")]
    Task<TierSummary> GetSummary();
}

[GenerateSerializer, Immutable]
[Alias("SalesOS.Prospecting.TierSummary")]
public sealed record TierSummary(
    [property: Id(0)] int Companies,
    [property: Id(1)] double Tier1Cutoff,
    [property: Id(2)] double Tier2Cutoff,
    [property: Id(3)] int Tier1,
    [property: Id(4)] int Tier2,
    [property: Id(5)] int Tier3);

/// <summary>
/// What a market's agents did, keyed "{workspaceId}/{marketId}": steps completed per minute and errors by
/// reason. Fed by the agents as they work; the totals survive restarts.
/// </summary>
[Alias("SalesOS.Prospecting.IMarketStatsGrain")]
public interface IMarketStatsGrain : IGrainWithStringKey
{
    [Alias("Record"), OneWay]
    Task Record(ProspectingStep step, bool succeeded, string? error);

    [Alias("Get")]
    Task<MarketThroughput> Get();
}

[GenerateSerializer, Immutable]
[Alias("SalesOS.Prospecting.StepThroughput")]
public sealed record StepThroughput(
    [property: Id(0)] ProspectingStep Step,
    [property: Id(1)] long Succeeded,
    [property: Id(2)] long Failed,
    [property: Id(3)] double PerMinuteLast1,
    [property: Id(4)] double PerMinuteLast15);

[GenerateSerializer, Immutable]
[Alias("SalesOS.Prospecting.MarketThroughput")]
public sealed record MarketThroughput(
    [property: Id(0)] IReadOnlyList<StepThroughput> Steps,
    [property: Id(1)] IReadOnlyDictionary<string, long> ErrorsByReason,
    [property: Id(2)] DateTimeOffset? FirstStepAt,
    [property: Id(3)] DateTimeOffset? LastStepAt);

/// <summary>Answers "how is this market's prospecting going?" from the read model and the agents' counters.</summary>
[Alias("SalesOS.Prospecting.IProspectingQueryGrain")]
public interface IProspectingQueryGrain : IGrainWithIntegerKey
{
    [Alias("Overview")]
    Task<ProspectingOverview> Overview(string workspaceId, string marketId, int top);
}

[GenerateSerializer, Immutable]
[Alias("SalesOS.Prospecting.ProspectingOverview")]
public sealed record ProspectingOverview(
    [property: Id(0)] string MarketId,
    [property: Id(1)] IReadOnlyDictionary<Domain.CompanyState, int> CompaniesByState,
    [property: Id(2)] int Companies,
    [property: Id(3)] MarketThroughput Throughput,
    [property: Id(4)] IReadOnlyDictionary<string, int> FailedByReason,
    [property: Id(5)] TierSummary Tiers,
    [property: Id(6)] IReadOnlyList<Companies.CompanyListItem> TopCompanies,
    [property: Id(7)] IReadOnlyList<Contacts.ContactListItem> TopContacts,
    [property: Id(8)] IReadOnlyList<string> Notes);
