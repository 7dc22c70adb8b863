namespace SalesOS.Testing;

/// <summary>
/// Fault injection for tests: while <see cref="FailPublishing"/> is set, every hand-over of an event
/// to an Orleans memory stream queue fails, as it would when the silo holding the queue is gone.
/// </summary>
public static class StreamFaults
{
    private static volatile bool failPublishing;

    public static bool FailPublishing
    {
        get => failPublishing;
        set => failPublishing = value;
    }

    public static void Install(ISiloBuilder silo) => silo.AddOutgoingGrainCallFilter(async context =>
    {
        if (failPublishing && context.InterfaceName.Contains("MemoryStreamQueueGrain", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Injected fault: the stream queue is unreachable.");
        }

        await context.Invoke();
    });
}
