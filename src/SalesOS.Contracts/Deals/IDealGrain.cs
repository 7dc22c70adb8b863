using SalesOS.Contracts.Domain;

namespace SalesOS.Contracts.Deals;

/// <summary>An opportunity of one workspace, keyed "{workspaceId}/{dealId}" (<see cref="Domain.WorkspaceKey"/>).</summary>
[Alias("SalesOS.Deals.IDealGrain")]
public interface IDealGrain : IGrainWithStringKey
{
    [Alias("Get")]
    Task<DealSnapshot?> Get();

    /// <summary>Opens the deal in Discovery; opening it again with the same details returns it unchanged.</summary>
    [Alias("Open")]
    Task<DealSnapshot> Open(DealTerms terms, CommandContext context);

    /// <summary>Changes amount, probability, close date, requirements or next step without moving the stage.</summary>
    [Alias("Update")]
    Task<DealSnapshot> Update(DealTerms terms, CommandContext context);

    /// <summary>Moves the deal through its stages; Lose needs a reason.</summary>
    [Alias("Transition")]
    Task<DealSnapshot> Transition(DealTrigger trigger, CommandContext context);

    [Alias("GetTimeline")]
    Task<IReadOnlyList<Activity>> GetTimeline();
}

/// <summary>What a deal is about. On update, null fields keep their value.</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Deals.DealTerms")]
public sealed record DealTerms(
    [property: Id(0)] string? Name = null,
    [property: Id(1)] string? CompanyDomain = null,
    [property: Id(2)] decimal? Amount = null,
    [property: Id(3)] string? Currency = null,
    [property: Id(4)] double? Probability = null,
    [property: Id(5)] DateOnly? ExpectedCloseDate = null,
    [property: Id(6)] IReadOnlyList<string>? Requirements = null,
    [property: Id(7)] string? NextStep = null,
    [property: Id(8)] string? Owner = null);

[GenerateSerializer, Immutable]
[Alias("SalesOS.Deals.StageChange")]
public sealed record StageChange(
    [property: Id(0)] DealState Stage,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Actor);

[GenerateSerializer, Immutable]
[Alias("SalesOS.Deals.DealSnapshot")]
public sealed record DealSnapshot(
    [property: Id(0)] string WorkspaceId,
    [property: Id(1)] string DealId,
    [property: Id(2)] DealState State,
    [property: Id(3)] string Name,
    [property: Id(4)] string? CompanyDomain,
    [property: Id(5)] decimal? Amount,
    [property: Id(6)] string Currency,
    [property: Id(7)] double Probability,
    [property: Id(8)] DateOnly? ExpectedCloseDate,
    [property: Id(9)] IReadOnlyList<string> Requirements,
    [property: Id(10)] string? NextStep,
    [property: Id(11)] string? Owner,
    [property: Id(12)] string? LossReason,
    [property: Id(13)] IReadOnlyList<StageChange> StageHistory,
    [property: Id(14)] long Version,
    [property: Id(15)] DateTimeOffset CreatedAt,
    [property: Id(16)] DateTimeOffset UpdatedAt);

/// <summary>Published on <see cref="StreamIds.DealEvents"/> (stream key: workspace id).</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Deals.DealChanged")]
public sealed record DealChanged(
    [property: Id(0)] Guid EventId,
    [property: Id(1)] long Sequence,
    [property: Id(2)] Activity Activity,
    [property: Id(3)] DealSnapshot Deal);

[GenerateSerializer, Immutable]
[Alias("SalesOS.Deals.DealListItem")]
public sealed record DealListItem(
    [property: Id(0)] string DealId,
    [property: Id(1)] string Name,
    [property: Id(2)] DealState State,
    [property: Id(3)] string? CompanyDomain,
    [property: Id(4)] decimal? Amount,
    [property: Id(5)] string Currency,
    [property: Id(6)] double Probability,
    [property: Id(7)] string? Owner,
    [property: Id(8)] string? ExpectedCloseDate,
    [property: Id(9)] long Version);

[GenerateSerializer, Immutable]
[Alias("SalesOS.Deals.DealPage")]
public sealed record DealPage([property: Id(0)] IReadOnlyList<DealListItem> Items, [property: Id(1)] string? NextCursor);
