namespace SalesOS.Contracts.Errors;

/// <summary>A well-formed command the entity refuses for a business reason (REST: 422 naming the field).</summary>
[GenerateSerializer]
[Alias("SalesOS.Errors.CommandRejectedException")]
public sealed class CommandRejectedException : Exception
{
    public CommandRejectedException()
    {
    }

    public CommandRejectedException(string message)
        : base(message)
    {
    }

    public CommandRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CommandRejectedException(string field, string message, bool _)
        : base(message) => Field = field;

    [Id(0)] public string Field { get; init; } = "";
}
