namespace SalesOS.Contracts.Markets;

/// <summary>An ideal customer profile: who to find, and who to leave alone.</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Markets.MarketDefinition")]
public sealed record MarketDefinition
{
    [Id(0)] public IReadOnlyList<string> Industries { get; init; } = [];
    [Id(1)] public IReadOnlyList<string> BusinessModels { get; init; } = [];
    [Id(2)] public EmployeeRange? Employees { get; init; }
    [Id(3)] public RevenueRange? Revenue { get; init; }
    [Id(4)] public IReadOnlyList<string> Geographies { get; init; } = [];
    [Id(5)] public IReadOnlyList<string> Technologies { get; init; } = [];
    [Id(6)] public IReadOnlyList<string> GrowthSignals { get; init; } = [];
    [Id(7)] public IReadOnlyList<string> PainPoints { get; init; } = [];
    [Id(8)] public IReadOnlyList<BuyerPersona> Personas { get; init; } = [];
    [Id(9)] public IReadOnlyList<string> Exclusions { get; init; } = [];

    /// <summary>Phrases of a one-line description the parser did not understand, for the user to check.</summary>
    [Id(10)] public IReadOnlyList<string> Unparsed { get; init; } = [];
}

[GenerateSerializer, Immutable]
[Alias("SalesOS.Markets.EmployeeRange")]
public sealed record EmployeeRange([property: Id(0)] int? Min, [property: Id(1)] int? Max);

[GenerateSerializer, Immutable]
[Alias("SalesOS.Markets.RevenueRange")]
public sealed record RevenueRange([property: Id(0)] decimal? MinUsd, [property: Id(1)] decimal? MaxUsd);

[GenerateSerializer, Immutable]
[Alias("SalesOS.Markets.BuyerPersona")]
public sealed record BuyerPersona([property: Id(0)] string Title, [property: Id(1)] string? Seniority, [property: Id(2)] string? Department);
