using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace SalesOS.Testing.VendorServers;

/// <summary>A message as the server holds it.</summary>
public sealed class TwilioServerMessage
{
    public required string Sid { get; init; }
    public required string To { get; init; }
    public string? From { get; set; }
    public string? MessagingServiceSid { get; init; }
    public required string Body { get; init; }
    public string Direction { get; init; } = "outbound-api";
    public string Status { get; set; } = "queued";
    public string? StatusCallback { get; init; }
    public required DateTimeOffset DateCreated { get; init; }
    public DateTimeOffset? DateSent { get; set; }
    public int? ErrorCode { get; set; }
}

/// <summary>A call as the server holds it, with what its TwiML asked for.</summary>
public sealed class TwilioServerCall
{
    public required string Sid { get; init; }
    public required string To { get; init; }
    public required string From { get; init; }
    public required IReadOnlyDictionary<string, StringValues> Form { get; init; }
    public string Status { get; set; } = "queued";
    public required DateTimeOffset DateCreated { get; init; }

    public string? Twiml => Form.TryGetValue("Twiml", out var v) ? v.ToString() : null;
    public string? StatusCallback => Value("StatusCallback");
    public IReadOnlyList<string> StatusCallbackEvents => Form.TryGetValue("StatusCallbackEvent", out var v) ? [.. v.OfType<string>()] : [];
    public bool Record => string.Equals(Value("Record"), "true", StringComparison.OrdinalIgnoreCase);
    public string? RecordingStatusCallback => Value("RecordingStatusCallback");

    /// <summary>The TwiML document, parsed (it must be well-formed XML for Twilio to run it).</summary>
    public XElement Document => XElement.Parse(Twiml ?? "<Response/>");

    public string? Value(string name) => Form.TryGetValue(name, out var v) && v.Count > 0 ? v[0] : null;
}

/// <summary>A callback the server posted, as the receiving side saw it answered.</summary>
public sealed record PostedCallback(Uri Url, IReadOnlyList<KeyValuePair<string, string>> Form, string Signature, int Status);

/// <summary>How a scripted call goes once placed.</summary>
public sealed record CallScenario(
    string FinalStatus = "completed",
    string? AnsweredBy = "human",
    int DurationSeconds = 42,
    int RecordingSeconds = 40,
    string? Transcript = "Yes, we are looking at new tools next quarter.",
    string TranscriptionStatus = "completed");

/// <summary>
/// Twilio's REST API 2010-04-01 as twilio.com/docs describes it, on 127.0.0.1: HTTP Basic with the account SID
/// and auth token or an API key SID and secret; form-encoded requests; Messages and Calls resources as JSON
/// (sid, status, date_created in RFC 2822, uri, ...); the Messages list with To/From/DateSent filters and
/// next_page_uri paging; errors as {code, message, more_info, status} with Twilio's codes (21211 invalid To,
/// 21408 region not enabled, 21610 unsubscribed recipient, 20003 authenticate, 20404 not found, 20429 too many
/// requests). It also posts the callbacks Twilio would (message status, inbound SMS, call progress,
/// recordings, transcriptions), signed with X-Twilio-Signature over the URL and the sorted form, as Twilio
/// signs them. Assumed where the docs are silent: a created message is "sent" with date_sent set right after
/// the create answer (which says "queued"); the "initiated" progress event reports CallStatus "initiated".
/// </summary>
public sealed partial class TwilioServer : VendorServer
{
    private readonly ConcurrentDictionary<string, string> apiKeys = new(StringComparer.Ordinal);
    private readonly List<TwilioServerMessage> messages = [];
    private readonly List<TwilioServerCall> calls = [];
    private readonly ConcurrentQueue<PostedCallback> posted = new();
    private readonly HttpClient callbackClient = new() { Timeout = TimeSpan.FromSeconds(30) };
    private long sequence;

    private TwilioServer(string accountSid, string authToken)
        : base(authToken)
    {
        AccountSid = accountSid;
    }

    public string AccountSid { get; }

    /// <summary>The account's auth token: signs in and signs every callback.</summary>
    public string AuthToken => ApiKey;

