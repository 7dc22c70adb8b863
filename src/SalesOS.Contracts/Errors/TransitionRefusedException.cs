namespace SalesOS.Contracts.Errors;

/// <summary>
/// A command asked an entity for a transition its state machine does not allow from its current
/// state. Nothing changed. The REST gateway answers 409 naming the state and the refused trigger.
/// </summary>
[GenerateSerializer]
[Alias("SalesOS.Errors.TransitionRefusedException")]
public sealed class TransitionRefusedException : Exception
{
    public TransitionRefusedException()
    {
    }

    public TransitionRefusedException(string message)
        : base(message)
    {
    }

    public TransitionRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TransitionRefusedException(string entity, string currentState, string trigger)
        : base($"The {entity} is {currentState}; '{trigger}' is not allowed from that state.")
    {
        Entity = entity;
        CurrentState = currentState;
        Trigger = trigger;
    }

    [Id(0)] public string Entity { get; init; } = "";

    [Id(1)] public string CurrentState { get; init; } = "";

    [Id(2)] public string Trigger { get; init; } = "";
}
