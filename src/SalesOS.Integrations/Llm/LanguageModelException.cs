namespace SalesOS.Integrations.Llm;

/// <summary>The model could not be asked, or its answer is unusable; the caller uses its offline fallback.</summary>
public sealed class LanguageModelException : Exception
{
    public LanguageModelException()
    {
    }

    public LanguageModelException(string message)
        : base(message)
    {
    }

    public LanguageModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>What the model answered, when it answered something unusable (for the log, never shown to a person).</summary>
    public string? Answer { get; init; }
}
