using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Errors;
using SalesOS.Contracts.Outreach;
using SalesOS.Domain.StateMachines;
using static SalesOS.Contracts.Domain.CompanyState;
using static SalesOS.Contracts.Domain.ContactState;

namespace SalesOS.Tests.Domain;

/// <summary>
/// Every row of every state table, written out here independently of the tables themselves: each
/// listed row leads where it says, and every (state, trigger) pair not listed is refused with a typed
/// error naming the state and the trigger.
/// </summary>
public sealed class StateMachineTests
{
    private static readonly (MarketState, MarketTrigger, MarketState)[] MarketRows =
    [
        (MarketState.Draft, MarketTrigger.Activate, MarketState.Active),
        (MarketState.Paused, MarketTrigger.Activate, MarketState.Active),
        (MarketState.Active, MarketTrigger.Pause, MarketState.Paused),
        (MarketState.Draft, MarketTrigger.Archive, MarketState.Archived),
        (MarketState.Active, MarketTrigger.Archive, MarketState.Archived),
        (MarketState.Paused, MarketTrigger.Archive, MarketState.Archived),
    ];

    private static readonly (CompanyState, CompanyTrigger, CompanyState)[] CompanyRows =
    [
        (Sourced, CompanyTrigger.StartEnrichment, Enriching),
        (Enriching, CompanyTrigger.CompleteEnrichment, Enriched),
        (Enriched, CompanyTrigger.RecordContactsFound, ContactsFound),
        (ContactsFound, CompanyTrigger.Score, CompanyState.Scored),
        (CompanyState.Scored, CompanyTrigger.StartOutreach, InOutreach),
        (InOutreach, CompanyTrigger.RecordEngagement, CompanyState.Engaged),
        (InOutreach, CompanyTrigger.BookMeeting, CompanyState.MeetingBooked),
        (CompanyState.Engaged, CompanyTrigger.BookMeeting, CompanyState.MeetingBooked),
        (CompanyState.MeetingBooked, CompanyTrigger.OpenOpportunity, Opportunity),
        (Opportunity, CompanyTrigger.WinCustomer, Customer),
        (CompanyState.MeetingBooked, CompanyTrigger.ReturnToNurture, CompanyState.Engaged),
        (Opportunity, CompanyTrigger.ReturnToNurture, CompanyState.Engaged),
        .. new[] { Sourced, Enriching, Enriched, ContactsFound, CompanyState.Scored, InOutreach, CompanyState.Engaged, CompanyState.MeetingBooked, Opportunity, Failed }
            .Select(s => (s, CompanyTrigger.Disqualify, Disqualified)),
        (Disqualified, CompanyTrigger.Requalify, Sourced),
        .. new[] { Sourced, Enriching, Enriched, ContactsFound, CompanyState.Scored, InOutreach, CompanyState.Engaged, CompanyState.MeetingBooked, Opportunity, Failed, Customer, Disqualified }
            .Select(s => (s, CompanyTrigger.MarkDoNotContact, CompanyState.DoNotContact)),
        (Sourced, CompanyTrigger.Fail, Failed),
        (Enriching, CompanyTrigger.Fail, Failed),
        (Enriched, CompanyTrigger.Fail, Failed),
        (ContactsFound, CompanyTrigger.Fail, Failed),
        (Failed, CompanyTrigger.Retry, Sourced),
    ];

    private static readonly (ContactState, ContactTrigger, ContactState)[] ContactRows =
    [
        (Found, ContactTrigger.Verify, Verified),
        (Found, ContactTrigger.Invalidate, Invalid),
        (Verified, ContactTrigger.Score, ContactState.Scored),
        (ContactState.Scored, ContactTrigger.Enroll, Enrolled),
        (Enrolled, ContactTrigger.Enroll, Enrolled),
        (Replied, ContactTrigger.Enroll, Enrolled),
        (Enrolled, ContactTrigger.RecordReply, Replied),
        (Replied, ContactTrigger.ResumeSequence, Enrolled),
        (Enrolled, ContactTrigger.Engage, ContactState.Engaged),
        (Replied, ContactTrigger.Engage, ContactState.Engaged),
        (Enrolled, ContactTrigger.BookMeeting, ContactState.MeetingBooked),
        (Replied, ContactTrigger.BookMeeting, ContactState.MeetingBooked),
        (ContactState.Engaged, ContactTrigger.BookMeeting, ContactState.MeetingBooked),
        (ContactState.MeetingBooked, ContactTrigger.Convert, Converted),
        (Verified, ContactTrigger.Bounce, Bounced),
        (ContactState.Scored, ContactTrigger.Bounce, Bounced),
        (Enrolled, ContactTrigger.Bounce, Bounced),
        (Replied, ContactTrigger.Bounce, Bounced),
        (ContactState.Engaged, ContactTrigger.Bounce, Bounced),
        .. new[] { Found, Verified, Invalid, ContactState.Scored, Enrolled, Replied, ContactState.Engaged, ContactState.MeetingBooked, Converted, Bounced }
            .Select(s => (s, ContactTrigger.Unsubscribe, Unsubscribed)),
        .. new[] { Found, Verified, Invalid, ContactState.Scored, Enrolled, Replied, ContactState.Engaged, ContactState.MeetingBooked, Converted, Bounced, Unsubscribed }
            .Select(s => (s, ContactTrigger.MarkDoNotContact, ContactState.DoNotContact)),
    ];

