using SalesOS.Contracts.Companies;

namespace SalesOS.Contracts.Prospecting;

/// <summary>The automatic steps a company goes through after it is sourced, each owned by one agent.</summary>
public enum ProspectingStep
{
    Enrich,
    FindContacts,
    Score,
}

/// <summary>Where one company field's current value came from.</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Prospecting.FieldSource")]
public sealed record FieldSource(
    [property: Id(0)] string Field,
    [property: Id(1)] string Value,
    [property: Id(2)] string Source,
    [property: Id(3)] DateTimeOffset At);

/// <summary>What the enrichment agent learnt about a company in one pass.</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Prospecting.CompanyEnrichment")]
public sealed record CompanyEnrichment(
    [property: Id(0)] int Attempt,
    [property: Id(1)] IReadOnlyList<FieldSource> Fields,
    [property: Id(2)] IReadOnlyList<string> Technologies,
    [property: Id(3)] IReadOnlyList<CompanySignal> Signals,
    [property: Id(4)] IReadOnlyDictionary<string, string> PageFingerprints,
    [property: Id(5)] ScoreExplanation Fit,
    [property: Id(6)] ScoreExplanation Intent,
    [property: Id(7)] string Summary,
    /// <summary>What the provider calls of this pass cost (credits); each call's cost is in <see cref="Summary"/>.</summary>
    [property: Id(8)] decimal ProviderCost,
    [property: Id(9)] IReadOnlyList<WebPerson>? People = null,
    [property: Id(10)] IReadOnlyList<string>? EmailsSeen = null);

/// <summary>A person a company's website names (team, about, leadership pages), with the page that says so.</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Prospecting.WebPerson")]
public sealed record WebPerson(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Title,
    [property: Id(2)] string EvidenceUrl);

/// <summary>What enrichment kept for the contact finder: the people the website names and the addresses it shows.</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Prospecting.WebFindings")]
public sealed record WebFindings(
    [property: Id(0)] IReadOnlyList<WebPerson> People,
    [property: Id(1)] IReadOnlyList<string> EmailsSeen);

/// <summary>A contact the contact finder chose for a company, and why.</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Prospecting.ChosenContact")]
public sealed record ChosenContact(
    [property: Id(0)] string Identity,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Title,
    [property: Id(3)] double BuyingAuthority,
    [property: Id(4)] string Reason);

/// <summary>The scoring agent's verdict: priority with its explanation, tier within the market, and the outreach plan.</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Prospecting.CompanyPriority")]
public sealed record CompanyPriority(
    [property: Id(0)] string MarketId,
    [property: Id(1)] ScoreExplanation Priority,
    [property: Id(2)] int Tier,
    [property: Id(3)] IReadOnlyList<string> Channels,
    [property: Id(4)] string SequenceId);

/// <summary>How a market prospects: its sources, how many contacts per company, the tier cut-offs and the plan per tier.</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Prospecting.ProspectingSettings")]
public sealed record ProspectingSettings
{
    /// <summary>Sources run when the market is activated: "demo" (sample data), or a provider name such as "apollo". Imports need none.</summary>
    [Id(0)] public IReadOnlyList<string> Sources { get; init; } = [];

    [Id(1)] public int ContactsPerCompany { get; init; } = 3;

    /// <summary>Share of the market's companies in Tier 1 (the top), then Tier 2; the rest are Tier 3.</summary>
    [Id(2)] public double Tier1Share { get; init; } = 0.20;

    [Id(3)] public double Tier2Share { get; init; } = 0.30;

    [Id(4)] public IReadOnlyList<TierPlan> Plans { get; init; } = DefaultPlans;

    /// <summary>How many sample companies the demo source creates.</summary>
    [Id(5)] public int DemoCompanies { get; init; } = 50;

    /// <summary>Most companies a provider source brings in per activation.</summary>
    [Id(6)] public int SourceLimit { get; init; } = 500;

    public static IReadOnlyList<TierPlan> DefaultPlans { get; } =
    [
        new(1, ["email", "linkedin", "phone"], "tier-1-multichannel"),
        new(2, ["email", "linkedin"], "tier-2-email-linkedin"),
        new(3, ["email"], "tier-3-email"),
    ];
}

[GenerateSerializer, Immutable]
[Alias("SalesOS.Prospecting.TierPlan")]
public sealed record TierPlan(
    [property: Id(0)] int Tier,
    [property: Id(1)] IReadOnlyList<string> Channels,
    [property: Id(2)] string SequenceId);

/// <summary>The kinds of <see cref="Companies.CompanySignal"/> the agents raise.</summary>
public static class SignalKinds
{
    public const string Hiring = "hiring";
    public const string Funding = "funding";
    public const string News = "news";
    public const string WebsiteChange = "website-change";
    public const string Technology = "technology";
    public const string Pricing = "pricing";
}
