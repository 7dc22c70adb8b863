using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Orleans.Streams.Core;
using SalesOS.Contracts;
using SalesOS.Contracts.Contacts;
using SalesOS.Storage.ReadModel;

namespace SalesOS.Grains.ReadModel;

/// <summary>
/// The Analytics agent's projection: one workspace's <see cref="ContactChanged"/> stream into the sends
/// table (each step a sequence ran, with its opens, clicks, replies and bounces), which the outreach
/// figures are queried from. Erased contacts' rows are deleted by the erasure itself.
/// </summary>
[ImplicitStreamSubscription(StreamIds.ContactEvents)]
public sealed class SendProjectionGrain : Grain, IGrainWithStringKey, IStreamSubscriptionObserver, IAsyncObserver<ContactChanged>
{
    private readonly ProjectionBatch<ContactChanged> batch;

    public SendProjectionGrain(OutreachReadModel readModel, IGrainFactory grainFactory, TimeProvider clock, ILogger<SendProjectionGrain> logger)
        => batch = new ProjectionBatch<ContactChanged>(this, "sends", c => c.Identity, c => c.Sequence,
            rows => readModel.ApplyAsync(rows.Where(r => r.Contact is not null).Select(r => r.Contact!).ToList()),
            grainFactory,
            clock,
            logger);

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
        => await handleFactory.Create<ContactChanged>().ResumeAsync(this);

    public Task OnNextAsync(ContactChanged item, StreamSequenceToken? token = null)
        => item.Contact?.Enrollment is { Steps.Count: > 0 } ? batch.AddAsync(item, item.Activity.At) : Task.CompletedTask;

    public Task OnCompletedAsync() => batch.FlushAsync();

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => batch.FlushAsync();
}
