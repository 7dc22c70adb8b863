using SalesOS.Contracts.Domain;

namespace SalesOS.Contracts.Companies;

/// <summary>
/// One company of one workspace, keyed "{workspaceId}/{normalised domain}" (<see cref="Domain.WorkspaceKey"/>),
/// so a company found twice is the same grain: duplicates merge by construction.
/// </summary>
[Alias("SalesOS.Companies.ICompanyGrain")]
public interface ICompanyGrain : IGrainWithStringKey
{
    /// <summary>The company, or null when nobody registered it.</summary>
    [Alias("Get")]
    Task<CompanySnapshot?> Get();

    /// <summary>Registers the company (state Sourced) or merges a duplicate sighting into it.</summary>
    [Alias("Register")]
    Task<CompanySnapshot> Register(CompanyRegistration registration, CommandContext context);

    /// <summary>Moves the company through its funnel; an illegal move raises TransitionRefusedException.</summary>
    [Alias("Transition")]
    Task<CompanySnapshot> Transition(CompanyTrigger trigger, CommandContext context);

    [Alias("GetTimeline")]
    Task<IReadOnlyList<Activity>> GetTimeline();
}

/// <summary>What a source knows about a company when it reports it.</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Companies.CompanyRegistration")]
public sealed record CompanyRegistration(
    [property: Id(0)] string Source,
    [property: Id(1)] string? Name = null,
    [property: Id(2)] string? Industry = null,
    [property: Id(3)] int? EmployeeCount = null,
    [property: Id(4)] decimal? AnnualRevenueUsd = null,
    [property: Id(5)] string? Country = null,
    [property: Id(6)] IReadOnlyList<string>? Technologies = null,
    [property: Id(7)] string? MarketId = null,
    [property: Id(8)] string? Owner = null);

[GenerateSerializer, Immutable]
[Alias("SalesOS.Companies.CompanySnapshot")]
public sealed record CompanySnapshot(
    [property: Id(0)] string WorkspaceId,
    [property: Id(1)] string Domain,
    [property: Id(2)] CompanyState State,
    [property: Id(3)] string? FailureReason,
    [property: Id(4)] string Name,
    [property: Id(5)] string? Industry,
    [property: Id(6)] int? EmployeeCount,
    [property: Id(7)] decimal? AnnualRevenueUsd,
    [property: Id(8)] string? Country,
    [property: Id(9)] IReadOnlyList<string> Technologies,
    [property: Id(10)] IReadOnlyList<string> MarketIds,
    [property: Id(11)] IReadOnlyList<string> Sources,
    [property: Id(12)] string? Owner,
    [property: Id(13)] double? FitScore,
    [property: Id(14)] double? IntentScore,
    [property: Id(15)] long Version,
    [property: Id(16)] DateTimeOffset CreatedAt,
    [property: Id(17)] DateTimeOffset UpdatedAt);

/// <summary>Published on <see cref="StreamIds.CompanyEvents"/> (stream key: workspace id) for every accepted change.</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Companies.CompanyChanged")]
public sealed record CompanyChanged(
    [property: Id(0)] Guid EventId,
    [property: Id(1)] long Sequence,
    [property: Id(2)] Activity Activity,
    [property: Id(3)] CompanySnapshot Company);
