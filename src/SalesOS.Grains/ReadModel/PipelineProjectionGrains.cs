using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Orleans.Streams;
using Orleans.Streams.Core;
using SalesOS.Contracts;
using SalesOS.Contracts.Deals;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Markets;
using SalesOS.Contracts.ReadModel;
using SalesOS.Storage.ReadModel;

namespace SalesOS.Grains.ReadModel;

/// <summary>Projects one workspace's <see cref="DealChanged"/> stream into the deals table.</summary>
[ImplicitStreamSubscription(StreamIds.DealEvents)]
public sealed class DealProjectionGrain : Grain, IGrainWithStringKey, IStreamSubscriptionObserver, IAsyncObserver<DealChanged>
{
    private readonly ProjectionBatch<DealSnapshot> batch;

    public DealProjectionGrain(PipelineReadModel readModel, IGrainFactory grainFactory, TimeProvider clock, ILogger<DealProjectionGrain> logger)
        => batch = new ProjectionBatch<DealSnapshot>(this, "deals", d => d.DealId, d => d.Version, rows => readModel.UpsertDealsAsync(rows), grainFactory, clock, logger);

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) => await handleFactory.Create<DealChanged>().ResumeAsync(this);

    public Task OnNextAsync(DealChanged item, StreamSequenceToken? token = null) => batch.AddAsync(item.Deal, item.Activity.At);

    public Task OnCompletedAsync() => batch.FlushAsync();

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => batch.FlushAsync();
}

/// <summary>Projects one workspace's <see cref="MarketChanged"/> stream into the markets table.</summary>
[ImplicitStreamSubscription(StreamIds.MarketEvents)]
public sealed class MarketProjectionGrain : Grain, IGrainWithStringKey, IStreamSubscriptionObserver, IAsyncObserver<MarketChanged>
{
    private readonly ProjectionBatch<MarketSnapshot> batch;

    public MarketProjectionGrain(PipelineReadModel readModel, IGrainFactory grainFactory, TimeProvider clock, ILogger<MarketProjectionGrain> logger)
        => batch = new ProjectionBatch<MarketSnapshot>(this, "markets", m => m.MarketId, m => m.Version, rows => readModel.UpsertMarketsAsync(rows), grainFactory, clock, logger);

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) => await handleFactory.Create<MarketChanged>().ResumeAsync(this);

    public Task OnNextAsync(MarketChanged item, StreamSequenceToken? token = null) => batch.AddAsync(item.Market, item.Activity.At);

    public Task OnCompletedAsync() => batch.FlushAsync();

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => batch.FlushAsync();
}

[StatelessWorker]
public sealed class PipelineQueryGrain(PipelineReadModel readModel) : Grain, IPipelineQueryGrain
{
    public Task<DealPage> Deals(string workspaceId, DealState? state, string? owner, string? companyDomain, int limit, string? cursor)
        => readModel.DealsAsync(workspaceId, state, owner, companyDomain, limit, cursor);

    public Task<IReadOnlyList<MarketListItem>> Markets(string workspaceId, MarketState? state) => readModel.MarketsAsync(workspaceId, state);
}
