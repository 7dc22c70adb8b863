using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Outreach;

namespace SalesOS.Domain.StateMachines;

/// <summary>The state machines of the sales entities: the single place that says which move is allowed when.</summary>
public static class SalesStateMachines
{
    public static TransitionTable<MarketState, MarketTrigger> Market { get; } =
        new TransitionTable<MarketState, MarketTrigger>("market")
            .Allow([MarketState.Draft, MarketState.Paused], MarketTrigger.Activate, MarketState.Active)
            .Allow(MarketState.Active, MarketTrigger.Pause, MarketState.Paused)
            .Allow([MarketState.Draft, MarketState.Active, MarketState.Paused], MarketTrigger.Archive, MarketState.Archived);

    private static readonly CompanyState[] CompanyOpen =
    [
        CompanyState.Sourced, CompanyState.Enriching, CompanyState.Enriched, CompanyState.ContactsFound,
        CompanyState.Scored, CompanyState.InOutreach, CompanyState.Engaged, CompanyState.MeetingBooked,
        CompanyState.Opportunity, CompanyState.Failed,
    ];

    public static TransitionTable<CompanyState, CompanyTrigger> Company { get; } =
        new TransitionTable<CompanyState, CompanyTrigger>("company")
            .Allow(CompanyState.Sourced, CompanyTrigger.StartEnrichment, CompanyState.Enriching)
            .Allow(CompanyState.Enriching, CompanyTrigger.CompleteEnrichment, CompanyState.Enriched)
            .Allow(CompanyState.Enriched, CompanyTrigger.RecordContactsFound, CompanyState.ContactsFound)
            .Allow(CompanyState.ContactsFound, CompanyTrigger.Score, CompanyState.Scored)
            .Allow(CompanyState.Scored, CompanyTrigger.StartOutreach, CompanyState.InOutreach)
            .Allow(CompanyState.InOutreach, CompanyTrigger.RecordEngagement, CompanyState.Engaged)
            .Allow([CompanyState.InOutreach, CompanyState.Engaged], CompanyTrigger.BookMeeting, CompanyState.MeetingBooked)
            .Allow(CompanyState.MeetingBooked, CompanyTrigger.OpenOpportunity, CompanyState.Opportunity)
            .Allow(CompanyState.Opportunity, CompanyTrigger.WinCustomer, CompanyState.Customer)
            .Allow([CompanyState.MeetingBooked, CompanyState.Opportunity], CompanyTrigger.ReturnToNurture, CompanyState.Engaged)
            .Allow(CompanyOpen, CompanyTrigger.Disqualify, CompanyState.Disqualified)
            .Allow(CompanyState.Disqualified, CompanyTrigger.Requalify, CompanyState.Sourced)
            .Allow([.. CompanyOpen, CompanyState.Customer, CompanyState.Disqualified], CompanyTrigger.MarkDoNotContact, CompanyState.DoNotContact)
            .Allow([CompanyState.Sourced, CompanyState.Enriching, CompanyState.Enriched, CompanyState.ContactsFound], CompanyTrigger.Fail, CompanyState.Failed)
            .Allow(CompanyState.Failed, CompanyTrigger.Retry, CompanyState.Sourced);

    private static readonly ContactState[] ContactReachable =
    [
        ContactState.Found, ContactState.Verified, ContactState.Invalid, ContactState.Scored,
        ContactState.Enrolled, ContactState.Replied, ContactState.Engaged, ContactState.MeetingBooked, ContactState.Converted, ContactState.Bounced,
    ];

    public static TransitionTable<ContactState, ContactTrigger> Contact { get; } =
        new TransitionTable<ContactState, ContactTrigger>("contact")
            .Allow(ContactState.Found, ContactTrigger.Verify, ContactState.Verified)
            .Allow(ContactState.Found, ContactTrigger.Invalidate, ContactState.Invalid)
            .Allow(ContactState.Verified, ContactTrigger.Score, ContactState.Scored)
            // Enrolled again: a finished or stopped run gives way to a new one (the enrolment rules say when).
            .Allow([ContactState.Scored, ContactState.Enrolled, ContactState.Replied], ContactTrigger.Enroll, ContactState.Enrolled)
            .Allow(ContactState.Enrolled, ContactTrigger.RecordReply, ContactState.Replied)
            .Allow(ContactState.Replied, ContactTrigger.ResumeSequence, ContactState.Enrolled)
            .Allow([ContactState.Enrolled, ContactState.Replied], ContactTrigger.Engage, ContactState.Engaged)
            .Allow([ContactState.Enrolled, ContactState.Replied, ContactState.Engaged], ContactTrigger.BookMeeting, ContactState.MeetingBooked)
            .Allow(ContactState.MeetingBooked, ContactTrigger.Convert, ContactState.Converted)
            .Allow([ContactState.Verified, ContactState.Scored, ContactState.Enrolled, ContactState.Replied, ContactState.Engaged], ContactTrigger.Bounce, ContactState.Bounced)
            .Allow(ContactReachable, ContactTrigger.Unsubscribe, ContactState.Unsubscribed)
            .Allow([.. ContactReachable, ContactState.Unsubscribed], ContactTrigger.MarkDoNotContact, ContactState.DoNotContact);

    /// <summary>A contact's run through a sequence. Stopped and Completed are final: enrolling again starts a new run.</summary>
    public static TransitionTable<EnrollmentStatus, EnrollmentTrigger> Enrollment { get; } =
        new TransitionTable<EnrollmentStatus, EnrollmentTrigger>("enrolment")
            .Allow(EnrollmentStatus.Active, EnrollmentTrigger.Pause, EnrollmentStatus.Paused)
            .Allow([EnrollmentStatus.Active, EnrollmentStatus.Paused], EnrollmentTrigger.PauseUntil, EnrollmentStatus.Paused)
            .Allow(EnrollmentStatus.Paused, EnrollmentTrigger.Resume, EnrollmentStatus.Active)
            .Allow([EnrollmentStatus.Active, EnrollmentStatus.Paused], EnrollmentTrigger.Stop, EnrollmentStatus.Stopped)
            .Allow(EnrollmentStatus.Active, EnrollmentTrigger.Complete, EnrollmentStatus.Completed);

    public static TransitionTable<MailboxStatus, MailboxTrigger> Mailbox { get; } =
        new TransitionTable<MailboxStatus, MailboxTrigger>("mailbox")
            .Allow(MailboxStatus.Active, MailboxTrigger.Pause, MailboxStatus.Paused)
            .Allow(MailboxStatus.Paused, MailboxTrigger.Resume, MailboxStatus.Active);

    public static TransitionTable<DealState, DealTrigger> Deal { get; } =
        new TransitionTable<DealState, DealTrigger>("deal")
            .Allow(DealState.Discovery, DealTrigger.SendProposal, DealState.Proposal)
            .Allow(DealState.Proposal, DealTrigger.StartNegotiation, DealState.Negotiation)
            .Allow(DealState.Negotiation, DealTrigger.Win, DealState.ClosedWon)
            .Allow([DealState.Discovery, DealState.Proposal, DealState.Negotiation], DealTrigger.Lose, DealState.ClosedLost)
            .Allow(DealState.ClosedLost, DealTrigger.Reopen, DealState.Discovery);
}
