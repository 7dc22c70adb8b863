using System.Globalization;
using System.Text;
using System.Text.Json;
using SalesOS.Outreach.Ports;

namespace SalesOS.Integrations.Telephony;

/// <summary>
/// SMS through Twilio's Messages resource. A send is Accepted once Twilio has queued it (delivery comes later
/// through the status callback), Rejected when Twilio refuses the message itself (invalid or unsubscribed
/// recipient, region not enabled: Status says which), Deferred when the refusal is about credentials, load or
/// Twilio's own trouble.
/// </summary>
public sealed class TwilioSmsGateway(TwilioRestClient twilio, TimeProvider time) : ISmsGateway
{
    public const string GatewayName = "twilio";

    public string Name => GatewayName;

    public bool IsConfigured => twilio.Options.CanSendSms;

    public async Task<SmsHandOff> SendAsync(OutboundSms sms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sms);
        var options = twilio.Options;
        if (!options.CanSendSms)
        {
            return new(HandOffOutcome.Deferred, null, "not-configured", "no Twilio account with a sender (FromNumber or MessagingServiceSid) configured");
        }

        var form = new List<KeyValuePair<string, string>> { new("To", sms.To) };
        if (!string.IsNullOrWhiteSpace(sms.From))
        {
            form.Add(new("From", sms.From));
        }
        else if (!string.IsNullOrWhiteSpace(options.MessagingServiceSid))
        {
            form.Add(new("MessagingServiceSid", options.MessagingServiceSid));
        }
        else
        {
            form.Add(new("From", options.FromNumber!));
        }

        form.Add(new("Body", sms.Body));
        if (sms.StatusCallback is { } callback)
        {
            form.Add(new("StatusCallback", callback.OriginalString));
        }

        var (message, failure) = await twilio.PostFormAsync(twilio.AccountPath("Messages.json"), form, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return new(failure.Outcome, null, SmsStatusOf(failure), failure.Detail);
        }

        var root = message!.Value;
        var sid = TwilioJson.Text(root, "sid");
        var status = TwilioJson.Text(root, "status") ?? "queued";
        if (sid is null)
        {
            return new(HandOffOutcome.Unknown, null, "malformed", "Twilio answered without a message sid (it may have been taken: reconcile before sending again)");
        }

        if (status is "failed" or "undelivered" && TwilioJson.Integer(root, "error_code") is { } code)
        {
            return new(HandOffOutcome.Rejected, sid, status, $"Twilio {code.ToString(CultureInfo.InvariantCulture)}: {TwilioJson.Text(root, "error_message") ?? status}");
        }

        return new(HandOffOutcome.Accepted, sid, status, $"{status} at Twilio as {sid}");
    }

    /// <summary>
    /// Lists the messages to the recipient sent since the day of <paramref name="sentAfter"/> (less the clock
    /// skew allowance), page by page, and looks for the same body. Not reaching the list's end within
    /// MaxPages, or any error, is "cannot tell", never "not found".
    /// </summary>
    public async Task<SentCopy> FindSentAsync(OutboundSms sms, DateTimeOffset sentAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sms);
        var options = twilio.Options;
        if (!options.CanSendSms)
        {
            return SentCopy.CannotTell;
        }

        var since = sentAfter - options.ClockSkew;
        var query = new StringBuilder("?To=").Append(Uri.EscapeDataString(sms.To));
        // A messaging service picks the sender from its pool, so only an explicit number narrows the list.
        var from = !string.IsNullOrWhiteSpace(sms.From) ? sms.From
            : string.IsNullOrWhiteSpace(options.MessagingServiceSid) ? options.FromNumber
            : null;
        if (from is not null)
        {
            query.Append("&From=").Append(Uri.EscapeDataString(from));
        }

        query.Append("&DateSent%3E=").Append(since.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Append("&PageSize=").Append(Math.Clamp(options.PageSize, 1, 1000).ToString(CultureInfo.InvariantCulture));

        var body = Normalize(sms.Body);
        string? page = twilio.AccountPath("Messages.json") + query;
        for (var pages = 0; page is not null; pages++)
        {
            if (pages >= Math.Max(1, options.MaxPages))
            {
                return SentCopy.CannotTell;
            }

            var (list, failure) = await twilio.GetAsync(page, cancellationToken).ConfigureAwait(false);
            if (failure is not null || list is not { } root || !root.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
            {
                return SentCopy.CannotTell;
            }

            foreach (var message in messages.EnumerateArray())
            {
                if (IsSameSms(message, sms.To, body, since))
                {
                    return SentCopy.Found;
                }
            }

            // next_page_uri is an absolute path ("/2010-04-01/Accounts/..."); the client's base supplies the host.
            page = TwilioJson.Text(root, "next_page_uri")?.TrimStart('/');
        }

        return SentCopy.NotFound;
    }

    private bool IsSameSms(JsonElement message, string to, string body, DateTimeOffset since)
    {
        if (!string.Equals(TwilioJson.Text(message, "to"), to, StringComparison.Ordinal)
            || !string.Equals(Normalize(TwilioJson.Text(message, "body") ?? ""), body, StringComparison.Ordinal)
            || string.Equals(TwilioJson.Text(message, "direction"), "inbound", StringComparison.Ordinal))
        {
            return false;
        }

        // date_sent is empty while a message is queued; date_created is when Twilio took it.
        var at = TwilioJson.Date(message, "date_created") ?? TwilioJson.Date(message, "date_sent") ?? time.GetUtcNow();
        return at >= since;
    }

    /// <summary>Line endings and surrounding blanks may change on the way; neither makes it another message.</summary>
    private static string Normalize(string body) => body.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    /// <summary>Refusals the caller must act on get a word of their own: "unsubscribed" means suppress the number.</summary>
    private static string SmsStatusOf(TwilioFailure failure) => failure.ErrorCode switch
    {
        21610 => "unsubscribed",
        21211 or 21614 => "invalid-number",
        21408 => "region-not-enabled",
        _ => failure.Status,
    };
}
