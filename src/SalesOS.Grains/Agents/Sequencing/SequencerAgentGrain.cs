using SalesOS.Contracts;
using SalesOS.Contracts.Contacts;
using SalesOS.Contracts.Domain;

namespace SalesOS.Grains.Agents.Sequencing;

/// <summary>
/// The outreach layer's entry: once the scoring agent has scored a contact (its tier chosen, its
/// company's channel plan and sequence set), the sequencer enrols it, with no one asking.
/// </summary>
[ImplicitStreamSubscription(StreamIds.ContactEvents)]
public sealed class SequencerAgentGrain : ContactEventAgent
{
    protected override bool IsForMe(ContactChanged change)
        => change.Contact!.State == ContactState.Scored && change.Activity.ToState == nameof(ContactState.Scored);

    protected override Task Dispatch(ContactChanged change)
        => GrainFactory.GetGrain<ISequencerWorkerGrain>(0).Enroll(WorkspaceKey.For(change.WorkspaceId, change.Identity), change.Contact!.Version);
}
