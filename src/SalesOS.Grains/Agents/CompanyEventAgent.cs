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
    // The outbox delivers every event again after 1, 3 and 7 minutes; the agent hands each
    // (company, version) on once and drops the repeats it still remembers, so redeliveries do not
    // queue behind real work. Bounded: the oldest are forgotten first, and a forgotten repeat is
    // still harmless (the claim refuses it).
    private const int Remembered = 200_000;
    private readonly HashSet<(string Domain, long Version)> dispatched = [];
    private readonly Queue<(string Domain, long Version)> order = new();

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
        => await handleFactory.Create<CompanyChanged>().ResumeAsync(this);

    public Task OnNextAsync(CompanyChanged item, StreamSequenceToken? token = null)
    {
        if (!IsForMe(item) || !dispatched.Add((item.Company.Domain, item.Company.Version)))
        {
            return Task.CompletedTask;
        }

        order.Enqueue((item.Company.Domain, item.Company.Version));
        if (order.Count > Remembered)
        {
            dispatched.Remove(order.Dequeue());
        }

        return Dispatch(item);
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;

    protected abstract bool IsForMe(CompanyChanged change);

    /// <summary>Hands the work on; must not wait for it (use a one-way worker call).</summary>
    protected abstract Task Dispatch(CompanyChanged change);
}
