namespace SalesOS.Grains.Commands;

/// <summary>
/// The idempotency keys of the last commands a grain applied, with the answer each got, persisted
/// with the grain's state: a command retried after a timeout or a crash has its effect once and gets
/// the first answer again. Oldest keys are forgotten first.
/// </summary>
[GenerateSerializer]
[Alias("SalesOS.Commands.IdempotencyLog`1")]
public sealed class IdempotencyLog<TResult>
{
    public const int Capacity = 256;

    [Id(0)] public Queue<KeyValuePair<string, TResult>> Entries { get; set; } = new();

    public bool TryGet(string? key, out TResult result)
    {
        foreach (var entry in Entries)
        {
            if (key is not null && string.Equals(entry.Key, key, StringComparison.Ordinal))
            {
                result = entry.Value;
                return true;
            }
        }

        result = default!;
        return false;
    }

    public void Record(string? key, TResult result)
    {
        if (key is null)
        {
            return;
        }

        Entries.Enqueue(new KeyValuePair<string, TResult>(key, result));
        while (Entries.Count > Capacity)
        {
            Entries.Dequeue();
        }
    }
}
