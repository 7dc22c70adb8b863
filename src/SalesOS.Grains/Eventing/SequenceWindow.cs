namespace SalesOS.Grains.Eventing;

/// <summary>
/// A consumer's record of which sequences of one source it has applied: everything up to
/// <see cref="Watermark"/>, plus the few above it that arrived out of order. Accepts each sequence
/// exactly once, so redelivered events change nothing, and stays small.
/// </summary>
[GenerateSerializer]
[Alias("SalesOS.Eventing.SequenceWindow")]
public sealed class SequenceWindow
{
    [Id(0)] public long Watermark { get; set; }

    [Id(1)] public SortedSet<long> Above { get; set; } = [];

    /// <summary>True the first time a sequence is offered, false for every repeat.</summary>
    public bool TryAccept(long sequence)
    {
        if (sequence <= Watermark || !Above.Add(sequence))
        {
            return false;
        }

        while (Above.Remove(Watermark + 1))
        {
            Watermark++;
        }

        return true;
    }
}
