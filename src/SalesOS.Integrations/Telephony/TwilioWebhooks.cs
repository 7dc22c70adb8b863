using System.Globalization;
using SalesOS.Outreach.Ports;

namespace SalesOS.Integrations.Telephony;

/// <summary>What a webhook form said, or why it says nothing usable (a field missing or malformed).</summary>
public sealed record WebhookReading<T>(T? Report, string? Refusal)
    where T : class
{
    public bool IsComplete => Report is not null;
}

/// <summary>
/// Reads the forms Twilio posts to SalesOS's callbacks into the neutral reports of the telephony port. Check
/// the signature first (<see cref="TwilioSignatureValidator"/>); these readers only judge completeness.
/// Statuses are Twilio's own words, lower-cased.
/// </summary>
public static class TwilioWebhooks
{
    /// <summary>What Twilio's common delivery error codes mean, for status callbacks that carry only the code.</summary>
    private static readonly Dictionary<string, string> DeliveryErrors = new(StringComparer.Ordinal)
    {
        ["21610"] = "the recipient has unsubscribed (replied STOP)",
        ["30003"] = "unreachable destination handset",
        ["30004"] = "message blocked",
        ["30005"] = "unknown destination handset",
        ["30006"] = "landline or unreachable carrier",
        ["30007"] = "message filtered by the carrier",
        ["30008"] = "unknown error",
    };

    /// <summary>A message status callback: MessageSid (or SmsSid), MessageStatus (or SmsStatus), ErrorCode.</summary>
    public static WebhookReading<SmsStatusReport> ReadSmsStatus(IReadOnlyList<KeyValuePair<string, string>> form)
    {
        var fields = Fields.Of(form);
        var sid = fields.First("MessageSid", "SmsSid");
        var status = fields.First("MessageStatus", "SmsStatus");
        if (sid is null || status is null)
        {
            return Refused<SmsStatusReport>(Missing(("MessageSid", sid), ("MessageStatus", status)));
        }

        var code = fields.First("ErrorCode");
        var message = fields.First("ErrorMessage") ?? (code is null ? null : DeliveryErrors.GetValueOrDefault(code));
        return Read<SmsStatusReport>(new(sid, status.ToLowerInvariant(), code, message));
    }

    /// <summary>An SMS to one of our numbers: MessageSid, From, To and Body (which may be empty for a picture message).</summary>
    public static WebhookReading<InboundSms> ReadInboundSms(IReadOnlyList<KeyValuePair<string, string>> form)
    {
        var fields = Fields.Of(form);
        var sid = fields.First("MessageSid", "SmsMessageSid", "SmsSid");
        var from = fields.First("From");
        var to = fields.First("To");
        var body = fields.Raw("Body");
        if (sid is null || from is null || to is null || body is null)
        {
            return Refused<InboundSms>(Missing(("MessageSid", sid), ("From", from), ("To", to), ("Body", body)));
        }

        return Read<InboundSms>(new(sid, from, to, body));
    }

    /// <summary>A call progress callback: CallSid, CallStatus, CallDuration (once completed), AnsweredBy (with machine detection).</summary>
    public static WebhookReading<CallStatusReport> ReadCallStatus(IReadOnlyList<KeyValuePair<string, string>> form)
    {
        var fields = Fields.Of(form);
        var sid = fields.First("CallSid");
        var status = fields.First("CallStatus");
        if (sid is null || status is null)
        {
            return Refused<CallStatusReport>(Missing(("CallSid", sid), ("CallStatus", status)));
        }

        if (!TrySeconds(fields.First("CallDuration"), out var duration))
        {
            return Refused<CallStatusReport>("CallDuration is not a number of seconds: " + fields.First("CallDuration"));
        }

        return Read<CallStatusReport>(new(sid, status.ToLowerInvariant(), duration, fields.First("AnsweredBy")));
    }

    /// <summary>A recording status callback: CallSid, RecordingSid, RecordingUrl (absolute), RecordingDuration.</summary>
    public static WebhookReading<RecordingReport> ReadRecording(IReadOnlyList<KeyValuePair<string, string>> form)
    {
        var fields = Fields.Of(form);
        var call = fields.First("CallSid");
        var recording = fields.First("RecordingSid");
        var url = fields.First("RecordingUrl");
        if (call is null || recording is null || url is null)
        {
            return Refused<RecordingReport>(Missing(("CallSid", call), ("RecordingSid", recording), ("RecordingUrl", url)));
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var recordingUrl) || recordingUrl.Scheme is not ("https" or "http"))
        {
            return Refused<RecordingReport>("RecordingUrl is not an absolute http(s) URL: " + url);
        }

        if (!TrySeconds(fields.First("RecordingDuration"), out var duration))
        {
            return Refused<RecordingReport>("RecordingDuration is not a number of seconds: " + fields.First("RecordingDuration"));
        }

        return Read<RecordingReport>(new(call, recording, recordingUrl, duration));
    }

    /// <summary>A transcription callback: CallSid, TranscriptionStatus, and TranscriptionText when it completed.</summary>
    public static WebhookReading<TranscriptReport> ReadTranscript(IReadOnlyList<KeyValuePair<string, string>> form)
    {
        var fields = Fields.Of(form);
        var call = fields.First("CallSid");
        var status = fields.First("TranscriptionStatus")?.ToLowerInvariant();
        if (call is null || status is null)
        {
            return Refused<TranscriptReport>(Missing(("CallSid", call), ("TranscriptionStatus", status)));
        }

        var text = fields.Raw("TranscriptionText");
        if (status == "completed" && text is null)
        {
            return Refused<TranscriptReport>("a completed transcription without TranscriptionText");
        }

        return Read<TranscriptReport>(new(call, text?.Trim() ?? "", status));
    }

    private static WebhookReading<T> Read<T>(T report)
        where T : class => new(report, null);

    private static WebhookReading<T> Refused<T>(string reason)
        where T : class => new(null, reason);

    private static bool TrySeconds(string? text, out int? seconds)
    {
        seconds = null;
        if (text is null)
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            seconds = value;
            return true;
        }

        return false;
    }

    private static string Missing(params (string Name, string? Value)[] fields) =>
        "incomplete form, missing " + string.Join(", ", fields.Where(f => f.Value is null).Select(f => f.Name));

    /// <summary>The form by key; Twilio posts each field once, and the first one counts when it does not.</summary>
    private readonly struct Fields
    {
        private readonly Dictionary<string, string> values;

        private Fields(Dictionary<string, string> values) => this.values = values;

        public static Fields Of(IReadOnlyList<KeyValuePair<string, string>> form)
        {
            ArgumentNullException.ThrowIfNull(form);
            var values = new Dictionary<string, string>(form.Count, StringComparer.Ordinal);
            foreach (var (key, value) in form)
            {
                values.TryAdd(key, value);
            }

            return new(values);
        }

        /// <summary>The first of these fields that is present and not blank, trimmed.</summary>
        public string? First(params string[] names)
        {
            foreach (var name in names)
            {
                if (values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value))
                {
                    return value.Trim();
                }
            }

            return null;
        }

        /// <summary>The field as posted, empty included; null only when absent.</summary>
        public string? Raw(string name) => values.GetValueOrDefault(name);
    }
}
