using System.Collections.Concurrent;

namespace SalesOS.Integrations.Web;

/// <summary>
/// Spaces requests to one host: each caller books the next free slot (last slot + delay) and waits for it,
/// so concurrent crawls of the same host queue up instead of bursting.
/// </summary>
internal sealed class HostPoliteness(TimeProvider time)
{
    private const int PruneAbove = 50_000;
    private readonly ConcurrentDictionary<string, Slot> slots = new(StringComparer.OrdinalIgnoreCase);

    public async ValueTask WaitTurnAsync(string host, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        var now = time.GetUtcNow();
        if (slots.Count > PruneAbove)
        {
            Prune(now);
        }

        var slot = slots.GetOrAdd(host, static _ => new Slot());
        DateTimeOffset at;
        lock (slot)
        {
            at = slot.Next > now ? slot.Next : now;
            slot.Next = at + delay;
        }

        var wait = at - now;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (host, slot) in slots)
        {
            if (slot.Next < now)
            {
                slots.TryRemove(host, out _);
            }
        }
    }

    private sealed class Slot
    {
        public DateTimeOffset Next { get; set; } = DateTimeOffset.MinValue;
    }
}
