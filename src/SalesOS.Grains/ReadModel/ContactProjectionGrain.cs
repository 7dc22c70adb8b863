using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Orleans.Streams.Core;
using SalesOS.Contracts;
using SalesOS.Contracts.Contacts;
using SalesOS.Contracts.Workspaces;
using SalesOS.Storage.ReadModel;

namespace SalesOS.Grains.ReadModel;

/// <summary>Projects one workspace's <see cref="ContactChanged"/> stream into the contacts table; suppressed people are deleted, never written.</summary>
[ImplicitStreamSubscription(StreamIds.ContactEvents)]
public sealed class ContactProjectionGrain : Grain, IGrainWithStringKey, IStreamSubscriptionObserver, IAsyncObserver<ContactChanged>
{
    private readonly ProjectionBatch<ContactChanged> batch;

    public ContactProjectionGrain(ContactReadModel readModel, IGrainFactory grainFactory, TimeProvider clock, ILogger<ContactProjectionGrain> logger)
        => batch = new ProjectionBatch<ContactChanged>(this, "contacts", c => c.Identity, c => c.Sequence,
            async rows =>
            {
                // An event that was on its way when its person was erased must not bring them back.
                var workspace = grainFactory.GetGrain<IWorkspaceGrain>(this.GetPrimaryKeyString());
                var suppressed = (await workspace.FindSuppressed(rows.Select(r => r.Identity).ToList())).ToHashSet();
                return await readModel.ApplyAsync(rows.Select(r => (r.WorkspaceId, r.Identity, suppressed.Contains(r.Identity) ? null : r.Contact)).ToList());
            },
            grainFactory,
            clock,
            logger);

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
        => await handleFactory.Create<ContactChanged>().ResumeAsync(this);

    public Task OnNextAsync(ContactChanged item, StreamSequenceToken? token = null) => batch.AddAsync(item, item.Activity.At);

    public Task OnCompletedAsync() => batch.FlushAsync();

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => batch.FlushAsync();
}
