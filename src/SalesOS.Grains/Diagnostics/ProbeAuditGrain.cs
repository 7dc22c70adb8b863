using Orleans.Streams;
using Orleans.Streams.Core;
using SalesOS.Contracts;
using SalesOS.Contracts.Diagnostics;

namespace SalesOS.Grains.Diagnostics;

[GenerateSerializer]
[Alias("SalesOS.Diagnostics.ProbeAuditState")]
public sealed class ProbeAuditState
{
    /// <summary>Event ids already counted, so a redelivered event changes nothing.</summary>
    [Id(0)] public HashSet<Guid> Seen { get; set; } = [];
}

[ImplicitStreamSubscription(StreamIds.ProbeEvents)]
public sealed class ProbeAuditGrain(
    [PersistentState("probe-audit", StorageNames.Grains)] IPersistentState<ProbeAuditState> state)
    : Grain, IProbeAuditGrain, IStreamSubscriptionObserver, IAsyncObserver<ProbeWritten>
{
    public Task<int> GetEventsSeen() => Task.FromResult(state.State.Seen.Count);

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
        => await handleFactory.Create<ProbeWritten>().ResumeAsync(this);

    public async Task OnNextAsync(ProbeWritten item, StreamSequenceToken? token = null)
    {
        if (state.State.Seen.Add(item.EventId))
        {
            await state.WriteStateAsync();
        }
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
