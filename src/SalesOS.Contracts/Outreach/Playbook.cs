using SalesOS.Contracts.Domain;

namespace SalesOS.Contracts.Outreach;

/// <summary>
/// How a workspace reaches out: who the sender is (name, company, the postal address CAN-SPAM requires
/// in every commercial email), what is tracked, and whether an LLM may rewrite messages.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Outreach.OutreachSettings")]
public sealed record OutreachSettings
{
    [Id(0)] public string? CompanyName { get; init; }

    /// <summary>The sender's physical postal address; no email is sent without one.</summary>
    [Id(1)] public string? PostalAddress { get; init; }

    [Id(2)] public string? SenderName { get; init; }

    [Id(3)] public string? SenderTitle { get; init; }

    /// <summary>A booking link offered in messages (until the calendar agent books meetings itself).</summary>
    [Id(4)] public string? CalendarLink { get; init; }

    [Id(5)] public bool TrackOpens { get; init; } = true;

    [Id(6)] public bool TrackClicks { get; init; } = true;

    /// <summary>Let the configured LLM personalise each rendered message (off: the template's text is sent).</summary>
    [Id(7)] public bool RewriteWithLlm { get; init; }

    /// <summary>Start sequences automatically when the scoring agent enrols a company's contacts.</summary>
    [Id(8)] public bool AutoEnroll { get; init; } = true;

    /// <summary>Most LinkedIn tasks per day and action for the rep queue (LinkedIn's own limits are lower for new accounts).</summary>
    [Id(9)] public int LinkedInConnectsPerDay { get; init; } = 20;

    [Id(10)] public int LinkedInMessagesPerDay { get; init; } = 50;

    [Id(11)] public int LinkedInProfileViewsPerDay { get; init; } = 80;

    [Id(12)] public int CallTasksPerDay { get; init; } = 40;

    [Id(13)] public long Version { get; init; }
}

/// <summary>
/// A workspace's outreach playbook, keyed by workspace id: its settings and its sequences (the built-in
/// tier sequences, which a workspace may replace with its own version, and its custom ones).
/// </summary>
[Alias("SalesOS.Outreach.IOutreachPlaybookGrain")]
public interface IOutreachPlaybookGrain : IGrainWithStringKey
{
    [Alias("GetSettings")]
    Task<OutreachSettings> GetSettings();

    /// <summary>Replaces the settings; refused with InvalidFieldsException when a field is invalid.</summary>
    [Alias("SetSettings")]
    Task<OutreachSettings> SetSettings(OutreachSettings settings, CommandContext context);

    [Alias("ListSequences")]
    Task<IReadOnlyList<SequenceDefinition>> ListSequences();

    /// <summary>The workspace's version of a sequence, the built-in one when it has none, or null.</summary>
    [Alias("GetSequence")]
    Task<SequenceDefinition?> GetSequence(string sequenceId);

    /// <summary>Validates (steps, windows, templates) and stores a sequence under a new version; refused with every problem.</summary>
    [Alias("SaveSequence")]
    Task<SequenceDefinition> SaveSequence(SequenceDefinition definition, CommandContext context);
}

/// <summary>
/// A rep's queue of manual steps, keyed "{workspaceId}/{queue}" ("linkedin", "calls", "follow-ups"): tasks
/// are spread over days so a daily limit per action is never exceeded; done/skip goes back to the contact.
/// </summary>
[Alias("SalesOS.Outreach.IRepTaskQueueGrain")]
public interface IRepTaskQueueGrain : IGrainWithStringKey
{
    /// <summary>Adds a task (the same task id again returns the first one), due on the first day with room under <paramref name="dailyLimit"/>.</summary>
    [Alias("Add")]
    Task<RepTask> Add(RepTask task, int dailyLimit);

    [Alias("List")]
    Task<IReadOnlyList<RepTask>> List(string? status, DateOnly? dueBy, int limit);

    [Alias("Get")]
    Task<RepTask?> Get(string taskId);

    /// <summary>Closes a task as "done" or "skipped"; closing it again with the same outcome returns it unchanged.</summary>
    [Alias("Close")]
    Task<RepTask> Close(string taskId, string outcome, string? note, CommandContext context);
}

/// <summary>What an opened tracking link says to do.</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Outreach.TrackingAnswer")]
public sealed record TrackingAnswer(
    [property: Id(0)] bool Valid,
    [property: Id(1)] string? RedirectTo,
    [property: Id(2)] string Message);

/// <summary>
/// Verifies and records what the gateway's public endpoints receive: open pixels, click redirects,
/// unsubscribe links (RFC 8058 one-click included) and telephony callbacks. The gateway forwards the
/// raw token or form; the signing keys stay in the silos.
/// </summary>
[Alias("SalesOS.Outreach.ITrackingGrain")]
public interface ITrackingGrain : IGrainWithIntegerKey
{
    [Alias("Open")]
    Task<TrackingAnswer> Open(string token, string? userAgent, string method);

    [Alias("Click")]
    Task<TrackingAnswer> Click(string token, string? userAgent, string method);

    [Alias("Unsubscribe")]
    Task<TrackingAnswer> Unsubscribe(string token, bool oneClick);

    /// <summary>
    /// A telephony provider's callback: <paramref name="kind"/> is sms-status, sms-inbound, call-status, recording or
    /// transcription; <paramref name="pathAndQuery"/> is what the provider called (its signature covers the public URL).
    /// </summary>
    [Alias("Telephony")]
    Task<TrackingAnswer> Telephony(string kind, string pathAndQuery, IReadOnlyList<KeyValuePair<string, string>> form, string? signature);
}

/// <summary>Reads inbound mail handed to SalesOS directly (REST upload, piped mail) like mail read from a mailbox.</summary>
[Alias("SalesOS.Outreach.IInboundMailGrain")]
public interface IInboundMailGrain : IGrainWithIntegerKey
{
    /// <summary>Classifies the raw RFC 5322 message, applies it to the contact it concerns and says what it was.</summary>
    [Alias("Receive")]
    Task<InboundResult> Receive(string workspaceId, string mailbox, string key, byte[] raw);
}

[GenerateSerializer, Immutable]
[Alias("SalesOS.Outreach.InboundResult")]
public sealed record InboundResult(
    [property: Id(0)] InboundVerdict Verdict,
    [property: Id(1)] string? ContactIdentity,
    [property: Id(2)] string Outcome);
