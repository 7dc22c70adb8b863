using Orleans.Streams;
using Orleans.Streams.Core;
using SalesOS.Contracts;
using SalesOS.Contracts.Diagnostics;
using SalesOS.Grains.Eventing;

namespace SalesOS.Grains.Diagnostics;

[GenerateSerializer]
[Alias("SalesOS.Diagnostics.ProbeAuditState")]
public sealed class ProbeAuditState
{
    [Id(0)] public SequenceWindow Applied { get; set; } = new();
    [Id(1)] public int EventsSeen { get; set; }
    [Id(2)] public int DuplicatesDropped { get; set; }
}

[ImplicitStreamSubscription(StreamIds.ProbeEvents)]
public sealed class ProbeAuditGrain(
    [PersistentState("probe-audit", StorageNames.Grains)] IPersistentState<ProbeAuditState> state)
    : Grain, IProbeAuditGrain, IStreamSubscriptionObserver, IAsyncObserver<ProbeWritten>
{
    public Task<ProbeAuditStats> GetStats() => Task.FromResult(new ProbeAuditStats(state.State.EventsSeen, state.State.DuplicatesDropped));

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
        => await handleFactory.Create<ProbeWritten>().ResumeAsync(this);

    public async Task OnNextAsync(ProbeWritten item, StreamSequenceToken? token = null)
    {
        if (state.State.Applied.TryAccept(item.Sequence))
        {
            state.State.EventsSeen++;
            await state.WriteStateAsync();
        }
        else
        {
            // Counted in memory only: a repeat must not cost a write.
            state.State.DuplicatesDropped++;
        }
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
