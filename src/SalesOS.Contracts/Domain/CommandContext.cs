namespace SalesOS.Contracts.Domain;

/// <summary>
/// Who asks for a command and why, carried into the entity's timeline. <see cref="IdempotencyKey"/>
/// makes a retried command have one effect and return the first answer.
/// </summary>
/// <param name="Actor">"user:&lt;api key id&gt;", "agent:&lt;agent name&gt;" or "system".</param>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Domain.CommandContext")]
public sealed record CommandContext(
    [property: Id(0)] string Actor,
    [property: Id(1)] string? IdempotencyKey = null,
    [property: Id(2)] string? Reason = null);

/// <summary>One entry of an entity's timeline: who or which agent did what, when, and why.</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Domain.Activity")]
public sealed record Activity(
    [property: Id(0)] Guid Id,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Actor,
    [property: Id(3)] string Kind,
    [property: Id(4)] string Summary,
    [property: Id(5)] string? Reason = null,
    [property: Id(6)] string? FromState = null,
    [property: Id(7)] string? ToState = null);
