namespace SalesOS.Contracts.Errors;

/// <summary>One problem with a submitted field: its path (like "steps[1].variants[0].body") and why.</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Errors.FieldProblem")]
public sealed record FieldProblem(
    [property: Id(0)] string Field,
    [property: Id(1)] string Reason);

/// <summary>A command refused as a whole because of its content, with every problem found (REST: 400 naming each field).</summary>
[GenerateSerializer]
[Alias("SalesOS.Errors.InvalidFieldsException")]
public sealed class InvalidFieldsException : Exception
{
    public InvalidFieldsException()
    {
    }

    public InvalidFieldsException(string message)
        : base(message)
    {
    }

    public InvalidFieldsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InvalidFieldsException(IReadOnlyList<FieldProblem> problems)
        : base(string.Join("; ", problems.Select(p => $"{p.Field}: {p.Reason}")))
        => Problems = problems;

    [Id(0)] public IReadOnlyList<FieldProblem> Problems { get; init; } = [];
}
