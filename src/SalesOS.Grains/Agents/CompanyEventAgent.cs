using Orleans.Streams;
using Orleans.Streams.Core;
using SalesOS.Contracts.Companies;

namespace SalesOS.Grains.Agents;

/// <summary>
/// An agent driven by one workspace's company events (one activation per workspace, keyed by the
/// stream's key). It holds no business state: it picks the events its step is for and hands each
/// to a worker, never waiting for the work, so the stream keeps flowing. Repeats and stale events are
/// harmless: the company grain grants each step once per version (<see cref="ICompanyGrain.ClaimStep"/>).
/// </summary>
public abstract class CompanyEventAgent : Grain, IGrainWithStringKey, IStreamSubscriptionObserver, IAsyncObserver<CompanyChanged>
{
    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
        => await handleFactory.Create<CompanyChanged>().ResumeAsync(this);

    public Task OnNextAsync(CompanyChanged item, StreamSequenceToken? token = null)
        => IsForMe(item) ? Dispatch(item) : Task.CompletedTask;

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;

    protected abstract bool IsForMe(CompanyChanged change);

    /// <summary>Hands the work on; must not wait for it (use a one-way worker call).</summary>
    protected abstract Task Dispatch(CompanyChanged change);
}
