namespace SalesOS.Contracts.Domain;

/// <summary>A market (ideal customer profile / campaign).</summary>
public enum MarketState
{
    Draft,
    Active,
    Paused,
    Archived,
}

public enum MarketTrigger
{
    Activate,
    Pause,
    Archive,
}

/// <summary>A company's place in the funnel, with its exits.</summary>
public enum CompanyState
{
    Sourced,
    Enriching,
    Enriched,
    ContactsFound,
    Scored,
    InOutreach,
    Engaged,
    MeetingBooked,
    Opportunity,
    Customer,
    Disqualified,
    DoNotContact,
    Failed,
}

public enum CompanyTrigger
{
    StartEnrichment,
    CompleteEnrichment,
    RecordContactsFound,
    Score,
    StartOutreach,
    RecordEngagement,
    BookMeeting,
    OpenOpportunity,
    WinCustomer,
    ReturnToNurture,
    Disqualify,
    Requalify,
    MarkDoNotContact,
    Fail,
    Retry,
}

/// <summary>A person at a company, from being found to being converted, with its exits.</summary>
public enum ContactState
{
    Found,
    Verified,
    Invalid,
    Scored,
    Enrolled,
    Replied,
    MeetingBooked,
    Converted,
    Bounced,
    Unsubscribed,
    DoNotContact,

    /// <summary>Answered with interest: ready for a meeting to be booked.</summary>
    Engaged,
}

public enum ContactTrigger
{
    Verify,
    Invalidate,
    Score,
    Enroll,
    RecordReply,
    ResumeSequence,
    BookMeeting,
    Convert,
    Bounce,
    Unsubscribe,
    MarkDoNotContact,

    /// <summary>An interested reply: the prospect wants to talk.</summary>
    Engage,
}

/// <summary>How a contact answered.</summary>
public enum ReplyKind
{
    Interested,
    NotInterested,
    OutOfOffice,
    Referral,
    Question,

    /// <summary>Asks to stop hearing from us (the sender is suppressed at once).</summary>
    Unsubscribe,

    /// <summary>A human answer that is none of the above ("thanks", a forwarded note): a rep reads it.</summary>
    Other,
}

public enum DealState
{
    Discovery,
    Proposal,
    Negotiation,
    ClosedWon,
    ClosedLost,
}

public enum DealTrigger
{
    SendProposal,
    StartNegotiation,
    Win,
    Lose,
    Reopen,
}