    /// <summary>Recipients who replied STOP: sending to them is error 21610.</summary>
    public ConcurrentDictionary<string, bool> Unsubscribed { get; } = new(StringComparer.Ordinal);

    /// <summary>Country prefixes ("+44") the account may not send to: error 21408.</summary>
    public ConcurrentDictionary<string, bool> DisabledRegions { get; } = new(StringComparer.Ordinal);

    /// <summary>The number a messaging service sends from.</summary>
    public string MessagingServiceNumber { get; set; } = "+15017122661";

    /// <summary>When the server says "now" (messages and calls are stamped with it).</summary>
    public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

    public IReadOnlyList<TwilioServerMessage> Messages
    {
        get
        {
            lock (messages)
            {
                return [.. messages];
            }
        }
    }

    public IReadOnlyList<TwilioServerCall> Calls
    {
        get
        {
            lock (calls)
            {
                return [.. calls];
            }
        }
    }

    public IReadOnlyList<PostedCallback> Posted => [.. posted];

    public static async Task<TwilioServer> StartAsync(string accountSid, string authToken)
    {
        var server = new TwilioServer(accountSid, authToken);
        await server.StartAsync();
        return server;
    }

    public void AddApiKey(string sid, string secret) => apiKeys[sid] = secret;

    /// <summary>A message sent earlier (for the list endpoint), as Twilio would list it.</summary>
    public TwilioServerMessage Seed(string to, string from, string body, DateTimeOffset created, string status = "delivered", string direction = "outbound-api")
    {
        var message = new TwilioServerMessage
        {
            Sid = NewSid("SM"),
            To = to,
            From = from,
            Body = body,
            Direction = direction,
            Status = status,
            DateCreated = created,
            DateSent = created,
        };
        lock (messages)
        {
            messages.Add(message);
        }

        return message;
    }

