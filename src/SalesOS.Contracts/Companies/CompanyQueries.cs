using SalesOS.Contracts.Domain;

namespace SalesOS.Contracts.Companies;

public enum CompanySort
{
    Domain,
    Name,
    UpdatedAt,
    FitScore,
    IntentScore,
    Priority,
}

/// <summary>A filtered, sorted page of a workspace's companies from the read model. <see cref="Cursor"/> continues a previous page.</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Companies.CompanyQuery")]
public sealed record CompanyQuery(
    [property: Id(0)] string WorkspaceId,
    [property: Id(1)] CompanyState? State = null,
    [property: Id(2)] string? MarketId = null,
    [property: Id(3)] string? Owner = null,
    [property: Id(4)] string? Industry = null,
    [property: Id(5)] string? Technology = null,
    [property: Id(6)] double? MinFitScore = null,
    [property: Id(7)] double? MaxFitScore = null,
    [property: Id(8)] double? MinIntentScore = null,
    [property: Id(9)] double? MaxIntentScore = null,
    [property: Id(10)] string? Search = null,
    [property: Id(11)] CompanySort Sort = CompanySort.Domain,
    [property: Id(12)] bool Descending = false,
    [property: Id(13)] int Limit = 50,
    [property: Id(14)] string? Cursor = null,
    [property: Id(15)] int? Tier = null);

[GenerateSerializer, Immutable]
[Alias("SalesOS.Companies.CompanyListItem")]
public sealed record CompanyListItem(
    [property: Id(0)] string Domain,
    [property: Id(1)] string Name,
    [property: Id(2)] CompanyState State,
    [property: Id(3)] string? Industry,
    [property: Id(4)] int? EmployeeCount,
    [property: Id(5)] string? Country,
    [property: Id(6)] string? Owner,
    [property: Id(7)] double? FitScore,
    [property: Id(8)] double? IntentScore,
    [property: Id(9)] IReadOnlyList<string> Technologies,
    [property: Id(10)] IReadOnlyList<string> MarketIds,
    [property: Id(11)] long Version,
    [property: Id(12)] DateTimeOffset UpdatedAt,
    [property: Id(13)] double? Priority = null,
    [property: Id(14)] int? Tier = null,
    [property: Id(15)] string? FailureReason = null,
    [property: Id(16)] ScoreExplanation? Explanation = null);

[GenerateSerializer, Immutable]
[Alias("SalesOS.Companies.CompanyPage")]
public sealed record CompanyPage(
    [property: Id(0)] IReadOnlyList<CompanyListItem> Items,
    [property: Id(1)] string? NextCursor);

/// <summary>How many companies are in each funnel state (every state listed, zeros included).</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Companies.CompanyFunnel")]
public sealed record CompanyFunnel(
    [property: Id(0)] string WorkspaceId,
    [property: Id(1)] string? MarketId,
    [property: Id(2)] IReadOnlyDictionary<CompanyState, int> Counts,
    [property: Id(3)] int Total);
