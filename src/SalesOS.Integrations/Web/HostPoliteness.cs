using System.Collections.Concurrent;

namespace SalesOS.Integrations.Web;

/// <summary>
/// Spaces requests to one host: callers for the same host take turns, and each waits until the delay has
/// passed since the previous request went out, so concurrent crawls of a host queue up instead of bursting.
/// </summary>
internal sealed class HostPoliteness(TimeProvider time)
{
    private const int PruneAbove = 50_000;
    private readonly ConcurrentDictionary<string, Slot> slots = new(StringComparer.OrdinalIgnoreCase);

    public async ValueTask WaitTurnAsync(string host, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (slots.Count > PruneAbove)
        {
            Prune(time.GetUtcNow());
        }

        var slot = slots.GetOrAdd(host, static _ => new Slot());
        if (delay <= TimeSpan.Zero)
        {
            // Still recorded, so a Crawl-delay learnt from robots.txt counts from the robots.txt request itself.
            slot.Last = time.GetUtcNow();
            return;
        }

        await slot.Turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var wait = slot.Last + delay - time.GetUtcNow();
            if (slot.Last != DateTimeOffset.MinValue && wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }

            slot.Last = time.GetUtcNow();
        }
        finally
        {
            slot.Turn.Release();
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (host, slot) in slots)
        {
            if (slot.Last < now - TimeSpan.FromMinutes(5) && slot.Turn.CurrentCount == 1)
            {
                slots.TryRemove(host, out _);
            }
        }
    }

    private sealed class Slot
    {
        private long lastTicks = DateTimeOffset.MinValue.UtcTicks;

        public SemaphoreSlim Turn { get; } = new(1, 1);

        public DateTimeOffset Last
        {
            get => new(Interlocked.Read(ref lastTicks), TimeSpan.Zero);
            set => Interlocked.Exchange(ref lastTicks, value.UtcTicks);
        }
    }
}
