using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using SalesOS.Integrations.Telephony;
using SalesOS.Outreach.Ports;
using SalesOS.Testing.VendorServers;

namespace SalesOS.Tests.Outreach.Telephony;

public sealed class TwilioVoiceGatewayTests
{
    private const string Script = "Hi Ana, this is the SalesOS assistant calling for Acme <Sales & Marketing>.\n\nIs \"pipeline coverage\" something your team is working on this quarter?";

    private static OutboundCall Call(CallbackReceiver receiver, bool record = true, bool transcribe = true, string script = Script, string to = "+14155550123") => new(
        to,
        TelephonyHost.FromNumber,
        script,
        receiver.Url("/twilio/call-status?call=c-1"),
        receiver.Url("/twilio/recording?call=c-1"),
        transcribe ? receiver.Url("/twilio/transcript?call=c-1") : null,
        record,
        "call-1");

    private static async Task<(TwilioServer Server, ServiceProvider Services, IVoiceGateway Voice, CallbackReceiver Receiver)> StartAsync(params (string, string?)[] overrides)
    {
        var server = await TelephonyHost.StartServerAsync();
        var services = TelephonyHost.Build(TelephonyHost.Settings(server.BaseAddress, overrides));
        return (server, services, services.GetRequiredService<IVoiceGateway>(), await CallbackReceiver.StartAsync());
    }

