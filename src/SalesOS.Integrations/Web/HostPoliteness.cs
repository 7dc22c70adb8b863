using System.Collections.Concurrent;

namespace SalesOS.Integrations.Web;

/// <summary>
/// Spaces requests to one host: callers for the same host take turns, a turn lasts until the answer
/// has been read, and the next request goes out only once the delay has passed since then. Counting
/// from the end of the previous answer (not from when it was sent) is what guarantees the host sees
/// its requests at least the delay apart, however long a request spent on the way.
/// </summary>
internal sealed class HostPoliteness(TimeProvider time)
{
    private const int PruneAbove = 50_000;
    private readonly ConcurrentDictionary<string, Slot> slots = new(StringComparer.OrdinalIgnoreCase);

    private TimeProvider Clock { get; } = time;

    /// <summary>Waits for the host's turn; dispose the turn once the answer is read.</summary>
    public async ValueTask<Turn> TakeTurnAsync(string host, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (slots.Count > PruneAbove)
        {
            Prune(Clock.GetUtcNow());
        }

        var slot = slots.GetOrAdd(host, static _ => new Slot());
        if (delay <= TimeSpan.Zero)
        {
            // No waiting, but the end of the request is still recorded, so a Crawl-delay learnt from
            // robots.txt counts from the robots.txt request itself.
            return new Turn(this, slot, holdsGate: false);
        }

        await slot.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var wait = slot.Last + delay - Clock.GetUtcNow();
            if (slot.Last != DateTimeOffset.MinValue && wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, Clock, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            slot.Gate.Release();
            throw;
        }

        return new Turn(this, slot, holdsGate: true);
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (host, slot) in slots)
        {
            if (slot.Last < now - TimeSpan.FromMinutes(5) && slot.Gate.CurrentCount == 1)
            {
                slots.TryRemove(host, out _);
            }
        }
    }

    /// <summary>One request's turn at a host.</summary>
    public readonly struct Turn : IDisposable
    {
        private readonly HostPoliteness owner;
        private readonly Slot slot;
        private readonly bool holdsGate;

        internal Turn(HostPoliteness owner, Slot slot, bool holdsGate)
        {
            this.owner = owner;
            this.slot = slot;
            this.holdsGate = holdsGate;
        }

        public void Dispose()
        {
            slot.Last = owner.Clock.GetUtcNow();
            if (holdsGate)
            {
                slot.Gate.Release();
            }
        }
    }

    internal sealed class Slot
    {
        private long lastTicks = DateTimeOffset.MinValue.UtcTicks;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public DateTimeOffset Last
        {
            get => new(Interlocked.Read(ref lastTicks), TimeSpan.Zero);
            set => Interlocked.Exchange(ref lastTicks, value.UtcTicks);
        }
    }
}
