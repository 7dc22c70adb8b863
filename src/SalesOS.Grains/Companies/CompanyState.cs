using SalesOS.Contracts.Companies;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Prospecting;
using SalesOS.Grains.Commands;
using SalesOS.Grains.Entities;
using SalesOS.Grains.Eventing;

namespace SalesOS.Grains.Companies;

[GenerateSerializer]
[Alias("SalesOS.Companies.CompanyRecord")]
public sealed class CompanyRecord : IEntityRecord<CompanySnapshot, CompanyChanged>
{
    [Id(0)] public bool Registered { get; set; }
    [Id(1)] public CompanyState State { get; set; }
    [Id(2)] public string? FailureReason { get; set; }
    [Id(3)] public string Name { get; set; } = "";
    [Id(4)] public string? Industry { get; set; }
    [Id(5)] public int? EmployeeCount { get; set; }
    [Id(6)] public decimal? AnnualRevenueUsd { get; set; }
    [Id(7)] public string? Country { get; set; }
    [Id(8)] public List<string> Technologies { get; set; } = [];
    [Id(9)] public List<string> MarketIds { get; set; } = [];
    [Id(10)] public List<string> Sources { get; set; } = [];
    [Id(11)] public string? Owner { get; set; }
    [Id(12)] public double? FitScore { get; set; }
    [Id(13)] public double? IntentScore { get; set; }
    [Id(14)] public long Version { get; set; }
    [Id(15)] public DateTimeOffset CreatedAt { get; set; }
    [Id(16)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(17)] public List<Activity> Timeline { get; set; } = [];
    [Id(18)] public IdempotencyLog<CompanySnapshot> AppliedCommands { get; set; } = new();
    [Id(19)] public OutboxState<CompanyChanged> Outbox { get; set; } = new();
    [Id(20)] public List<CompanySignal> Signals { get; set; } = [];
    [Id(21)] public ScoreExplanation? Fit { get; set; }
    [Id(22)] public ScoreExplanation? Intent { get; set; }
    [Id(23)] public ScoreExplanation? Priority { get; set; }
    [Id(24)] public int? Tier { get; set; }
    [Id(25)] public List<string> Channels { get; set; } = [];
    [Id(26)] public string? SequenceId { get; set; }
    [Id(27)] public List<ChosenContact> Contacts { get; set; } = [];
    [Id(28)] public Dictionary<string, FieldSource> Provenance { get; set; } = [];
    [Id(29)] public Dictionary<string, string> PageFingerprints { get; set; } = [];

    /// <summary>Attempts of the step now running (reset when a step succeeds).</summary>
    [Id(30)] public int Attempts { get; set; }
    [Id(31)] public string? LastError { get; set; }
    [Id(32)] public DateTimeOffset? NextAttemptAt { get; set; }
    [Id(33)] public ProspectingStep? RetryStep { get; set; }
    [Id(34)] public bool WatchdogRegistered { get; set; }
    [Id(37)] public List<WebPerson> WebPeople { get; set; } = [];
    [Id(38)] public List<string> EmailsSeen { get; set; } = [];
    [Id(40)] public bool RecrawlDue { get; set; }

    /// <summary>What each source said about each field, and when (newest kept, bounded).</summary>
    [Id(41)] public List<FieldSource> Claims { get; set; } = [];

    /// <summary>What data providers have charged for this company so far (their credits), summed over enrichments.</summary>
    [Id(42)] public decimal ProviderSpend { get; set; }

    /// <summary>The latest engagement score of each of the company's people (decayed value and its time).</summary>
    [Id(43)] public Dictionary<string, EngagementPoint> PeopleEngagement { get; set; } = [];

    /// <summary>The company's normalised engagement when it last asked for a rescoring.</summary>
    [Id(44)] public double EngagementAtLastRescore { get; set; }
}

[GenerateSerializer, Immutable]
[Alias("SalesOS.Companies.EngagementPoint")]
public sealed record EngagementPoint([property: Id(0)] double Value, [property: Id(1)] DateTimeOffset At);
