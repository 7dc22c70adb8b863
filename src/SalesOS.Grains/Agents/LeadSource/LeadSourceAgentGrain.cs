using Orleans.Streams;
using Orleans.Streams.Core;
using SalesOS.Contracts;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Markets;

namespace SalesOS.Grains.Agents.LeadSource;

/// <summary>
/// The Lead Source agent of a workspace, driven by its market events: when a market becomes active it
/// runs the market's sources (the demo source, provider searches), resumes the market's companies
/// that were waiting for it, and starts its website recrawl sweep. The work itself is a durable job per market activation
/// (<see cref="ISourcingJobGrain"/>), so a redelivered event or a crash never sources twice.
/// </summary>
[ImplicitStreamSubscription(StreamIds.MarketEvents)]
public sealed class LeadSourceAgentGrain : Grain, IGrainWithStringKey, IStreamSubscriptionObserver, IAsyncObserver<MarketChanged>
{
    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
        => await handleFactory.Create<MarketChanged>().ResumeAsync(this);

    public Task OnNextAsync(MarketChanged item, StreamSequenceToken? token = null)
    {
        if (item.Activity.ToState != nameof(MarketState.Active))
        {
            return Task.CompletedTask;
        }

        // One job per activation: the market's version at activation names it.
        var market = item.Market;
        var job = GrainFactory.GetGrain<ISourcingJobGrain>(WorkspaceKey.For(market.WorkspaceId, $"{market.MarketId}@{market.Version}"));
        return Task.WhenAll(
            job.Start(market.MarketId),
            GrainFactory.GetGrain<Enrichment.IMarketRecrawlGrain>(WorkspaceKey.For(market.WorkspaceId, market.MarketId)).Start());
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
