namespace SalesOS.Grains.Commands;

/// <summary>
/// The keys of the last notifications a grain applied (an agent's report, a tracked open, an inbound
/// message), persisted with its state so a redelivered one has no second effect. Unlike
/// <see cref="IdempotencyLog{TResult}"/> it keeps no answers: notifications need none. Oldest first out.
/// </summary>
[GenerateSerializer]
[Alias("SalesOS.Commands.SeenKeys")]
public sealed class SeenKeys
{
    public const int Capacity = 512;

    [Id(0)] public Queue<string> Keys { get; set; } = new();

    /// <summary>Records the key; false when it was already there (a repeat).</summary>
    public bool Add(string key)
    {
        if (Keys.Contains(key, StringComparer.Ordinal))
        {
            return false;
        }

        Keys.Enqueue(key);
        while (Keys.Count > Capacity)
        {
            Keys.Dequeue();
        }

        return true;
    }
}