    /// <summary>X-Twilio-Signature for a URL and form: Base64(HMAC-SHA1(token, URL + keys and values in key order)).</summary>
    public static string Sign(string authToken, string url, IEnumerable<KeyValuePair<string, string>> form)
    {
        var data = new StringBuilder(url);
        foreach (var pair in form.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            data.Append(pair.Key).Append(pair.Value);
        }

#pragma warning disable CA5350 // Twilio's signature is HMAC-SHA1.
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(authToken));
#pragma warning restore CA5350
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(data.ToString())));
    }

    /// <summary>Posts a form to <paramref name="url"/> signed with the auth token, as Twilio posts webhooks.</summary>
    public async Task<PostedCallback> PostCallbackAsync(Uri url, IReadOnlyList<KeyValuePair<string, string>> form)
    {
        var signature = Sign(AuthToken, url.OriginalString, form);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", signature);
        request.Headers.Add("I-Twilio-Idempotency-Token", Guid.NewGuid().ToString());
        request.Headers.UserAgent.ParseAdd("TwilioProxy/1.1");
        using var response = await callbackClient.SendAsync(request);
        var result = new PostedCallback(url, form, signature, (int)response.StatusCode);
        posted.Enqueue(result);
        return result;
    }

    /// <summary>Reports a message's new status to its StatusCallback (ErrorCode with failed and undelivered).</summary>
    public Task<PostedCallback> ReportMessageStatusAsync(string messageSid, string status, int? errorCode = null)
    {
        var message = Messages.Single(m => m.Sid == messageSid);
        message.Status = status;
        message.ErrorCode = errorCode;
        var form = new List<KeyValuePair<string, string>>
        {
            new("AccountSid", AccountSid),
            new("ApiVersion", "2010-04-01"),
            new("From", message.From ?? MessagingServiceNumber),
            new("MessageSid", message.Sid),
            new("MessageStatus", status),
            new("SmsSid", message.Sid),
            new("SmsStatus", status),
            new("To", message.To),
        };
        if (message.MessagingServiceSid is { } service)
        {
            form.Add(new("MessagingServiceSid", service));
        }

        if (errorCode is { } code)
        {
            form.Add(new("ErrorCode", code.ToString(CultureInfo.InvariantCulture)));
        }

        return PostCallbackAsync(new Uri(message.StatusCallback ?? throw new InvalidOperationException("the message has no StatusCallback")), form);
    }

    /// <summary>An SMS from a person to one of the account's numbers, posted to the number's messaging webhook.</summary>
    public Task<PostedCallback> PostInboundSmsAsync(Uri webhook, string from, string to, string body)
    {
        var sid = NewSid("SM");
        lock (messages)
        {
            messages.Add(new TwilioServerMessage { Sid = sid, To = to, From = from, Body = body, Direction = "inbound", Status = "received", DateCreated = Clock(), DateSent = Clock() });
        }

        return PostCallbackAsync(webhook,
        [
            new("AccountSid", AccountSid),
            new("ApiVersion", "2010-04-01"),
            new("Body", body),
            new("From", from),
            new("FromCountry", "US"),
            new("MessageSid", sid),
            new("NumMedia", "0"),
            new("NumSegments", "1"),
            new("SmsMessageSid", sid),
            new("SmsSid", sid),
            new("SmsStatus", "received"),
            new("To", to),
            new("ToCountry", "US"),
        ]);
    }

    /// <summary>
    /// Plays a placed call through: the progress events it subscribed to (Twilio sends only "completed" when
    /// none are named), the whole-call recording when Record was asked, and the answer's recording and
    /// transcription where its TwiML &lt;Record&gt; asked for them. Returns every callback posted, in order.
    /// </summary>
    public async Task<IReadOnlyList<PostedCallback>> PlayCallAsync(string callSid, CallScenario? scenario = null)
    {
        scenario ??= new CallScenario();
        var call = Calls.Single(c => c.Sid == callSid);
        var results = new List<PostedCallback>();
        var events = call.StatusCallbackEvents.Count == 0 ? ["completed"] : call.StatusCallbackEvents;
        var answered = scenario.FinalStatus == "completed";
        var progress = new List<(string Event, string Status)> { ("initiated", "initiated"), ("ringing", "ringing") };
        if (answered)
        {
            progress.Add(("answered", "in-progress"));
        }

        progress.Add(("completed", scenario.FinalStatus));
        var order = 0;
        foreach (var (name, status) in progress)
        {
            call.Status = status;
            if (call.StatusCallback is null || !events.Contains(name))
            {
                continue;
            }

            var form = CallForm(call, status);
            form.Add(new("CallbackSource", "call-progress-events"));
            form.Add(new("SequenceNumber", (order++).ToString(CultureInfo.InvariantCulture)));
            form.Add(new("Timestamp", Clock().ToString("r", CultureInfo.InvariantCulture)));
            if (answered && scenario.AnsweredBy is { } by && call.Value("MachineDetection") is not null && name is "answered" or "completed")
            {
                form.Add(new("AnsweredBy", by));
            }

            if (name == "completed")
            {
                form.Add(new("CallDuration", (answered ? scenario.DurationSeconds : 0).ToString(CultureInfo.InvariantCulture)));
                form.Add(new("Duration", ((scenario.DurationSeconds + 59) / 60).ToString(CultureInfo.InvariantCulture)));
            }

            results.Add(await PostCallbackAsync(new Uri(call.StatusCallback), form));
        }

        if (!answered)
        {
            return results;
        }

        if (call.Record && call.RecordingStatusCallback is { } whole)
        {
            results.Add(await PostCallbackAsync(new Uri(whole), RecordingForm(call, NewSid("RE"), scenario.DurationSeconds, "DualChannel")));
        }

        var record = call.Document.Descendants("Record").FirstOrDefault();
        if (record is null)
        {
            return results;
        }

        var answerRecording = NewSid("RE");
        if ((string?)record.Attribute("recordingStatusCallback") is { } answerCallback)
        {
            results.Add(await PostCallbackAsync(new Uri(answerCallback), RecordingForm(call, answerRecording, scenario.RecordingSeconds, "RecordVerb")));
        }

        if ((string?)record.Attribute("transcribe") == "true" && (string?)record.Attribute("transcribeCallback") is { } transcribeCallback)
        {
            var form = CallForm(call, call.Status);
            form.Add(new("RecordingSid", answerRecording));
            form.Add(new("RecordingUrl", RecordingUrl(answerRecording)));
            form.Add(new("TranscriptionSid", NewSid("TR")));
            form.Add(new("TranscriptionStatus", scenario.TranscriptionStatus));
            form.Add(new("TranscriptionType", "fast"));
            form.Add(new("TranscriptionUrl", $"{BaseAddress.ToString().TrimEnd('/')}/2010-04-01/Accounts/{AccountSid}/Transcriptions/{answerRecording}"));
            if (scenario.Transcript is { } text)
            {
                form.Add(new("TranscriptionText", text));
            }

            results.Add(await PostCallbackAsync(new Uri(transcribeCallback), form));
        }

        return results;
    }

    protected override bool IsAuthorized(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        var (user, secret) = (decoded[..colon], decoded[(colon + 1)..]);
        return (user == AccountSid && secret == AuthToken) || (apiKeys.TryGetValue(user, out var keySecret) && keySecret == secret);
    }

    protected override JsonObject ErrorBody(int status, string id, string message)
    {
        var code = int.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var given) ? given : status switch
        {
            401 => 20003,
            404 => 20404,
            429 => 20429,
            503 => 20503,
            _ => 20500,
        };
        return new JsonObject
        {
            ["code"] = code,
            ["message"] = status == 401 ? "Authenticate" : message,
            ["more_info"] = "https://www.twilio.com/docs/errors/" + code.ToString(CultureInfo.InvariantCulture),
            ["status"] = status,
        };
    }

    protected override (int Status, JsonObject Body) QuotaExhaustedAnswer() =>
        (429, ErrorBody(429, "20429", "Too Many Requests"));

    protected override void MapRoutes(WebApplication app)
    {
        app.MapPost("/2010-04-01/Accounts/{account}/Messages.json", (string account, HttpContext context) => CreateMessage(account, Form(context)));
        app.MapGet("/2010-04-01/Accounts/{account}/Messages.json", (string account, HttpRequest request) => ListMessages(account, request));
        app.MapGet("/2010-04-01/Accounts/{account}/Messages/{sid}.json", (string account, string sid) => GetMessage(account, sid));
        app.MapPost("/2010-04-01/Accounts/{account}/Calls.json", (string account, HttpContext context) => CreateCall(account, Form(context)));
    }

    private IResult CreateMessage(string account, Dictionary<string, StringValues> form)
    {
        if (account != AccountSid)
        {
            return NotFound(account);
        }

        var to = First(form, "To");
        var from = First(form, "From");
        var service = First(form, "MessagingServiceSid");
        var body = First(form, "Body");
        if (to is null)
        {
            return Error(400, 21604, "A 'To' phone number is required.");
        }

        if (from is null && service is null)
        {
            return Error(400, 21603, "A 'From' phone number is required.");
        }

        if (body is null)
        {
            return Error(400, 21602, "Message body is required.");
        }

        if (!E164().IsMatch(to))
        {
            return Error(400, 21211, $"The 'To' number {to} is not a valid phone number.");
        }

        if (DisabledRegions.Keys.Any(prefix => to.StartsWith(prefix, StringComparison.Ordinal)))
        {
            return Error(400, 21408, $"Permission to send an SMS has not been enabled for the region indicated by the 'To' number: {to}.");
        }

        if (Unsubscribed.ContainsKey(to))
        {
            return Error(400, 21610, "Attempt to send to unsubscribed recipient");
        }

        if (body.Length > 1600)
        {
            return Error(400, 21617, "The concatenated message body exceeds the 1600 character limit.");
        }

        var message = new TwilioServerMessage
        {
            Sid = NewSid("SM"),
            To = to,
            From = from,
            MessagingServiceSid = service,
            Body = body,
            Status = service is null ? "queued" : "accepted",
            StatusCallback = First(form, "StatusCallback"),
            DateCreated = Clock(),
        };
        var answer = MessageJson(message);
        lock (messages)
        {
            messages.Add(message);
            message.From ??= MessagingServiceNumber;
            message.Status = "sent";
            message.DateSent = message.DateCreated;
        }

        return JsonAnswer(answer, 201);
    }

    private IResult GetMessage(string account, string sid)
    {
        var message = account == AccountSid ? Messages.FirstOrDefault(m => m.Sid == sid) : null;
        return message is null ? NotFound(account) : JsonAnswer(MessageJson(message));
    }

    private IResult ListMessages(string account, HttpRequest request)
    {
        if (account != AccountSid)
        {
            return NotFound(account);
        }

        var query = request.Query;
        var to = query["To"].ToString();
        var from = query["From"].ToString();
        var sentOnOrAfter = Date(query["DateSent>"].ToString());
        var sentOnOrBefore = Date(query["DateSent<"].ToString());
        var sentOn = Date(query["DateSent"].ToString());
        var pageSize = Math.Clamp(QueryInt(request, "PageSize", 50), 1, 1000);
        var page = Math.Max(0, QueryInt(request, "Page", 0));
        var matching = Messages
            .Where(m => (to.Length == 0 || m.To == to) && (from.Length == 0 || m.From == from))
            .Where(m => sentOnOrAfter is null || (m.DateSent is { } d && DateOnly.FromDateTime(d.UtcDateTime) >= sentOnOrAfter))
            .Where(m => sentOnOrBefore is null || (m.DateSent is { } d && DateOnly.FromDateTime(d.UtcDateTime) <= sentOnOrBefore))
            .Where(m => sentOn is null || (m.DateSent is { } d && DateOnly.FromDateTime(d.UtcDateTime) == sentOn))
            .OrderByDescending(m => m.DateSent ?? m.DateCreated)
            .ToList();
        var slice = matching.Skip(page * pageSize).Take(pageSize).ToList();
        var filters = new StringBuilder();
        foreach (var (name, value) in new[] { ("To", to), ("From", from), ("DateSent>", query["DateSent>"].ToString()), ("DateSent<", query["DateSent<"].ToString()), ("DateSent", query["DateSent"].ToString()) })
        {
            if (value.Length > 0)
            {
                filters.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value)).Append('&');
            }
        }

        var listUri = $"/2010-04-01/Accounts/{AccountSid}/Messages.json";
        string PageUri(int number) => $"{listUri}?{filters}PageSize={pageSize.ToString(CultureInfo.InvariantCulture)}&Page={number.ToString(CultureInfo.InvariantCulture)}"
            + (number > 0 && slice.Count > 0 ? "&PageToken=PA" + slice[^1].Sid : "");
        var hasNext = (page + 1) * pageSize < matching.Count;
        return JsonAnswer(new JsonObject
        {
            ["messages"] = new JsonArray([.. slice.Select(m => (JsonNode)MessageJson(m))]),
            ["end"] = page * pageSize + Math.Max(0, slice.Count - 1),
            ["first_page_uri"] = PageUri(0),
            ["next_page_uri"] = hasNext ? PageUri(page + 1) : null,
            ["page"] = page,
            ["page_size"] = pageSize,
            ["previous_page_uri"] = page > 0 ? PageUri(page - 1) : null,
            ["start"] = page * pageSize,
            ["uri"] = PageUri(page),
        });
    }

    private IResult CreateCall(string account, Dictionary<string, StringValues> form)
    {
        if (account != AccountSid)
        {
            return NotFound(account);
        }

        var to = First(form, "To");
        var from = First(form, "From");
        if (to is null)
        {
            return Error(400, 21201, "No 'To' number is specified");
        }

        if (from is null)
        {
            return Error(400, 21213, "No 'From' number is specified");
        }

        if (First(form, "Url") is null && First(form, "Twiml") is null && First(form, "ApplicationSid") is null)
        {
            return Error(400, 21205, "Url parameter is required.");
        }

        if (!E164().IsMatch(to))
        {
            return Error(400, 21211, $"Invalid 'To' Phone Number: {to}");
        }

        var call = new TwilioServerCall { Sid = NewSid("CA"), To = to, From = from, Form = form, DateCreated = Clock() };
        lock (calls)
        {
            calls.Add(call);
        }

        var created = call.DateCreated.ToString("r", CultureInfo.InvariantCulture);
        return JsonAnswer(new JsonObject
        {
            ["sid"] = call.Sid,
            ["account_sid"] = AccountSid,
            ["to"] = to,
            ["to_formatted"] = to,
            ["from"] = from,
            ["from_formatted"] = from,
            ["status"] = "queued",
            ["direction"] = "outbound-api",
            ["answered_by"] = null,
            ["api_version"] = "2010-04-01",
            ["date_created"] = created,
            ["date_updated"] = created,
            ["start_time"] = null,
            ["end_time"] = null,
            ["duration"] = null,
            ["price"] = null,
            ["price_unit"] = "USD",
            ["uri"] = $"/2010-04-01/Accounts/{AccountSid}/Calls/{call.Sid}.json",
            ["subresource_uris"] = new JsonObject
            {
                ["recordings"] = $"/2010-04-01/Accounts/{AccountSid}/Calls/{call.Sid}/Recordings.json",
                ["transcriptions"] = $"/2010-04-01/Accounts/{AccountSid}/Calls/{call.Sid}/Transcriptions.json",
            },
        }, 201);
    }

    private JsonObject MessageJson(TwilioServerMessage m) => new()
    {
        ["account_sid"] = AccountSid,
        ["api_version"] = "2010-04-01",
        ["body"] = m.Body,
        ["date_created"] = m.DateCreated.ToString("r", CultureInfo.InvariantCulture),
        ["date_sent"] = m.DateSent?.ToString("r", CultureInfo.InvariantCulture),
        ["date_updated"] = (m.DateSent ?? m.DateCreated).ToString("r", CultureInfo.InvariantCulture),
        ["direction"] = m.Direction,
        ["error_code"] = m.ErrorCode,
        ["error_message"] = null,
        ["from"] = m.From,
        ["messaging_service_sid"] = m.MessagingServiceSid,
        ["num_media"] = "0",
        ["num_segments"] = ((m.Body.Length + 152) / 153).ToString(CultureInfo.InvariantCulture),
        ["price"] = null,
        ["price_unit"] = "USD",
        ["sid"] = m.Sid,
        ["status"] = m.Status,
        ["subresource_uris"] = new JsonObject { ["media"] = $"/2010-04-01/Accounts/{AccountSid}/Messages/{m.Sid}/Media.json" },
        ["to"] = m.To,
        ["uri"] = $"/2010-04-01/Accounts/{AccountSid}/Messages/{m.Sid}.json",
    };

    private List<KeyValuePair<string, string>> CallForm(TwilioServerCall call, string status) =>
    [
        new("AccountSid", AccountSid),
        new("ApiVersion", "2010-04-01"),
        new("CallSid", call.Sid),
        new("CallStatus", status),
        new("Called", call.To),
        new("Caller", call.From),
        new("Direction", "outbound-api"),
        new("From", call.From),
        new("To", call.To),
    ];

    private List<KeyValuePair<string, string>> RecordingForm(TwilioServerCall call, string recordingSid, int seconds, string source) =>
    [
        new("AccountSid", AccountSid),
        new("CallSid", call.Sid),
        new("ErrorCode", "0"),
        new("RecordingChannels", source == "DualChannel" ? "2" : "1"),
        new("RecordingDuration", seconds.ToString(CultureInfo.InvariantCulture)),
        new("RecordingSid", recordingSid),
        new("RecordingSource", source),
        new("RecordingStartTime", Clock().ToString("r", CultureInfo.InvariantCulture)),
        new("RecordingStatus", "completed"),
        new("RecordingTrack", "both"),
        new("RecordingUrl", RecordingUrl(recordingSid)),
    ];

    private string RecordingUrl(string recordingSid) =>
        $"{BaseAddress.ToString().TrimEnd('/')}/2010-04-01/Accounts/{AccountSid}/Recordings/{recordingSid}";

    private IResult NotFound(string account) =>
        Error(404, 20404, $"The requested resource /2010-04-01/Accounts/{account} was not found");

    private IResult Error(int status, int code, string message) =>
        JsonAnswer(ErrorBody(status, code.ToString(CultureInfo.InvariantCulture), message), status);

    private static Dictionary<string, StringValues> Form(HttpContext context) => QueryHelpers.ParseQuery(BodyOf(context));

    private static string? First(Dictionary<string, StringValues> form, string name) =>
        form.TryGetValue(name, out var values) && values.Count > 0 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;

    private static DateOnly? Date(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private string NewSid(string prefix) =>
        prefix + Interlocked.Increment(ref sequence).ToString("x32", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();
}
