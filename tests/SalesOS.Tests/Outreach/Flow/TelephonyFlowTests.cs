using System.Net.Http.Json;
using System.Text.Json;
using SalesOS.Testing;
using SalesOS.Testing.VendorServers;

namespace SalesOS.Tests.Outreach.Flow;

/// <summary>
/// SMS and call steps through the Twilio-compatible client against a loopback server that answers and
/// calls back as Twilio does (signed with X-Twilio-Signature): the SMS carries the opt-out line and its
/// delivery report lands on the timeline, the call says the step's script and its transcript is read like
/// a reply, a STOP text unsubscribes, and a callback with a forged signature is refused.
/// </summary>
public sealed class TelephonyFlowTests : IAsyncLifetime
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string AuthToken = "twilio-test-auth-token";
    private const string FromNumber = "+15017122661";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private TwilioServer twilio = null!;
    private OutreachHost host = null!;

    public async Task InitializeAsync()
    {
        twilio = await TwilioServer.StartAsync(AccountSid, AuthToken);
        host = await OutreachHost.StartAsync(
            $"--SalesOS:Telephony:Twilio:BaseUrl={twilio.BaseAddress.ToString().TrimEnd('/')}",
            $"--SalesOS:Telephony:Twilio:AccountSid={AccountSid}",
            $"--SalesOS:Telephony:Twilio:AuthToken={AuthToken}",
            $"--SalesOS:Telephony:Twilio:FromNumber={FromNumber}");
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await twilio.DisposeAsync();
    }

    private static async Task<JsonElement> TimelineAsync(HttpClient client, string workspace, string contact)
        => await client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/contacts/{contact}/activities");

    [Fact]
    public async Task SmsAndCallSteps_GoThroughTwilio_AndTheirCallbacksDriveTheContact()
    {
        var (workspace, client) = await host.CreateWorkspaceAsync("phone");
        var saved = await client.PutAsJsonAsync($"/api/workspaces/{workspace}/sequences/phone-first", new
        {
            name = "Phone first",
            steps = new object[]
            {
                new { channel = "Sms", delayBusinessDays = 0, condition = "Always", variants = new[] { new { id = "a", subject = (string?)null, body = "Hi {{ contact.first_name }}, Anna from Northwind here. Worth a quick call this week?", weight = 1 } } },
                new { channel = "Phone", delayBusinessDays = 1, condition = "NotReplied", variants = new[] { new { id = "a", subject = (string?)null, body = "Hello {{ contact.first_name }}, this is Northwind calling about onboarding new sales reps faster.\nIs that a priority for {{ company.name }} this quarter?", weight = 1 } } },
            },
        });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var jane = await OutreachHost.ScoredContactAsync(client, workspace, "jane@phone-test.example", phone: "+4930123456780", lawfulBasis: "consent");
        (await client.PostAsJsonAsync($"/api/workspaces/{workspace}/contacts/{jane}/enrollment", new { sequenceId = "phone-first" })).EnsureSuccessStatusCode();

        // The SMS reaches Twilio with the opt-out line, and its delivery report reaches the timeline.
        var sms = await Eventually.Get(() => Task.FromResult(twilio.Messages), m => m.Count == 1, Wait, "the SMS at Twilio");
        Assert.Equal("+4930123456780", sms[0].To);
        Assert.Contains("Hi Jane, Anna from Northwind", sms[0].Body, StringComparison.Ordinal);
        Assert.EndsWith("Reply STOP to opt out.", sms[0].Body, StringComparison.Ordinal);
        var enrollment = await Eventually.Get(() => client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/contacts/{jane}/enrollment"),
            e => e.GetProperty("steps").GetArrayLength() == 1, Wait, "the SMS step recorded");
        Assert.Equal("Sent", enrollment.GetProperty("steps")[0].GetProperty("outcome").GetString());
        var delivered = await twilio.ReportMessageStatusAsync(sms[0].Sid, "delivered");
        Assert.Equal(204, delivered.Status);
        await Eventually.Get(() => TimelineAsync(client, workspace, jane), t => t.EnumerateArray().Any(a => a.GetProperty("kind").GetString() == "sms-delivered"), Wait, "sms-delivered on the timeline");

        // A callback whose signature does not verify changes nothing.
        using var anonymous = new HttpClient { BaseAddress = host.Silo.ApiAddress };
        using var forged = new HttpRequestMessage(HttpMethod.Post, new Uri(delivered.Url.PathAndQuery, UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(delivered.Form),
        };
        forged.Headers.Add("X-Twilio-Signature", "Zm9yZ2Vk");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await anonymous.SendAsync(forged)).StatusCode);

        // A business day later the call: Twilio says the script, the prospect answers with interest.
        host.AdvanceTo(enrollment.GetProperty("nextStepAt").GetDateTimeOffset() + TimeSpan.FromSeconds(1));
        var calls = await Eventually.Get(() => Task.FromResult(twilio.Calls), c => c.Count == 1, Wait, "the call at Twilio");
        Assert.Equal("+4930123456780", calls[0].To);
        Assert.Contains("this is Northwind calling", calls[0].Twiml, StringComparison.Ordinal);
        var callbacks = await twilio.PlayCallAsync(calls[0].Sid, new CallScenario(Transcript: "Yes, I'm interested. Send me some times for a call next week."));
        Assert.All(callbacks, c => Assert.Equal(204, c.Status));
        var contact = await Eventually.Get(() => client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/contacts/{jane}"),
            c => c.GetProperty("state").GetString() == "Engaged", Wait, "the transcript read as interest");
        // The call was the last step, so the sequence had already completed when the answer came in.
        Assert.Equal("Completed", contact.GetProperty("enrollment").GetProperty("status").GetString());
        var timeline = await TimelineAsync(client, workspace, jane);
        Assert.Contains(timeline.EnumerateArray(), a => a.GetProperty("kind").GetString() == "call-completed");
        Assert.Contains(timeline.EnumerateArray(), a => a.GetProperty("kind").GetString() == "call-recording");
    }

    [Fact]
    public async Task StopText_UnsubscribesAndSuppressesTheNumber()
    {
        var (workspace, client) = await host.CreateWorkspaceAsync("stop");
        (await client.PutAsJsonAsync($"/api/workspaces/{workspace}/sequences/sms", new
        {
            name = "SMS",
            steps = new object[]
            {
                new { channel = "Sms", delayBusinessDays = 0, condition = "Always", variants = new[] { new { id = "a", subject = (string?)null, body = "Hi {{ contact.first_name }}!", weight = 1 } } },
                new { channel = "Sms", delayBusinessDays = 1, condition = "Always", variants = new[] { new { id = "a", subject = (string?)null, body = "Following up.", weight = 1 } } },
            },
        })).EnsureSuccessStatusCode();
        var joe = await OutreachHost.ScoredContactAsync(client, workspace, "joe@stop-test.example", "Joe", phone: "+4930123456781", lawfulBasis: "consent");
        (await client.PostAsJsonAsync($"/api/workspaces/{workspace}/contacts/{joe}/enrollment", new { sequenceId = "sms" })).EnsureSuccessStatusCode();
        await Eventually.Get(() => Task.FromResult(twilio.Messages.Count(m => m.To == "+4930123456781")), n => n == 1, Wait, "the first SMS");

        var webhook = new Uri(host.Silo.ApiAddress, $"/hooks/telephony/sms-inbound?workspace={workspace}");
        var stop = await twilio.PostInboundSmsAsync(webhook, "+4930123456781", FromNumber, "STOP");
        Assert.Equal(204, stop.Status);
        var contact = await client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/contacts/{joe}");
        Assert.Equal("Unsubscribed", contact.GetProperty("state").GetString());
        Assert.Equal("Stopped", contact.GetProperty("enrollment").GetProperty("status").GetString());
        host.Advance(TimeSpan.FromDays(3));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(1, twilio.Messages.Count(m => m.To == "+4930123456781" && m.Direction == "outbound-api"));
    }
}
