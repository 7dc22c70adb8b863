using SalesOS.Contracts;
using SalesOS.Contracts.Contacts;
using SalesOS.Contracts.Domain;

namespace SalesOS.Grains.Agents.Engagement;

/// <summary>
/// The Engagement agent: every touch a contact records (sent, opened, clicked, replied, visited) moves
/// its decayed engagement score; this agent carries the new score to the company (whose engagement is
/// the sum over its people, and which the scoring agent rescores on), and moves the company to Engaged
/// when one of its people answers with interest.
/// </summary>
[ImplicitStreamSubscription(StreamIds.ContactEvents)]
public sealed class EngagementAgentGrain : ContactEventAgent
{
    private static readonly HashSet<string> Touches = ["email-sent", "email-opened", "email-clicked", "reply", "page-visit", "call-placed", "call-completed", "sms-reply", "task-closed"];

    protected override bool IsForMe(ContactChanged change)
        => change.Contact!.CompanyDomain is not null && change.Contact.EngagementAt is not null && Touches.Contains(change.Activity.Kind);

    protected override Task Dispatch(ContactChanged change)
        => GrainFactory.GetGrain<IEngagementWorkerGrain>(0).Propagate(change.WorkspaceId, change.Identity, change.Contact!.CompanyDomain!,
            change.Contact.EngagementValue, change.Contact.EngagementAt!.Value, change.Contact.State == ContactState.Engaged && change.Activity.Kind == "reply",
            change.Activity.Id);
}