    private static readonly (DealState, DealTrigger, DealState)[] DealRows =
    [
        (DealState.Discovery, DealTrigger.SendProposal, DealState.Proposal),
        (DealState.Proposal, DealTrigger.StartNegotiation, DealState.Negotiation),
        (DealState.Negotiation, DealTrigger.Win, DealState.ClosedWon),
        (DealState.Discovery, DealTrigger.Lose, DealState.ClosedLost),
        (DealState.Proposal, DealTrigger.Lose, DealState.ClosedLost),
        (DealState.Negotiation, DealTrigger.Lose, DealState.ClosedLost),
        (DealState.ClosedLost, DealTrigger.Reopen, DealState.Discovery),
    ];

    private static readonly (EnrollmentStatus, EnrollmentTrigger, EnrollmentStatus)[] EnrollmentRows =
    [
        (EnrollmentStatus.Active, EnrollmentTrigger.Pause, EnrollmentStatus.Paused),
        (EnrollmentStatus.Active, EnrollmentTrigger.PauseUntil, EnrollmentStatus.Paused),
        (EnrollmentStatus.Paused, EnrollmentTrigger.PauseUntil, EnrollmentStatus.Paused),
        (EnrollmentStatus.Paused, EnrollmentTrigger.Resume, EnrollmentStatus.Active),
        (EnrollmentStatus.Active, EnrollmentTrigger.Stop, EnrollmentStatus.Stopped),
        (EnrollmentStatus.Paused, EnrollmentTrigger.Stop, EnrollmentStatus.Stopped),
        (EnrollmentStatus.Active, EnrollmentTrigger.Complete, EnrollmentStatus.Completed),
    ];

    private static readonly (MailboxStatus, MailboxTrigger, MailboxStatus)[] MailboxRows =
    [
        (MailboxStatus.Active, MailboxTrigger.Pause, MailboxStatus.Paused),
        (MailboxStatus.Paused, MailboxTrigger.Resume, MailboxStatus.Active),
    ];

    [Fact]
    public void Enrollment_EveryRowAndEveryRefusal() => Check(SalesStateMachines.Enrollment, EnrollmentRows);

    [Fact]
    public void Mailbox_EveryRowAndEveryRefusal() => Check(SalesStateMachines.Mailbox, MailboxRows);

    [Fact]
    public void Market_EveryRowAndEveryRefusal() => Check(SalesStateMachines.Market, MarketRows);

    [Fact]
    public void Company_EveryRowAndEveryRefusal() => Check(SalesStateMachines.Company, CompanyRows);

    [Fact]
    public void Contact_EveryRowAndEveryRefusal() => Check(SalesStateMachines.Contact, ContactRows);

    [Fact]
    public void Deal_EveryRowAndEveryRefusal() => Check(SalesStateMachines.Deal, DealRows);

    [Fact]
    public void TerminalStates_AllowNothingButTheirExits()
    {
        Assert.All(Enum.GetValues<DealTrigger>(), t => Assert.False(SalesStateMachines.Deal.IsAllowed(DealState.ClosedWon, t)));
        Assert.All(Enum.GetValues<MarketTrigger>(), t => Assert.False(SalesStateMachines.Market.IsAllowed(MarketState.Archived, t)));
        Assert.All(Enum.GetValues<CompanyTrigger>(), t => Assert.False(SalesStateMachines.Company.IsAllowed(CompanyState.DoNotContact, t)));
        Assert.All(Enum.GetValues<ContactTrigger>(), t => Assert.False(SalesStateMachines.Contact.IsAllowed(ContactState.DoNotContact, t)));
        Assert.All(Enum.GetValues<EnrollmentTrigger>(), t => Assert.False(SalesStateMachines.Enrollment.IsAllowed(EnrollmentStatus.Stopped, t)));
        Assert.All(Enum.GetValues<EnrollmentTrigger>(), t => Assert.False(SalesStateMachines.Enrollment.IsAllowed(EnrollmentStatus.Completed, t)));
    }

    private static void Check<TState, TTrigger>(TransitionTable<TState, TTrigger> table, (TState From, TTrigger Trigger, TState To)[] expected)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        Assert.Equal(expected.Length, expected.Distinct().Count());
        Assert.Equal(
            expected.Select(r => $"{r.From}+{r.Trigger}->{r.To}").Order(StringComparer.Ordinal),
            table.Rows.Select(r => $"{r.From}+{r.Trigger}->{r.To}").Order(StringComparer.Ordinal));

        foreach (var (from, trigger, to) in expected)
        {
            Assert.Equal(to, table.Next(from, trigger));
        }

        var allowed = expected.Select(r => (r.From, r.Trigger)).ToHashSet();
        foreach (var state in Enum.GetValues<TState>())
        {
            foreach (var trigger in Enum.GetValues<TTrigger>().Where(t => !allowed.Contains((state, t))))
            {
                var refused = Assert.Throws<TransitionRefusedException>(() => table.Next(state, trigger));
                Assert.Equal(state.ToString(), refused.CurrentState);
                Assert.Equal(trigger.ToString(), refused.Trigger);
                Assert.Equal(table.Entity, refused.Entity);
                Assert.Contains(state.ToString(), refused.Message, StringComparison.Ordinal);
            }
        }
    }
}
