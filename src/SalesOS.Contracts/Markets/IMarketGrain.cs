using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Prospecting;

namespace SalesOS.Contracts.Markets;

/// <summary>A market (ideal customer profile / campaign) of one workspace, keyed "{workspaceId}/{marketId}".</summary>
[Alias("SalesOS.Markets.IMarketGrain")]
public interface IMarketGrain : IGrainWithStringKey
{
    [Alias("Get")]
    Task<MarketSnapshot?> Get();

    /// <summary>Creates the market as a draft from structured fields, a one-line description, or both (fields win).</summary>
    [Alias("Create")]
    Task<MarketSnapshot> Create(string name, string? description, MarketDefinition? definition, CommandContext context);

    /// <summary>Replaces the definition; an archived market is refused.</summary>
    [Alias("Define")]
    Task<MarketSnapshot> Define(MarketDefinition definition, CommandContext context);

    [Alias("Transition")]
    Task<MarketSnapshot> Transition(MarketTrigger trigger, CommandContext context);

    [Alias("GetTimeline")]
    Task<IReadOnlyList<Activity>> GetTimeline();

    /// <summary>Sets how the market prospects (sources, contacts per company, tiers and their plans).</summary>
    [Alias("ConfigureProspecting")]
    Task<MarketSnapshot> ConfigureProspecting(ProspectingSettings settings, CommandContext context);
}

[GenerateSerializer, Immutable]
[Alias("SalesOS.Markets.MarketSnapshot")]
public sealed record MarketSnapshot(
    [property: Id(0)] string WorkspaceId,
    [property: Id(1)] string MarketId,
    [property: Id(2)] string Name,
    [property: Id(3)] string? Description,
    [property: Id(4)] MarketState State,
    [property: Id(5)] MarketDefinition Definition,
    [property: Id(6)] long Version,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] DateTimeOffset UpdatedAt,
    [property: Id(9)] ProspectingSettings? Prospecting = null)
{
    public ProspectingSettings Settings => Prospecting ?? new ProspectingSettings();
}

/// <summary>Published on <see cref="StreamIds.MarketEvents"/> (stream key: workspace id); activating a market starts prospecting.</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Markets.MarketChanged")]
public sealed record MarketChanged(
    [property: Id(0)] Guid EventId,
    [property: Id(1)] long Sequence,
    [property: Id(2)] Activity Activity,
    [property: Id(3)] MarketSnapshot Market);

[GenerateSerializer, Immutable]
[Alias("SalesOS.Markets.MarketListItem")]
public sealed record MarketListItem(
    [property: Id(0)] string MarketId,
    [property: Id(1)] string Name,
    [property: Id(2)] MarketState State,
    [property: Id(3)] long Version);
