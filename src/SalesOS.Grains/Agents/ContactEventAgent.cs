using Orleans.Streams;
using Orleans.Streams.Core;
using SalesOS.Contracts.Contacts;

namespace SalesOS.Grains.Agents;

/// <summary>
/// An agent driven by one workspace's contact events (one activation per workspace). Like
/// <see cref="CompanyEventAgent"/> it holds no business state: it picks the events it is for, hands each
/// to a worker without waiting, and drops the outbox's redeliveries of events it already handed on.
/// </summary>
public abstract class ContactEventAgent : Grain, IGrainWithStringKey, IStreamSubscriptionObserver, IAsyncObserver<ContactChanged>
{
    private const int Remembered = 200_000;
    private readonly HashSet<(string Identity, long Sequence)> dispatched = [];
    private readonly Queue<(string Identity, long Sequence)> order = new();

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
        => await handleFactory.Create<ContactChanged>().ResumeAsync(this);

    public Task OnNextAsync(ContactChanged item, StreamSequenceToken? token = null)
    {
        if (item.Contact is null || !IsForMe(item) || !dispatched.Add((item.Identity, item.Sequence)))
        {
            return Task.CompletedTask;
        }

        order.Enqueue((item.Identity, item.Sequence));
        if (order.Count > Remembered)
        {
            dispatched.Remove(order.Dequeue());
        }

        return Dispatch(item);
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;

    protected abstract bool IsForMe(ContactChanged change);

    /// <summary>Hands the work on; must not wait for it (use a one-way worker call).</summary>
    protected abstract Task Dispatch(ContactChanged change);
}
