using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using SalesOS.Contracts.ReadModel;

namespace SalesOS.Grains.ReadModel;

/// <summary>
/// The buffering every projection grain shares: keeps the newest change per row, writes a batch in
/// one transaction when it is full or a moment has passed, retries a failed write, and reports lag.
/// A batch lost with its silo comes back through the entities' outbox redeliveries.
/// </summary>
public sealed class ProjectionBatch<TChange>(
    Grain grain,
    string projection,
    Func<TChange, string> rowKey,
    Func<TChange, long> version,
    Func<IReadOnlyCollection<TChange>, Task<IReadOnlyCollection<string>>> write,
    IGrainFactory grainFactory,
    TimeProvider clock,
    ILogger logger)
{
    private const int BatchSize = 256;
    private static readonly TimeSpan FlushDelay = TimeSpan.FromMilliseconds(50);
    private static readonly Meter Meter = new("SalesOS.ReadModel");
    private static readonly Histogram<double> LagHistogram = Meter.CreateHistogram<double>("salesos.projection.lag", "ms", "Time from an entity event being raised to its read-model row being written.");

    private readonly Dictionary<string, (TChange Change, DateTimeOffset RaisedAt)> pending = [];
    private IGrainTimer? flushTimer;
    private int eventsPending;

    public async Task AddAsync(TChange change, DateTimeOffset raisedAt)
    {
        eventsPending++;
        var key = rowKey(change);
        if (!pending.TryGetValue(key, out var existing) || version(existing.Change) < version(change))
        {
            pending[key] = (change, raisedAt);
        }

        if (pending.Count >= BatchSize)
        {
            await FlushAsync();
        }
        else
        {
            flushTimer ??= grain.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(FlushDelay, Timeout.InfiniteTimeSpan) { Interleave = false });
        }
    }

    public async Task FlushAsync()
    {
        flushTimer?.Dispose();
        flushTimer = null;
        if (pending.Count == 0)
        {
            return;
        }

        var batch = pending.Values.ToList();
        var events = eventsPending;
        pending.Clear();
        eventsPending = 0;
        IReadOnlyCollection<string> changedRows;
        try
        {
            changedRows = await write(batch.Select(b => b.Change).ToList());
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Projecting {Count} {Projection} rows of {Grain} failed; retrying", batch.Count, projection, grain.GetGrainId());
            foreach (var item in batch)
            {
                pending.TryAdd(rowKey(item.Change), item);
            }

            eventsPending += events;
            flushTimer = grain.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan) { Interleave = false });
            return;
        }

        // Lag is the time to a row's first change: redelivered events change nothing and are not counted.
        var now = clock.GetUtcNow();
        var changedKeys = changedRows.ToHashSet();
        var lags = batch.Where(b => changedKeys.Contains(rowKey(b.Change))).Select(b => Math.Max(0, (now - b.RaisedAt).TotalMilliseconds)).ToList();
        foreach (var lag in lags)
        {
            LagHistogram.Record(lag, new KeyValuePair<string, object?>("projection", projection));
        }

        await grainFactory.GetGrain<IProjectionMonitorGrain>(0).Report(projection, events, lags);
    }
}
