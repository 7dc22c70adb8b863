using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Orleans.Streams.Core;
using SalesOS.Contracts;
using SalesOS.Contracts.Companies;
using SalesOS.Contracts.ReadModel;
using SalesOS.Storage.ReadModel;

namespace SalesOS.Grains.ReadModel;

/// <summary>
/// Projects one workspace's <see cref="CompanyChanged"/> stream into the companies table. Events are
/// buffered briefly and written in one transaction; a row only moves forward in version, so
/// redeliveries and replays change nothing. An event buffered when the silo dies comes back through
/// its company's outbox redelivery.
/// </summary>
[ImplicitStreamSubscription(StreamIds.CompanyEvents)]
public sealed class CompanyProjectionGrain(CompanyReadModel readModel, TimeProvider clock, ILogger<CompanyProjectionGrain> logger)
    : Grain, IGrainWithStringKey, IStreamSubscriptionObserver, IAsyncObserver<CompanyChanged>
{
    private const int BatchSize = 256;
    private static readonly TimeSpan FlushDelay = TimeSpan.FromMilliseconds(50);
    private static readonly Meter Meter = new("SalesOS.ReadModel");
    private static readonly Histogram<double> LagHistogram = Meter.CreateHistogram<double>("salesos.projection.lag", "ms", "Time from a company event being raised to its read-model row being written.");

    private readonly Dictionary<string, (CompanySnapshot Company, DateTimeOffset RaisedAt)> pending = [];
    private IGrainTimer? flushTimer;
    private int eventsPending;

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
        => await handleFactory.Create<CompanyChanged>().ResumeAsync(this);

    public async Task OnNextAsync(CompanyChanged item, StreamSequenceToken? token = null)
    {
        eventsPending++;
        // Only the newest snapshot of a company matters; older ones in the same batch are skipped.
        if (!pending.TryGetValue(item.Company.Domain, out var existing) || existing.Company.Version < item.Company.Version)
        {
            pending[item.Company.Domain] = (item.Company, item.Activity.At);
        }

        if (pending.Count >= BatchSize)
        {
            await FlushAsync();
        }
        else
        {
            flushTimer ??= this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(FlushDelay, Timeout.InfiniteTimeSpan) { Interleave = false });
        }
    }

    public Task OnCompletedAsync() => FlushAsync();

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => FlushAsync();

    private async Task FlushAsync()
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
        try
        {
            await readModel.UpsertAsync(batch.Select(b => b.Company).ToList());
        }
        catch (Exception e)
        {
            // The rows come again with the companies' outbox redeliveries; keep them for the next flush too.
            logger.LogWarning(e, "Projecting {Count} companies of {Workspace} failed; retrying", batch.Count, this.GetPrimaryKeyString());
            foreach (var (company, raisedAt) in batch)
            {
                pending.TryAdd(company.Domain, (company, raisedAt));
            }

            eventsPending += events;

            flushTimer = this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan) { Interleave = false });
            return;
        }

        var now = clock.GetUtcNow();
        var lags = batch.Select(b => Math.Max(0, (now - b.RaisedAt).TotalMilliseconds)).ToList();
        foreach (var lag in lags)
        {
            LagHistogram.Record(lag);
        }

        await GrainFactory.GetGrain<IProjectionMonitorGrain>(0).Report("companies", events, lags);
    }
}
