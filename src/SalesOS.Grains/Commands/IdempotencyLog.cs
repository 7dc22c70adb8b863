namespace SalesOS.Grains.Commands;

/// <summary>
/// The idempotency keys of the last commands a grain applied, persisted with its state, so that a
/// command retried after a timeout or a crash has its effect once. Oldest keys are forgotten first.
/// </summary>
[GenerateSerializer]
[Alias("SalesOS.Commands.IdempotencyLog")]
public sealed class IdempotencyLog
{
    public const int Capacity = 256;

    [Id(0)] public Queue<string> Keys { get; set; } = new();

    public bool Contains(string key) => Keys.Contains(key, StringComparer.Ordinal);

    public void Record(string key)
    {
        Keys.Enqueue(key);
        while (Keys.Count > Capacity)
        {
            Keys.Dequeue();
        }
    }
}
