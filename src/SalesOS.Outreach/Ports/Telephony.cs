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