    [Fact]
    public async Task PlaceCall_PostsTheScriptAsTwimlWithEveryCallback()
    {
        var (server, services, voice, receiver) = await StartAsync(("Voice", "Polly.Joanna"), ("Language", "en-US"));
        await using var _ = server;
        await using var __ = services;
        await using var ___ = receiver;

        var handOff = await voice.PlaceCallAsync(Call(receiver), default);

        Assert.True(voice.IsConfigured);
        Assert.Equal((HandOffOutcome.Accepted, "queued"), (handOff.Outcome, handOff.Status));
        Assert.Matches("^CA[0-9a-f]{32}$", handOff.ProviderCallId);
        var request = Assert.Single(server.Requests);
        Assert.Equal($"/2010-04-01/Accounts/{TelephonyHost.AccountSid}/Calls.json", request.Path);
        var form = TelephonyHost.FormOf(request);
        string? Field(string name) => form.Where(p => p.Key == name).Select(p => p.Value).FirstOrDefault();
        Assert.Equal(("+14155550123", TelephonyHost.FromNumber), (Field("To"), Field("From")));
        Assert.Equal(receiver.Url("/twilio/call-status?call=c-1").OriginalString, Field("StatusCallback"));
        Assert.Equal(["initiated", "ringing", "answered", "completed"], form.Where(p => p.Key == "StatusCallbackEvent").Select(p => p.Value).ToArray());
        Assert.Equal(("true", receiver.Url("/twilio/recording?call=c-1").OriginalString), (Field("Record"), Field("RecordingStatusCallback")));
        Assert.Equal("Enable", Field("MachineDetection"));

        var twiml = XElement.Parse(Field("Twiml")!);
        Assert.Equal("Response", twiml.Name.LocalName);
        Assert.Equal(["Say", "Say", "Record", "Hangup"], twiml.Elements().Select(e => e.Name.LocalName).ToArray());
        var says = twiml.Elements("Say").ToList();
        Assert.Equal("Hi Ana, this is the SalesOS assistant calling for Acme <Sales & Marketing>.", says[0].Value);
        Assert.Equal("Is \"pipeline coverage\" something your team is working on this quarter?", says[1].Value);
        Assert.All(says, s => Assert.Equal(("Polly.Joanna", "en-US"), ((string?)s.Attribute("voice"), (string?)s.Attribute("language"))));
        var record = twiml.Element("Record")!;
        Assert.Equal("true", (string?)record.Attribute("transcribe"));
        Assert.Equal(receiver.Url("/twilio/transcript?call=c-1").OriginalString, (string?)record.Attribute("transcribeCallback"));
        // The whole call is recorded and reported already; the answer's recording is not reported twice.
        Assert.Null(record.Attribute("recordingStatusCallback"));
        Assert.Contains("&lt;Sales &amp; Marketing&gt;", Field("Twiml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlaceCall_WithoutRecordingTheWholeCall_ReportsTheAnswersRecording()
    {
        var (server, services, voice, receiver) = await StartAsync(("DetectAnsweringMachine", "false"));
        await using var _ = server;
        await using var __ = services;
        await using var ___ = receiver;

        await voice.PlaceCallAsync(Call(receiver, record: false, transcribe: false), default);

        var form = TelephonyHost.FormOf(server.Requests[0]);
        Assert.DoesNotContain(form, p => p.Key is "Record" or "RecordingStatusCallback" or "MachineDetection");
        var record = XElement.Parse(form.Single(p => p.Key == "Twiml").Value).Element("Record")!;
        Assert.Equal(receiver.Url("/twilio/recording?call=c-1").OriginalString, (string?)record.Attribute("recordingStatusCallback"));
        Assert.Null(record.Attribute("transcribe"));
    }

    [Fact]
    public async Task PlayedCall_EveryCallbackValidates_AndReadsIntoProgressRecordingAndTranscript()
    {
        var (server, services, voice, receiver) = await StartAsync();
        await using var _ = server;
        await using var __ = services;
        await using var ___ = receiver;
        var handOff = await voice.PlaceCallAsync(Call(receiver), default);

        await server.PlayCallAsync(handOff.ProviderCallId!, new CallScenario(DurationSeconds: 37, RecordingSeconds: 12, Transcript: "We use a spreadsheet today, call me next week."));

        var validator = services.GetRequiredService<IWebhookSignatureValidator>();
        Assert.All(receiver.Received, hook => Assert.True(validator.IsValid(hook.Url, hook.Form, hook.Signature), hook.Url.ToString()));
        var progress = receiver.Received.Where(h => h.Url.AbsolutePath == "/twilio/call-status").Select(h => TwilioWebhooks.ReadCallStatus(h.Form).Report!).ToList();
        Assert.Equal(["initiated", "ringing", "in-progress", "completed"], progress.Select(p => p.Status).ToArray());
        Assert.All(progress, p => Assert.Equal(handOff.ProviderCallId, p.ProviderCallId));
        Assert.Equal((37, "human"), (progress[^1].DurationSeconds, progress[^1].AnsweredBy));
        Assert.Null(progress[0].DurationSeconds);

        var recording = TwilioWebhooks.ReadRecording(receiver.Received.Single(h => h.Url.AbsolutePath == "/twilio/recording").Form).Report!;
        Assert.Equal((handOff.ProviderCallId, 37), (recording.ProviderCallId, recording.DurationSeconds));
        Assert.StartsWith("RE", recording.RecordingId, StringComparison.Ordinal);
        Assert.EndsWith(recording.RecordingId, recording.RecordingUrl.AbsolutePath, StringComparison.Ordinal);

        var transcript = TwilioWebhooks.ReadTranscript(receiver.Received.Single(h => h.Url.AbsolutePath == "/twilio/transcript").Form).Report!;
        Assert.Equal(new TranscriptReport(handOff.ProviderCallId!, "We use a spreadsheet today, call me next week.", "completed"), transcript);
    }

    [Fact]
    public async Task PlayedCall_NotAnswered_ReportsNoAnswerWithoutRecording()
    {
        var (server, services, voice, receiver) = await StartAsync();
        await using var _ = server;
        await using var __ = services;
        await using var ___ = receiver;
        var handOff = await voice.PlaceCallAsync(Call(receiver), default);

        await server.PlayCallAsync(handOff.ProviderCallId!, new CallScenario(FinalStatus: "no-answer"));

        var reports = receiver.Received.Select(h => TwilioWebhooks.ReadCallStatus(h.Form).Report!).ToList();
        Assert.Equal(["initiated", "ringing", "no-answer"], reports.Select(r => r.Status).ToArray());
        Assert.Equal(0, reports[^1].DurationSeconds);
        Assert.Null(reports[^1].AnsweredBy);
    }

    [Fact]
    public async Task PlaceCall_InvalidNumber_IsRejected_AndBadCredentialsDeferred()
    {
        var (server, services, voice, receiver) = await StartAsync();
        await using var _ = server;
        await using var __ = services;
        await using var ___ = receiver;

        var invalid = await voice.PlaceCallAsync(Call(receiver, to: "555-0123"), default);
        Assert.Equal((HandOffOutcome.Rejected, "invalid-number"), (invalid.Outcome, invalid.Status));
        Assert.Contains("Twilio 21211", invalid.Detail, StringComparison.Ordinal);

        server.FailNext(1, VendorFault.Unauthorized);
        var refused = await voice.PlaceCallAsync(Call(receiver), default);
        Assert.Equal(HandOffOutcome.Deferred, refused.Outcome);
        Assert.Contains("credentials refused", refused.Detail, StringComparison.Ordinal);
        Assert.Empty(server.Calls);
    }

    [Fact]
    public async Task PlaceCall_ThrottledWithRetryAfter_IsPlacedOnTheRetry()
    {
        var (server, services, voice, receiver) = await StartAsync();
        await using var _ = server;
        await using var __ = services;
        await using var ___ = receiver;
        server.FailNext(1, VendorFault.TooManyRequests(TimeSpan.FromSeconds(1)));

        var handOff = await voice.PlaceCallAsync(Call(receiver), default);

        Assert.Equal(HandOffOutcome.Accepted, handOff.Outcome);
        Assert.Single(server.Calls);
        Assert.Equal([429, 201], server.Requests.Select(r => r.Status).ToArray());
    }

    [Fact]
    public async Task PlaceCall_AScriptTooLongForInlineTwiml_IsRejectedWithoutARequest()
    {
        var (server, services, voice, receiver) = await StartAsync();
        await using var _ = server;
        await using var __ = services;
        await using var ___ = receiver;

        var handOff = await voice.PlaceCallAsync(Call(receiver, script: string.Join('\n', Enumerable.Repeat("Tell me about your sales process & tools.", 120))), default);

        Assert.Equal(HandOffOutcome.Rejected, handOff.Outcome);
        Assert.Contains("4000", handOff.Detail, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Unconfigured_ReportsIsConfiguredFalse_AndPlacesNothing()
    {
        await using var services = TelephonyHost.Build([]);
        await using var receiver = await CallbackReceiver.StartAsync();
        var voice = services.GetRequiredService<IVoiceGateway>();

        Assert.False(voice.IsConfigured);
        var handOff = await voice.PlaceCallAsync(Call(receiver), default);
        Assert.Equal((HandOffOutcome.Deferred, "not-configured"), (handOff.Outcome, handOff.Status));
    }

    [Fact]
    public void Twiml_ControlCharactersInTheScript_AreDropped_NotAFailure()
    {
        var call = new OutboundCall("+14155550123", TelephonyHost.FromNumber, "Hello\u0001 there\u0007", new Uri("https://hooks.example/s"), null, null, false, "r");

        var twiml = XElement.Parse(CallScriptTwiml.Build(call, new TwilioOptions()));

        Assert.Equal(["Say", "Hangup"], twiml.Elements().Select(e => e.Name.LocalName).ToArray());
        Assert.Equal("Hello there", twiml.Element("Say")!.Value);
    }
}
