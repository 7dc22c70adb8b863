using System.Globalization;
using SalesOS.Outreach.Ports;

namespace SalesOS.Integrations.Telephony;

/// <summary>
/// Automated calls through Twilio's Calls resource with the script inline as TwiML. Progress (initiated,
/// ringing, answered, completed) goes to the status callback, the recording to the recording callback, the
/// answer's transcript to the transcription callback. Without an account it reports IsConfigured = false and
/// places nothing: phone steps become call tasks for a rep.
/// </summary>
public sealed class TwilioVoiceGateway(TwilioRestClient twilio) : IVoiceGateway
{
    private static readonly string[] ProgressEvents = ["initiated", "ringing", "answered", "completed"];

    public bool IsConfigured => twilio.Options.HasCredentials;

    public async Task<CallHandOff> PlaceCallAsync(OutboundCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var options = twilio.Options;
        if (!options.HasCredentials)
        {
            return new(HandOffOutcome.Deferred, null, "not-configured", "no Twilio account configured: make it a call task for a rep");
        }

        var from = string.IsNullOrWhiteSpace(call.From) ? options.FromNumber : call.From;
        if (string.IsNullOrWhiteSpace(from))
        {
            return new(HandOffOutcome.Deferred, null, "not-configured", "no caller number: the call names none and FromNumber is not set");
        }

        var twiml = CallScriptTwiml.Build(call, options);
        if (twiml.Length > CallScriptTwiml.MaxLength)
        {
            return new(HandOffOutcome.Rejected, null, "rejected",
                $"the script makes {twiml.Length.ToString(CultureInfo.InvariantCulture)} characters of TwiML; Twilio takes at most {CallScriptTwiml.MaxLength.ToString(CultureInfo.InvariantCulture)} inline");
        }

        var form = new List<KeyValuePair<string, string>>
        {
            new("To", call.To),
            new("From", from),
            new("Twiml", twiml),
            new("StatusCallback", call.StatusCallback.OriginalString),
            new("StatusCallbackMethod", "POST"),
        };
        form.AddRange(ProgressEvents.Select(e => new KeyValuePair<string, string>("StatusCallbackEvent", e)));
        if (call.Record)
        {
            form.Add(new("Record", "true"));
            if (call.RecordingCallback is { } recording)
            {
                form.Add(new("RecordingStatusCallback", recording.OriginalString));
                form.Add(new("RecordingStatusCallbackMethod", "POST"));
                form.Add(new("RecordingStatusCallbackEvent", "completed"));
            }
        }

        if (options.DetectAnsweringMachine)
        {
            form.Add(new("MachineDetection", "Enable"));
        }

        var (resource, failure) = await twilio.PostFormAsync(twilio.AccountPath("Calls.json"), form, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return new(failure.Outcome, null, failure.ErrorCode is 21211 or 21217 ? "invalid-number" : failure.Status, failure.Detail);
        }

        var sid = TwilioJson.Text(resource!.Value, "sid");
        var status = TwilioJson.Text(resource.Value, "status") ?? "queued";
        return sid is null
            ? new(HandOffOutcome.Unknown, null, "malformed", "Twilio answered without a call sid (it may have been placed)")
            : new(HandOffOutcome.Accepted, sid, status, $"{status} at Twilio as {sid}");
    }
}
