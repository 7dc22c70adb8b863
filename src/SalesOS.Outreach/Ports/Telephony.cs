namespace SalesOS.Outreach.Ports;

/// <summary>One SMS to send. <see cref="Reference"/> is SalesOS's own id of the send, kept with the provider's id.</summary>
public sealed record OutboundSms(string To, string? From, string Body, Uri? StatusCallback, string Reference);

public sealed record SmsHandOff(HandOffOutcome Outcome, string? ProviderMessageId, string Status, string Detail);

/// <summary>Sends SMS: a Twilio-compatible REST API when configured, an outbox folder otherwise.</summary>
public interface ISmsGateway
{
    /// <summary>"twilio", "outbox".</summary>
    string Name { get; }

    Task<SmsHandOff> SendAsync(OutboundSms sms, CancellationToken cancellationToken);

    /// <summary>Whether the provider already has this SMS (same recipient and body, sent after <paramref name="sentAfter"/>): reconciliation after a crash.</summary>
    Task<SentCopy> FindSentAsync(OutboundSms sms, DateTimeOffset sentAfter, CancellationToken cancellationToken);
}

/// <summary>
/// One automated call: <see cref="Script"/> is what the call says (the voice agent's opener and
/// qualification questions); the provider reports status, the recording and its transcript to the callbacks.
/// </summary>
public sealed record OutboundCall(
    string To,
    string From,
    string Script,
    Uri StatusCallback,
    Uri? RecordingCallback,
    Uri? TranscriptionCallback,
    bool Record,
    string Reference);

public sealed record CallHandOff(HandOffOutcome Outcome, string? ProviderCallId, string Status, string Detail);

/// <summary>Places calls through a Twilio-compatible REST API. Without one configured, phone steps become call tasks for a rep.</summary>
public interface IVoiceGateway
{
    bool IsConfigured { get; }

    Task<CallHandOff> PlaceCallAsync(OutboundCall call, CancellationToken cancellationToken);
}

/// <summary>Checks that a provider's callback really comes from the provider (Twilio: X-Twilio-Signature).</summary>
public interface IWebhookSignatureValidator
{
    bool IsValid(Uri url, IReadOnlyList<KeyValuePair<string, string>> form, string? signature);
}

/// <summary>A provider's word on an SMS SalesOS sent: queued, sent, delivered, undelivered, failed, read, ... (the provider's own status names).</summary>
public sealed record SmsStatusReport(string ProviderMessageId, string Status, string? ErrorCode, string? ErrorMessage);

/// <summary>An SMS a person sent to one of SalesOS's numbers (a reply, or STOP).</summary>
public sealed record InboundSms(string ProviderMessageId, string From, string To, string Body);

/// <summary>
/// A call's progress: initiated, ringing, in-progress, completed, busy, no-answer, failed, canceled.
/// <see cref="AnsweredBy"/> says whether a person or a machine picked up, where the provider detected it.
/// </summary>
public sealed record CallStatusReport(string ProviderCallId, string Status, int? DurationSeconds, string? AnsweredBy);

/// <summary>A finished recording of (part of) a call.</summary>
public sealed record RecordingReport(string ProviderCallId, string RecordingId, Uri RecordingUrl, int? DurationSeconds);

/// <summary>The text of a call's recorded answer; <see cref="Status"/> "completed" or "failed" (then the text is empty).</summary>
public sealed record TranscriptReport(string ProviderCallId, string Text, string Status);
