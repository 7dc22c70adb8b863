namespace SalesOS.Contracts.Errors;

/// <summary>
/// A command was refused because the database could not be reached. Nothing of it was applied: the
/// grain reloads its state from storage before the next call. Safe to retry with the same idempotency key.
/// </summary>
[GenerateSerializer]
[Alias("SalesOS.Errors.StorageUnavailableException")]
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
