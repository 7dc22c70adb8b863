using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SalesOS.Integrations.Telephony;
using SalesOS.Outreach.Ports;
using SalesOS.Testing.VendorServers;

namespace SalesOS.Tests.Outreach.Telephony;

public sealed class TwilioSmsGatewayTests
{
    private const string To = "+14155550123";

    private static OutboundSms Sms(string body = "Hi Ana, worth a quick chat about Acme's SDR team? https://salesos.example/m/abc", string to = To, string? from = null, Uri? callback = null) =>
        new(to, from, body, callback, "send-1");

    private static async Task<(TwilioServer Server, ServiceProvider Services, ISmsGateway Sms)> StartAsync(params (string, string?)[] overrides)
    {
        var server = await TelephonyHost.StartServerAsync();
        var services = TelephonyHost.Build(TelephonyHost.Settings(server.BaseAddress, overrides));
        return (server, services, services.GetRequiredService<ISmsGateway>());
    }

    [Fact]
    public async Task Send_PostsTheFormWithBasicAuth_AndIsAcceptedWithTwiliosSid()
    {
        var (server, services, sms) = await StartAsync();
        await using var _ = server;
        await using var __ = services;

        var handOff = await sms.SendAsync(Sms(callback: new Uri("https://hooks.salesos.example/twilio/sms?send=1&w=acme")), default);

        Assert.Equal("twilio", sms.Name);
        Assert.Equal(HandOffOutcome.Accepted, handOff.Outcome);
        Assert.Equal("queued", handOff.Status);
        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", $"/2010-04-01/Accounts/{TelephonyHost.AccountSid}/Messages.json"), (request.Method, request.Path));
        Assert.StartsWith("application/x-www-form-urlencoded", request.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(TelephonyHost.AccountSid + ":" + TelephonyHost.AuthToken)), request.Header("Authorization"));
        Assert.Equal(To, TelephonyHost.Field(request, "To"));
        Assert.Equal(TelephonyHost.FromNumber, TelephonyHost.Field(request, "From"));
        Assert.Equal(Sms().Body, TelephonyHost.Field(request, "Body"));
        Assert.Equal("https://hooks.salesos.example/twilio/sms?send=1&w=acme", TelephonyHost.Field(request, "StatusCallback"));
        var stored = Assert.Single(server.Messages);
        Assert.Equal(stored.Sid, handOff.ProviderMessageId);
        Assert.Matches("^SM[0-9a-f]{32}$", handOff.ProviderMessageId);
    }

    [Fact]
    public async Task Send_WithAMessagingService_NamesTheServiceInsteadOfAFromNumber()
    {
        var (server, services, sms) = await StartAsync(("MessagingServiceSid", "MG0123456789abcdef0123456789abcdef"), ("FromNumber", null));
        await using var _ = server;
        await using var __ = services;

        var handOff = await sms.SendAsync(Sms(), default);

        Assert.Equal((HandOffOutcome.Accepted, "accepted"), (handOff.Outcome, handOff.Status));
        var form = TelephonyHost.FormOf(Assert.Single(server.Requests));
        Assert.Contains(form, p => p.Key == "MessagingServiceSid" && p.Value == "MG0123456789abcdef0123456789abcdef");
        Assert.DoesNotContain(form, p => p.Key == "From");
    }

    [Fact]
    public async Task Send_AnSmsNamingItsSender_UsesThatNumber()
    {
        var (server, services, sms) = await StartAsync(("MessagingServiceSid", "MG0123456789abcdef0123456789abcdef"));
        await using var _ = server;
        await using var __ = services;

        await sms.SendAsync(Sms(from: "+15005550009"), default);

        var request = Assert.Single(server.Requests);
        Assert.Equal("+15005550009", TelephonyHost.Field(request, "From"));
        Assert.Null(TelephonyHost.Field(request, "MessagingServiceSid"));
    }

    [Fact]
    public async Task Send_WithAnApiKey_SignsInWithTheKeyNotTheAuthToken()
    {
        var (server, services, sms) = await StartAsync(("ApiKeySid", "SK0123456789abcdef0123456789abcdef"), ("ApiKeySecret", "key-secret"), ("AuthToken", null));
        await using var _ = server;
        await using var __ = services;
        server.AddApiKey("SK0123456789abcdef0123456789abcdef", "key-secret");

        var handOff = await sms.SendAsync(Sms(), default);

        Assert.Equal(HandOffOutcome.Accepted, handOff.Outcome);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("SK0123456789abcdef0123456789abcdef:key-secret")), server.Requests[0].Header("Authorization"));
    }

    [Theory]
    [InlineData("+1415", "invalid-number", "Twilio 21211")]
    [InlineData("+447700900123", "region-not-enabled", "Twilio 21408")]
    [InlineData("+14155550199", "unsubscribed", "Twilio 21610")]
    public async Task Send_TwilioRefusesTheMessage_IsRejectedWithCodeAndMessage(string to, string status, string code)
    {
        var (server, services, sms) = await StartAsync();
        await using var _ = server;
        await using var __ = services;
        server.DisabledRegions["+44"] = true;
        server.Unsubscribed["+14155550199"] = true;

        var handOff = await sms.SendAsync(Sms(to: to), default);

        Assert.Equal(HandOffOutcome.Rejected, handOff.Outcome);
        Assert.Equal(status, handOff.Status);
        Assert.Null(handOff.ProviderMessageId);
        Assert.Contains(code, handOff.Detail, StringComparison.Ordinal);
        Assert.Contains("https://www.twilio.com/docs/errors/", handOff.Detail, StringComparison.Ordinal);
        Assert.Single(server.Requests);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task Send_WrongAuthToken_IsDeferredAsCredentialsRefused()
    {
        var (server, services, sms) = await StartAsync(("AuthToken", "not-the-token"));
        await using var _ = server;
        await using var __ = services;

        var handOff = await sms.SendAsync(Sms(), default);

        Assert.Equal(HandOffOutcome.Deferred, handOff.Outcome);
        Assert.Contains("credentials refused", handOff.Detail, StringComparison.Ordinal);
        Assert.Contains("20003", handOff.Detail, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Send_WrongAccountSid_IsDeferredAsAConfigurationFault()
    {
        var (server, services, sms) = await StartAsync(("AccountSid", "ACffffffffffffffffffffffffffffffff"));
        await using var _ = server;
        await using var __ = services;
        server.AddApiKey("ACffffffffffffffffffffffffffffffff", TelephonyHost.AuthToken);

        var handOff = await sms.SendAsync(Sms(), default);

        Assert.Equal(HandOffOutcome.Deferred, handOff.Outcome);
        Assert.Contains("20404", handOff.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ThrottledWithRetryAfter_WaitsAsToldAndThenIsAccepted()
    {
        var (server, services, sms) = await StartAsync();
        await using var _ = server;
        await using var __ = services;
        server.FailNext(1, VendorFault.TooManyRequests(TimeSpan.FromSeconds(1)));

        var handOff = await sms.SendAsync(Sms(), default);

        Assert.Equal(HandOffOutcome.Accepted, handOff.Outcome);
        Assert.Equal([429, 201], server.Requests.Select(r => r.Status).ToArray());
        // The retry may come late on a busy machine, never early.
        Assert.True(server.Requests[1].At - server.Requests[0].At >= TimeSpan.FromMilliseconds(900), $"retried after {server.Requests[1].At - server.Requests[0].At}");
        Assert.Single(server.Messages);
    }

    [Fact]
    public async Task Send_RetryAfterBeyondTheBound_IsDeferredWithoutWaiting()
    {
        var (server, services, sms) = await StartAsync();
        await using var _ = server;
        await using var __ = services;
        server.FailNext(1, VendorFault.TooManyRequests(TimeSpan.FromMinutes(10)));

        var handOff = await sms.SendAsync(Sms(), default);

        Assert.Equal(HandOffOutcome.Deferred, handOff.Outcome);
        Assert.Contains("throttled", handOff.Detail, StringComparison.Ordinal);
        Assert.Contains("20429", handOff.Detail, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Send_ThrottledOnEveryAttempt_IsDeferredAfterMaxAttempts()
    {
        var (server, services, sms) = await StartAsync();
        await using var _ = server;
        await using var __ = services;
        server.FailNext(5, VendorFault.TooManyRequests());

        var handOff = await sms.SendAsync(Sms(), default);

        Assert.Equal(HandOffOutcome.Deferred, handOff.Outcome);
        Assert.Equal(3, server.Requests.Count);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task Send_ServiceUnavailable_IsRetried_ButA500IsNot_BecauseTwilioMayHaveTakenIt()
    {
        var (server, services, sms) = await StartAsync();
        await using var _ = server;
        await using var __ = services;

        server.FailNext(1, VendorFault.ServerError(503));
        var retried = await sms.SendAsync(Sms(), default);
        Assert.Equal(HandOffOutcome.Accepted, retried.Outcome);
        Assert.Equal([503, 201], server.Requests.Select(r => r.Status).ToArray());

        server.ClearRequests();
        server.FailNext(1, VendorFault.ServerError(500));
        var failed = await sms.SendAsync(Sms(), default);
        Assert.Equal(HandOffOutcome.Deferred, failed.Outcome);
        Assert.Contains("Twilio failed", failed.Detail, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Send_NoAnswerInTime_IsUnknownOnce_AndSaysToReconcile()
    {
        var (server, services, sms) = await StartAsync(("Timeout", "00:00:00.300"));
        await using var _ = server;
        await using var __ = services;
        server.FailNext(1, VendorFault.Slow(TimeSpan.FromSeconds(10)));

        var handOff = await sms.SendAsync(Sms(), default);

        Assert.Equal((HandOffOutcome.Unknown, "timed-out"), (handOff.Outcome, handOff.Status));
        Assert.Contains("reconcile", handOff.Detail, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Send_MalformedJson_IsUnknown()
    {
        var (server, services, sms) = await StartAsync();
        await using var _ = server;
        await using var __ = services;
        server.FailNext(1, VendorFault.MalformedJson);

        var handOff = await sms.SendAsync(Sms(), default);

        Assert.Equal((HandOffOutcome.Unknown, "malformed"), (handOff.Outcome, handOff.Status));
    }

    [Fact]
    public async Task FindSent_AfterASend_FindsIt()
    {
        var (server, services, sms) = await StartAsync();
        await using var _ = server;
        await using var __ = services;
        var before = DateTimeOffset.UtcNow;
        await sms.SendAsync(Sms(), default);

        Assert.Equal(SentCopy.Found, await sms.FindSentAsync(Sms(), before, default));
        Assert.Equal(SentCopy.NotFound, await sms.FindSentAsync(Sms(body: "another text"), before, default));
        Assert.Equal(SentCopy.NotFound, await sms.FindSentAsync(Sms(to: "+14155550999"), before, default));
    }

    [Fact]
    public async Task FindSent_FollowsNextPageUri_WithTheDocumentedFilters()
    {
        var (server, services, sms) = await StartAsync(("PageSize", "2"));
        await using var _ = server;
        await using var __ = services;
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 5; i++)
        {
            server.Seed(To, TelephonyHost.FromNumber, $"other message {i}", now.AddSeconds(-i));
        }

        server.Seed(To, TelephonyHost.FromNumber, Sms().Body, now.AddSeconds(-10));
        server.Seed(To, TelephonyHost.FromNumber, "older, same day", now.AddSeconds(-20));

        var found = await sms.FindSentAsync(Sms(), now.AddMinutes(-1), default);

        Assert.Equal(SentCopy.Found, found);
        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, r =>
        {
            Assert.Equal("GET", r.Method);
            Assert.Equal(To, r.Query["To"]);
            Assert.Equal(TelephonyHost.FromNumber, r.Query["From"]);
            Assert.Equal(now.AddMinutes(-6).UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.Query["DateSent>"]);
        });
        Assert.Equal(["0", "1", "2"], server.Requests.Select(r => r.Query.GetValueOrDefault("Page") ?? "0").ToArray());
    }

    [Fact]
    public async Task FindSent_ReadsEveryPage_ThenSaysNotFound()
    {
        var (server, services, sms) = await StartAsync(("PageSize", "2"));
        await using var _ = server;
        await using var __ = services;
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 5; i++)
        {
            server.Seed(To, TelephonyHost.FromNumber, $"other message {i}", now.AddSeconds(-i));
        }

        Assert.Equal(SentCopy.NotFound, await sms.FindSentAsync(Sms(), now.AddMinutes(-1), default));
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task FindSent_TheSameTextSentDaysBefore_DoesNotCount()
    {
        var (server, services, sms) = await StartAsync();
        await using var _ = server;
        await using var __ = services;
        var now = DateTimeOffset.UtcNow;
        server.Seed(To, TelephonyHost.FromNumber, Sms().Body, now.AddDays(-3));

        Assert.Equal(SentCopy.NotFound, await sms.FindSentAsync(Sms(), now.AddMinutes(-1), default));
    }

    [Fact]
    public async Task FindSent_AReplyWithTheSameText_DoesNotCount()
    {
        var (server, services, sms) = await StartAsync(("FromNumber", null), ("MessagingServiceSid", "MG0123456789abcdef0123456789abcdef"));
        await using var _ = server;
        await using var __ = services;
        var now = DateTimeOffset.UtcNow;
        server.Seed(To, TelephonyHost.FromNumber, Sms().Body, now, status: "received", direction: "inbound");

        Assert.Equal(SentCopy.NotFound, await sms.FindSentAsync(Sms(), now.AddMinutes(-1), default));
        // Through a messaging service the sender is the pool's choice, so the list is not narrowed by From.
        Assert.False(server.Requests[0].Query.ContainsKey("From"));
    }

    [Fact]
    public async Task FindSent_MoreThanMaxPages_CannotTell()
    {
        var (server, services, sms) = await StartAsync(("PageSize", "1"), ("MaxPages", "2"));
        await using var _ = server;
        await using var __ = services;
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 4; i++)
        {
            server.Seed(To, TelephonyHost.FromNumber, $"other message {i}", now.AddSeconds(-i));
        }

        Assert.Equal(SentCopy.CannotTell, await sms.FindSentAsync(Sms(), now.AddMinutes(-1), default));
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task FindSent_AnErrorOnAnyPage_CannotTell()
    {
        var (server, services, sms) = await StartAsync(("MaxAttempts", "1"));
        await using var _ = server;
        await using var __ = services;
        server.FailNext(1, VendorFault.ServerError());

        Assert.Equal(SentCopy.CannotTell, await sms.FindSentAsync(Sms(), DateTimeOffset.UtcNow, default));
    }

    [Fact]
    public async Task FindSent_AServerErrorOnARead_IsRetried()
    {
        var (server, services, sms) = await StartAsync();
        await using var _ = server;
        await using var __ = services;
        server.Seed(To, TelephonyHost.FromNumber, Sms().Body, DateTimeOffset.UtcNow);
        server.FailNext(1, VendorFault.ServerError());

        Assert.Equal(SentCopy.Found, await sms.FindSentAsync(Sms(), DateTimeOffset.UtcNow.AddMinutes(-1), default));
        Assert.Equal([500, 200], server.Requests.Select(r => r.Status).ToArray());
    }

    [Fact]
    public async Task StatusCallback_TheServersSignedPost_ValidatesAndReadsAsAStatusReport()
    {
        var (server, services, sms) = await StartAsync();
        await using var _ = server;
        await using var __ = services;
        await using var receiver = await CallbackReceiver.StartAsync();
        var handOff = await sms.SendAsync(Sms(callback: receiver.Url("/twilio/sms-status?send=send-1")), default);

        await server.ReportMessageStatusAsync(handOff.ProviderMessageId!, "delivered");
        await server.ReportMessageStatusAsync(handOff.ProviderMessageId!, "undelivered", 30007);

        var validator = services.GetRequiredService<IWebhookSignatureValidator>();
        Assert.Equal(2, receiver.Received.Count);
        Assert.All(receiver.Received, hook => Assert.True(validator.IsValid(hook.Url, hook.Form, hook.Signature)));
        var delivered = TwilioWebhooks.ReadSmsStatus(receiver.Received[0].Form).Report!;
        Assert.Equal(new SmsStatusReport(handOff.ProviderMessageId!, "delivered", null, null), delivered);
        var undelivered = TwilioWebhooks.ReadSmsStatus(receiver.Received[1].Form).Report!;
        Assert.Equal(("undelivered", "30007"), (undelivered.Status, undelivered.ErrorCode));
        Assert.Contains("filtered", undelivered.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InboundSms_TheServersSignedPost_ValidatesAndReads()
    {
        var server = await TelephonyHost.StartServerAsync();
        await using var _ = server;
        await using var services = TelephonyHost.Build(TelephonyHost.Settings(server.BaseAddress));
        await using var receiver = await CallbackReceiver.StartAsync();

        await server.PostInboundSmsAsync(receiver.Url("/twilio/sms-inbound"), To, TelephonyHost.FromNumber, "STOP");

        var hook = Assert.Single(receiver.Received);
        Assert.True(services.GetRequiredService<IWebhookSignatureValidator>().IsValid(hook.Url, hook.Form, hook.Signature));
        var inbound = TwilioWebhooks.ReadInboundSms(hook.Form).Report!;
        Assert.Equal((To, TelephonyHost.FromNumber, "STOP"), (inbound.From, inbound.To, inbound.Body));
        Assert.StartsWith("SM", inbound.ProviderMessageId, StringComparison.Ordinal);
    }
}
