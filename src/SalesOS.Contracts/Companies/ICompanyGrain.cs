using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Prospecting;

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

    /// <summary>Records a buying signal (hiring, funding, news, website change, ...) with its evidence.</summary>
    [Alias("AddSignal")]
    Task<CompanySnapshot> AddSignal(CompanySignal signal, CommandContext context);

    /// <summary>Records a fit or intent score with the explanation of how it was reached.</summary>
    [Alias("RecordScore")]
    Task<CompanySnapshot> RecordScore(ScoreKind kind, ScoreExplanation score, CommandContext context);

    /// <summary>
    /// An agent asks to run <paramref name="step"/> for the company as it was at <paramref name="seenVersion"/>.
    /// Returns the attempt number when the step is due and nobody else runs it, null otherwise (an old or
    /// repeated event, a step already done). Claiming enrichment moves the company to Enriching.
    /// </summary>
    [Alias("ClaimStep")]
    Task<int?> ClaimStep(ProspectingStep step, long seenVersion);

    /// <summary>Stores what enrichment found (fields with provenance, technologies, signals, fit and intent) and moves to Enriched.</summary>
    [Alias("CompleteEnrichment")]
    Task<CompanySnapshot> CompleteEnrichment(CompanyEnrichment enrichment, CommandContext context);

    /// <summary>A step failed: a transient failure is retried later (timed by a reminder) until the last attempt fails the company.</summary>
    [Alias("ReportStepFailure")]
    Task<CompanySnapshot> ReportStepFailure(ProspectingStep step, int attempt, string error, bool transient, CommandContext context);

    /// <summary>Stores the chosen contacts and moves to ContactsFound.</summary>
    [Alias("RecordContacts")]
    Task<CompanySnapshot> RecordContacts(IReadOnlyList<ChosenContact> contacts, string summary, CommandContext context);

    /// <summary>Stores priority, tier and outreach plan; the first time moves ContactsFound → Scored and raises the enrolment.</summary>
    [Alias("ApplyPriority")]
    Task<CompanySnapshot> ApplyPriority(CompanyPriority priority, CommandContext context);

    /// <summary>Asks the enrichment agent to read the website again (change detection). False when the company is not in a state to be re-read.</summary>
    [Alias("RequestRecrawl")]
    Task<bool> RequestRecrawl(CommandContext context);

    /// <summary>The people and addresses enrichment found on the website, for the contact finder.</summary>
    [Alias("GetWebFindings")]
    Task<WebFindings> GetWebFindings();

    /// <summary>Starts the automatic steps again where they stand (a market was activated, an operator asked). False when there is nothing to do.</summary>
    [Alias("Nudge")]
    Task<bool> Nudge(CommandContext context);

    /// <summary>
    /// The engagement agent's latest score for one of the company's people; the company's engagement is
    /// the sum over its people. Raises an "engagement" activity (which the scoring agent rescores on) when
    /// it moved enough to matter.
    /// </summary>
    [Alias("RecordEngagement")]
    Task<CompanySnapshot> RecordEngagement(string contactIdentity, double value, DateTimeOffset at, CommandContext context);
}

public enum ScoreKind
{
    Fit,
    Intent,
}

/// <summary>A buying signal and where it was seen.</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Companies.CompanySignal")]
public sealed record CompanySignal(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Summary,
    [property: Id(2)] string? EvidenceUrl,
    [property: Id(3)] string? Snippet,
    [property: Id(4)] DateTimeOffset ObservedAt);

/// <summary>A score from 0 to 1 and the criteria that made it, each with its contribution and reason.</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Companies.ScoreExplanation")]
public sealed record ScoreExplanation(
    [property: Id(0)] double Score,
    [property: Id(1)] IReadOnlyList<ScoreFactor> Factors);

[GenerateSerializer, Immutable]
[Alias("SalesOS.Companies.ScoreFactor")]
public sealed record ScoreFactor(
    [property: Id(0)] string Criterion,
    [property: Id(1)] double Contribution,
    [property: Id(2)] string Reason);

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
    [property: Id(17)] DateTimeOffset UpdatedAt,
    [property: Id(18)] IReadOnlyList<CompanySignal>? Signals = null,
    [property: Id(19)] ScoreExplanation? Fit = null,
    [property: Id(20)] ScoreExplanation? Intent = null,
    [property: Id(21)] ScoreExplanation? Priority = null,
    [property: Id(22)] int? Tier = null,
    [property: Id(23)] IReadOnlyList<string>? Channels = null,
    [property: Id(24)] string? SequenceId = null,
    [property: Id(25)] IReadOnlyList<ChosenContact>? Contacts = null,
    /// <summary>Per field, the value in force and the source it came from; <see cref="Claims"/> holds what every source said.</summary>
    [property: Id(26)] IReadOnlyList<FieldSource>? Provenance = null,
    [property: Id(27)] int Attempts = 0,
    [property: Id(28)] string? LastError = null,
    [property: Id(29)] DateTimeOffset? NextAttemptAt = null,
    [property: Id(30)] IReadOnlyList<FieldSource>? Claims = null,
    [property: Id(31)] decimal ProviderSpend = 0,
    /// <summary>Engagement of the company's people (decayed sum of their scores, as of <see cref="EngagementAt"/>).</summary>
    [property: Id(32)] double EngagementValue = 0,
    [property: Id(33)] DateTimeOffset? EngagementAt = null)
{
    public double? PriorityScore => Priority?.Score;
}

/// <summary>Published on <see cref="StreamIds.CompanyEvents"/> (stream key: workspace id) for every accepted change.</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Companies.CompanyChanged")]
public sealed record CompanyChanged(
    [property: Id(0)] Guid EventId,
    [property: Id(1)] long Sequence,
    [property: Id(2)] Activity Activity,
    [property: Id(3)] CompanySnapshot Company);
