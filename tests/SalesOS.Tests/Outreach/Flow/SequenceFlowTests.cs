using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MimeKit;
using SalesOS.Testing;

namespace SalesOS.Tests.Outreach.Flow;

/// <summary>One embedded silo with a fake business clock for every outreach flow test (each test has its own workspace).</summary>
public sealed class OutreachHostFixture : IAsyncLifetime
{
    public OutreachHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await OutreachHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class OutreachHostCollection : ICollectionFixture<OutreachHostFixture>
{
    public const string Name = "Outreach host (fake business clock)";
}

/// <summary>
/// Sequences end to end through the REST API on the embedded default (no mailbox configured, so every
/// email lands in the outbox folder): follow-ups on schedule in the prospect's time zone, threading,
/// tracking, and everything that stops or pauses an enrolment. Business time is moved by hand, so a
/// two-week sequence runs in seconds.
/// </summary>
[Collection(OutreachHostCollection.Name)]
public sealed class SequenceFlowTests(OutreachHostFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private OutreachHost Host => fixture.Host;

    private static object Email(int delay, string? subject, string body, string condition = "NotReplied", string id = "a")
        => new { channel = "Email", delayBusinessDays = delay, condition, variants = new[] { new { id, subject, body, weight = 1 } } };

    private static async Task SaveSequenceAsync(HttpClient client, string workspace, string id, params object[] steps)
    {
        var response = await client.PutAsJsonAsync($"/api/workspaces/{workspace}/sequences/{id}", new { name = "Test " + id, steps });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> EnrollmentAsync(HttpClient client, string workspace, string contact)
        => await client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/contacts/{contact}/enrollment");

    private static async Task<JsonElement> ContactAsync(HttpClient client, string workspace, string contact)
        => await client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/contacts/{contact}");

    private static Task<JsonElement> WaitForEnrollmentAsync(HttpClient client, string workspace, string contact, Func<JsonElement, bool> done, string what)
        => Eventually.Get(() => EnrollmentAsync(client, workspace, contact), done, Wait, what);

    private static int Sent(JsonElement enrollment) => enrollment.GetProperty("steps").EnumerateArray().Count(s => s.GetProperty("outcome").GetString() is "Sent");

    private static JsonElement Step(JsonElement enrollment, int number) => enrollment.GetProperty("steps").EnumerateArray().Last(s => s.GetProperty("step").GetInt32() == number);

    private async Task<IReadOnlyList<MimeMessage>> OutboxAsync(string workspace)
    {
        var folder = Path.Combine(Host.DataDirectory, "outbox", workspace);
        var messages = new List<MimeMessage>();
        if (!Directory.Exists(folder))
        {
            return messages;
        }

        foreach (var file in Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal))
        {
            await using var stream = File.OpenRead(file);
            messages.Add(await MimeMessage.LoadAsync(stream));
        }

        return messages;
    }

    private static async Task EnrollAsync(HttpClient client, string workspace, string contact, string sequence)
    {
        var response = await client.PostAsJsonAsync($"/api/workspaces/{workspace}/contacts/{contact}/enrollment", new { sequenceId = sequence });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Sequence_SendsFollowUpsOnSchedule_InTheProspectsWindow_AndAReplyStopsIt()
    {
        var (workspace, client) = await Host.CreateWorkspaceAsync("flow");
        await SaveSequenceAsync(client, workspace, "three-touch",
            Email(0, "Hi {{ contact.first_name }}", "Hi {{ contact.first_name }},\n\nI noticed {{ company.name }} is growing. Pricing: https://northwind.example/pricing\n\nBest,\n{{ sender.first_name }}"),
            Email(2, null, "Just bringing this to the top of your inbox, {{ contact.first_name }}."),
            Email(3, "Last note", "Closing the loop on this."));
        var jane = await OutreachHost.ScoredContactAsync(client, workspace, "jane.doe@acme-robotics.example");
        await EnrollAsync(client, workspace, jane, "three-touch");

        // Step 1 goes out at once (Monday 08:30 in Berlin is inside the window).
        var afterFirst = await WaitForEnrollmentAsync(client, workspace, jane, e => Sent(e) == 1, "step 1 sent");
        var outbox = await OutboxAsync(workspace);
        var first = Assert.Single(outbox);
        Assert.Equal("Hi Jane", first.Subject);
        Assert.Equal("jane.doe@acme-robotics.example", first.To.Mailboxes.Single().Address);
        Assert.Contains("Acme Robotics", first.TextBody, StringComparison.Ordinal);
        Assert.Contains("Torstraße 1, 10119 Berlin", first.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("<http://127.0.0.1:", first.Headers[HeaderId.ListUnsubscribe], StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", first.Headers["List-Unsubscribe-Post"]);
        Assert.Contains("/t/o/", first.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("/t/c/", first.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", first.TextBody + first.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(Step(afterFirst, 1).GetProperty("messageId").GetString(), first.MessageId);

        // Step 2 is due two business days later, inside 08:00-17:00 Berlin time.
        var due = afterFirst.GetProperty("nextStepAt").GetDateTimeOffset();
        var local = TimeZoneInfo.ConvertTime(due, Berlin);
        var sentOn = TimeZoneInfo.ConvertTime(Step(afterFirst, 1).GetProperty("at").GetDateTimeOffset(), Berlin).Date;
        var expected = sentOn;
        for (var days = 0; days < 2;)
        {
            expected = expected.AddDays(1);
            days += expected.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0 : 1;
        }

        Assert.Equal(expected, local.Date);
        Assert.InRange(local.TimeOfDay, TimeSpan.FromHours(8), TimeSpan.FromHours(17));

        Host.AdvanceTo(due - TimeSpan.FromMinutes(5));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(1, Sent(await EnrollmentAsync(client, workspace, jane)));
        Host.AdvanceTo(due + TimeSpan.FromSeconds(1));
        var afterSecond = await WaitForEnrollmentAsync(client, workspace, jane, e => Sent(e) == 2, "step 2 sent");
        var second = (await OutboxAsync(workspace)).Single(m => m.MessageId == Step(afterSecond, 2).GetProperty("messageId").GetString());
        Assert.Equal("Re: Hi Jane", second.Subject);
        Assert.Equal(first.MessageId, second.InReplyTo);

        // Jane replies in the thread: the sequence stops at once, she is engaged, a rep gets a task.
        var reply = new MimeMessage();
        reply.From.Add(new MailboxAddress("Jane Doe", "jane.doe@acme-robotics.example"));
        reply.To.Add(second.From.Mailboxes.Single());
        reply.Subject = "Re: Hi Jane";
        reply.MessageId = "reply-1@acme-robotics.example";
        reply.InReplyTo = second.MessageId;
        reply.Date = Host.Clock.GetUtcNow();
        reply.Body = new TextPart("plain") { Text = "Sounds great, I'm interested. Let's set up a call next week.\n\nJane\n\nOn Wed, Anna wrote:\n> Just bringing this to the top of your inbox" };
        var inbox = Path.Combine(Host.DataDirectory, "inbox", workspace);
        Directory.CreateDirectory(inbox);
        await reply.WriteToAsync(Path.Combine(inbox, "0001-reply.eml"));

        var stopped = await WaitForEnrollmentAsync(client, workspace, jane, e => e.GetProperty("status").GetString() == "Stopped", "the reply stops the sequence");
        Assert.Contains("Interested", stopped.GetProperty("statusReason").GetString(), StringComparison.Ordinal);
        Assert.Equal("Interested", Step(stopped, 2).GetProperty("replyKind").GetString());
        Assert.Equal("Engaged", (await ContactAsync(client, workspace, jane)).GetProperty("state").GetString());
        var tasks = await Eventually.Get(() => client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/tasks?queue=follow-ups"),
            t => t.GetArrayLength() == 1, Wait, "a follow-up task for the rep");
        Assert.Contains("book a meeting", tasks[0].GetProperty("instructions").GetString(), StringComparison.Ordinal);

        // A week later nothing more went out.
        Host.Advance(TimeSpan.FromDays(7));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(2, (await OutboxAsync(workspace)).Count);

        // The overview counts what happened.
        var overview = await Eventually.Get(() => client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/outreach/overview"),
            o => o.GetProperty("emails").GetProperty("replied").GetInt32() == 1, Wait, "the overview sees the reply");
        Assert.Equal(2, overview.GetProperty("emails").GetProperty("sent").GetInt32());
        Assert.Contains(overview.GetProperty("targets").EnumerateArray(), t => t.GetProperty("metric").GetString() == "reply rate" && t.GetProperty("met").GetBoolean());
    }

    [Fact]
    public async Task AnUnsubscribeTransition_OrAHandAddedNumber_SuppressesThePhone_HoweverTheNumberIsWritten()
    {
        var (workspace, client) = await Host.CreateWorkspaceAsync("phone-stop");
        await SaveSequenceAsync(client, workspace, "one", new { channel = "Sms", delayBusinessDays = 0, variants = new[] { new { id = "a", body = "Hi {{ contact.first_name }}", weight = 1 } } });

        // Unsubscribed by a transition (a rep's click, an integration), not by a reply or a link.
        var ann = await OutreachHost.ScoredContactAsync(client, workspace, "ann@phone-stop-a.example", "Ann", phone: "+49 30 1234567");
        (await client.PostAsJsonAsync($"/api/workspaces/{workspace}/contacts/{ann}/transitions", new { trigger = "Unsubscribe" })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/workspaces/{workspace}/suppressions", new { phone = "+49 (30) 765-4321" })).EnsureSuccessStatusCode();

        foreach (var (email, phone) in new[] { ("bob@phone-stop-b.example", "+49301234567"), ("cy@phone-stop-c.example", "+49307654321") })
        {
            var other = await OutreachHost.ScoredContactAsync(client, workspace, email, "Other", phone: phone);
            var enrolled = await client.PostAsJsonAsync($"/api/workspaces/{workspace}/contacts/{other}/enrollment", new { sequenceId = "one" });
            Assert.False(enrolled.IsSuccessStatusCode, $"{phone} should be suppressed");
            Assert.Contains("phone number is on the suppression list", await enrolled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OpenPixel_CountsAPersonNotAScanner_AndAnOpenedConditionSkipsOrRunsTheStep()
    {
        var (workspace, client) = await Host.CreateWorkspaceAsync("open");
        await SaveSequenceAsync(client, workspace, "opened",
            Email(0, "Quick question", "Hi {{ contact.first_name }}, see https://northwind.example/case-study"),
            Email(1, null, "Glad you had a look.", "Opened"),
            Email(1, null, "Maybe the timing is off.", "NotOpened"));
        var jane = await OutreachHost.ScoredContactAsync(client, workspace, "jane@open-test.example");
        await EnrollAsync(client, workspace, jane, "opened");
        var sent = await WaitForEnrollmentAsync(client, workspace, jane, e => Sent(e) == 1, "step 1 sent");
        var message = Assert.Single(await OutboxAsync(workspace));
        var pixel = new Uri(System.Text.RegularExpressions.Regex.Match(message.HtmlBody ?? "", "src=\"([^\"]+/t/o/[^\"]+)\"").Groups[1].Value);
        using var anonymous = new HttpClient { BaseAddress = Host.Silo.ApiAddress };

        // A security scanner fetching the pixel right away is not an open.
        using (var scan = new HttpRequestMessage(HttpMethod.Get, pixel.PathAndQuery))
        {
            scan.Headers.UserAgent.ParseAdd("Mozilla/5.0 (compatible; Barracuda Sentinel)");
            var answer = await anonymous.SendAsync(scan);
            Assert.Equal("image/gif", answer.Content.Headers.ContentType?.MediaType);
        }

        Assert.False(Step(await EnrollmentAsync(client, workspace, jane), 1).TryGetProperty("openedAt", out var none) && none.ValueKind != JsonValueKind.Null);

        // Jane opens it an hour later in her browser.
        Host.Advance(TimeSpan.FromHours(1));
        using (var open = new HttpRequestMessage(HttpMethod.Get, pixel.PathAndQuery))
        {
            open.Headers.UserAgent.ParseAdd("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36");
            (await anonymous.SendAsync(open)).EnsureSuccessStatusCode();
        }

        await WaitForEnrollmentAsync(client, workspace, jane, e => Step(e, 1).GetProperty("openedAt").ValueKind == JsonValueKind.String, "the open is recorded");

        // A forged token changes nothing and still gets the pixel.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/t/o/not-a-token.gif")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/t/c/not-a-token")).StatusCode);

        // "Only if opened" runs; "only if not opened" is skipped, which completes the sequence.
        Host.AdvanceTo(sent.GetProperty("nextStepAt").GetDateTimeOffset() + TimeSpan.FromSeconds(1));
        var second = await WaitForEnrollmentAsync(client, workspace, jane, e => Sent(e) == 2, "the Opened step runs");
        Host.AdvanceTo(second.GetProperty("nextStepAt").GetDateTimeOffset() + TimeSpan.FromSeconds(1));
        var done = await WaitForEnrollmentAsync(client, workspace, jane, e => e.GetProperty("status").GetString() == "Completed", "the sequence completes");
        Assert.Equal("Skipped", Step(done, 3).GetProperty("outcome").GetString());
        Assert.Equal(2, (await OutboxAsync(workspace)).Count);
    }

    [Fact]
    public async Task OneClickUnsubscribe_StopsTheSequence_SuppressesThePerson_AndRefusesEnrollingAgain()
    {
        var (workspace, client) = await Host.CreateWorkspaceAsync("unsub");
        await SaveSequenceAsync(client, workspace, "two", Email(0, "Hello", "Hello {{ contact.first_name }}"), Email(1, null, "Following up"));
        var jane = await OutreachHost.ScoredContactAsync(client, workspace, "jane@unsub-test.example");
        await EnrollAsync(client, workspace, jane, "two");
        await WaitForEnrollmentAsync(client, workspace, jane, e => Sent(e) == 1, "step 1 sent");
        var message = Assert.Single(await OutboxAsync(workspace));
        var link = new Uri(message.Headers[HeaderId.ListUnsubscribe]!.Split(',')[0].Trim().Trim('<', '>'));

        using var anonymous = new HttpClient { BaseAddress = Host.Silo.ApiAddress };
        // A link checker's GET shows the page and changes nothing.
        var page = await anonymous.GetAsync(link.PathAndQuery);
        Assert.Contains("<form method=\"post\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Enrolled", (await ContactAsync(client, workspace, jane)).GetProperty("state").GetString());

        // The mail client's RFC 8058 one-click POST unsubscribes.
        var oneClick = await anonymous.PostAsync(link.PathAndQuery, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal("Unsubscribed", (await ContactAsync(client, workspace, jane)).GetProperty("state").GetString());
        Assert.Equal("Stopped", (await EnrollmentAsync(client, workspace, jane)).GetProperty("status").GetString());
        var suppressions = await client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/suppressions");
        Assert.True(suppressions.GetProperty("people").GetInt32() >= 1);

        var again = await client.PostAsJsonAsync($"/api/workspaces/{workspace}/contacts/{jane}/enrollment", new { sequenceId = "two" });
        Assert.True(again.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity, again.StatusCode.ToString());
        Host.Advance(TimeSpan.FromDays(3));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(await OutboxAsync(workspace));
    }

    [Fact]
    public async Task OutOfOffice_PausesUntilTheReturnDate_ThenTheSequenceGoesOn()
    {
        var (workspace, client) = await Host.CreateWorkspaceAsync("ooo");
        await SaveSequenceAsync(client, workspace, "ooo", Email(0, "Hello", "Hello {{ contact.first_name }}"), Email(2, null, "Following up"));
        var jane = await OutreachHost.ScoredContactAsync(client, workspace, "jane@ooo-test.example");
        await EnrollAsync(client, workspace, jane, "ooo");
        await WaitForEnrollmentAsync(client, workspace, jane, e => Sent(e) == 1, "step 1 sent");
        var sent = Assert.Single(await OutboxAsync(workspace));

        var now = Host.Clock.GetUtcNow();
        var autoReply = $"""
            From: Jane Doe <jane@ooo-test.example>
            To: {sent.From.Mailboxes.Single().Address}
            Subject: Automatic reply: Hello
            Auto-Submitted: auto-replied
            Message-ID: <ooo-1@ooo-test.example>
            In-Reply-To: <{sent.MessageId}>
            Date: {now:R}
            Content-Type: text/plain; charset=utf-8

            Thank you for your message. I am out of the office until Monday, 16 March 2026, with limited access to email.
            """.Replace("\n", "\r\n", StringComparison.Ordinal);
        var response = await client.PostAsync($"/api/workspaces/{workspace}/inbound", new ByteArrayContent(Encoding.UTF8.GetBytes(autoReply)) { Headers = { ContentType = new("message/rfc822") } });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("OutOfOffice", result.GetProperty("verdict").GetProperty("kind").GetString());

        var paused = await EnrollmentAsync(client, workspace, jane);
        Assert.Equal("Paused", paused.GetProperty("status").GetString());
        var until = TimeZoneInfo.ConvertTime(paused.GetProperty("pausedUntil").GetDateTimeOffset(), Berlin);
        Assert.True(until.Date >= new DateTime(2026, 3, 16), until.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Enrolled", (await ContactAsync(client, workspace, jane)).GetProperty("state").GetString());

        // Before the return date nothing goes out; after it, the follow-up does.
        Host.AdvanceTo(new DateTimeOffset(2026, 3, 13, 12, 0, 0, TimeSpan.Zero));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(await OutboxAsync(workspace));
        Host.AdvanceTo(paused.GetProperty("pausedUntil").GetDateTimeOffset() + TimeSpan.FromSeconds(1));
        var resumed = await WaitForEnrollmentAsync(client, workspace, jane, e => e.GetProperty("status").GetString() == "Active" && e.GetProperty("nextStepAt").ValueKind == JsonValueKind.String, "resumed");
        Host.AdvanceTo(resumed.GetProperty("nextStepAt").GetDateTimeOffset() + TimeSpan.FromSeconds(1));
        await WaitForEnrollmentAsync(client, workspace, jane, e => Sent(e) == 2, "the follow-up after the return");
    }

    [Fact]
    public async Task HardBounce_BouncesAndSuppressesTheContact_AndCountsOnTheMailboxHealth()
    {
        var (workspace, client) = await Host.CreateWorkspaceAsync("bounce");
        await SaveSequenceAsync(client, workspace, "bounce", Email(0, "Hello", "Hello {{ contact.first_name }}"), Email(1, null, "Following up"));
        var jane = await OutreachHost.ScoredContactAsync(client, workspace, "nobody@bounce-test.example");
        await EnrollAsync(client, workspace, jane, "bounce");
        await WaitForEnrollmentAsync(client, workspace, jane, e => Sent(e) == 1, "step 1 sent");
        var sent = Assert.Single(await OutboxAsync(workspace));
        var sender = sent.From.Mailboxes.Single().Address;

        var dsn = $"""
            From: Mail Delivery System <MAILER-DAEMON@mx.bounce-test.example>
            To: {sender}
            Subject: Undelivered Mail Returned to Sender
            Message-ID: <dsn-1@mx.bounce-test.example>
            Auto-Submitted: auto-replied
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

            --b1
            Content-Type: text/plain

            I'm sorry to have to inform you that your message could not be delivered.

            --b1
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.bounce-test.example

            Final-Recipient: rfc822; nobody@bounce-test.example
            Action: failed
            Status: 5.1.1
            Diagnostic-Code: smtp; 550 5.1.1 <nobody@bounce-test.example>: Recipient address rejected: User unknown

            --b1
            Content-Type: text/rfc822-headers

            Message-ID: <{sent.MessageId}>
            Subject: Hello

            --b1--
            """.Replace("\n", "\r\n", StringComparison.Ordinal);
        var response = await client.PostAsync($"/api/workspaces/{workspace}/inbound", new ByteArrayContent(Encoding.UTF8.GetBytes(dsn)) { Headers = { ContentType = new("message/rfc822") } });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());

        Assert.Equal("Bounced", (await ContactAsync(client, workspace, jane)).GetProperty("state").GetString());
        Assert.Equal("Stopped", (await EnrollmentAsync(client, workspace, jane)).GetProperty("status").GetString());
        var mailbox = await client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/mailboxes/{Uri.EscapeDataString(sender)}");
        Assert.Equal(1, mailbox.GetProperty("health").GetProperty("hardBounces").GetInt32());
        Assert.Equal(1, mailbox.GetProperty("sent").GetInt64());

        // Registering the same person again is refused: a hard bounce is suppressed for good.
        var again = await client.PostAsJsonAsync($"/api/workspaces/{workspace}/contacts", new { email = "nobody@bounce-test.example", firstName = "Nobody" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
    }

    [Fact]
    public async Task LinkedInStep_BecomesARepTask_WithinTheDailyLimit_AndClosingItMovesTheSequenceOn()
    {
        var (workspace, client) = await Host.CreateWorkspaceAsync("linkedin");
        await SaveSequenceAsync(client, workspace, "social",
            Email(0, "Hello", "Hello {{ contact.first_name }}"),
            new { channel = "LinkedIn", delayBusinessDays = 1, condition = "Always", linkedInAction = "Connect", variants = new[] { new { id = "a", subject = (string?)null, body = "Hi {{ contact.first_name }}, following up on my email.", weight = 1 } } },
            Email(1, null, "Did my note reach you?", "Always"));
        var jane = await OutreachHost.ScoredContactAsync(client, workspace, "jane@linkedin-test.example", linkedIn: "https://www.linkedin.com/in/jane-doe-test");
        await EnrollAsync(client, workspace, jane, "social");
        var first = await WaitForEnrollmentAsync(client, workspace, jane, e => Sent(e) == 1, "step 1 sent");
        Host.AdvanceTo(first.GetProperty("nextStepAt").GetDateTimeOffset() + TimeSpan.FromSeconds(1));
        var task = (await Eventually.Get(() => client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/tasks?queue=linkedin"),
            t => t.GetArrayLength() == 1, Wait, "the LinkedIn task"))[0];
        Assert.Equal("connect", task.GetProperty("action").GetString());
        Assert.Contains("following up on my email", task.GetProperty("instructions").GetString(), StringComparison.Ordinal);
        Assert.Equal("AwaitingTask", (await EnrollmentAsync(client, workspace, jane)).GetProperty("pending").GetProperty("phase").GetString());

        var closed = await client.PostAsJsonAsync($"/api/workspaces/{workspace}/tasks/linkedin/{task.GetProperty("taskId").GetString()}/done", new { note = "connected" });
        Assert.True(closed.IsSuccessStatusCode, await closed.Content.ReadAsStringAsync());
        var afterTask = await WaitForEnrollmentAsync(client, workspace, jane, e => Step(e, 2).GetProperty("outcome").GetString() == "TaskDone", "the task moves the sequence on");
        Host.AdvanceTo(afterTask.GetProperty("nextStepAt").GetDateTimeOffset() + TimeSpan.FromSeconds(1));
        await WaitForEnrollmentAsync(client, workspace, jane, e => e.GetProperty("status").GetString() == "Completed" && Sent(e) == 2, "the last email and the end");
    }

    [Fact]
    public async Task WithoutAPostalAddress_TheStepWaitsAndSaysWhy_ThenGoesOutOnceItIsSet()
    {
        var (workspace, client) = await Host.CreateWorkspaceAsync("postal", withPostalAddress: false);
        await SaveSequenceAsync(client, workspace, "one", Email(0, "Hello", "Hello {{ contact.first_name }}"));
        var jane = await OutreachHost.ScoredContactAsync(client, workspace, "jane@postal-test.example");
        await EnrollAsync(client, workspace, jane, "one");
        var waiting = await WaitForEnrollmentAsync(client, workspace, jane,
            e => e.GetProperty("pending").ValueKind == JsonValueKind.Object && e.GetProperty("pending").GetProperty("note").GetString()?.Contains("postal address", StringComparison.Ordinal) == true,
            "the step waits for the postal address");
        Assert.Empty(await OutboxAsync(workspace));

        (await client.PutAsJsonAsync($"/api/workspaces/{workspace}/outreach/settings", new { postalAddress = "1 Main St, Springfield" })).EnsureSuccessStatusCode();
        Host.Advance(TimeSpan.FromHours(1.1));
        await WaitForEnrollmentAsync(client, workspace, jane, e => Sent(e) == 1, "sent once the address is set");
        Assert.NotEqual(JsonValueKind.Undefined, waiting.ValueKind);
    }

    [Fact]
    public async Task InvalidSequence_IsRefusedWithEveryProblemNamed()
    {
        var (workspace, client) = await Host.CreateWorkspaceAsync("invalid");
        var response = await client.PutAsJsonAsync($"/api/workspaces/{workspace}/sequences/broken", new
        {
            name = "Broken",
            steps = new object[]
            {
                new { channel = "Email", delayBusinessDays = 0, condition = "Always", variants = new[] { new { id = "a", subject = "Hi {{ contact.frist_name }}", body = "Hello {% if %}", weight = 1 } } },
                new { channel = "Email", delayBusinessDays = 400, condition = "Always", variants = new[] { new { id = "a", subject = "x", body = "y", weight = 1 } } },
            },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("steps[0].variants[0].subject", out var subject), errors.ToString());
        Assert.Contains("frist_name", subject[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("steps[0].variants[0].body", out _), errors.ToString());
        Assert.True(errors.EnumerateObject().Any(e => e.Name.StartsWith("steps[1].delay", StringComparison.OrdinalIgnoreCase)), errors.ToString());
    }

    [Fact]
    public async Task BuiltInTierOneSequence_RunsAllItsStepsAcrossChannels_OverTwoWeeksOfBusinessTime_InSeconds()
    {
        var (workspace, client) = await Host.CreateWorkspaceAsync("tier1");
        var jane = await OutreachHost.ScoredContactAsync(client, workspace, "jane@tier1-test.example", linkedIn: "https://www.linkedin.com/in/jane-tier-one", phone: "+4930123456799");
        await EnrollAsync(client, workspace, jane, "tier-1-multichannel");
        var start = Host.Clock.GetUtcNow();
        JsonElement enrollment;
        for (var round = 0; ; round++)
        {
            Assert.True(round < 40, "the sequence should end within its steps");
            enrollment = await EnrollmentAsync(client, workspace, jane);
            if (enrollment.GetProperty("status").GetString() == "Completed")
            {
                break;
            }

            // A rep does the LinkedIn and call tasks as they come up (no voice provider is configured here).
            foreach (var queue in new[] { "linkedin", "calls" })
            {
                foreach (var task in (await client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/tasks?queue={queue}")).EnumerateArray())
                {
                    (await client.PostAsJsonAsync($"/api/workspaces/{workspace}/tasks/{queue}/{task.GetProperty("taskId").GetString()}/done", new { note = "done" })).EnsureSuccessStatusCode();
                }
            }

            if (enrollment.GetProperty("pending").ValueKind == JsonValueKind.Null && enrollment.GetProperty("nextStepAt").ValueKind == JsonValueKind.String)
            {
                Host.AdvanceTo(enrollment.GetProperty("nextStepAt").GetDateTimeOffset() + TimeSpan.FromSeconds(1));
            }

            await Task.Delay(TimeSpan.FromMilliseconds(1500));
        }

        var steps = enrollment.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(enrollment.GetProperty("stepCount").GetInt32(), steps.Count);
        Assert.Contains(steps, s => s.GetProperty("channel").GetString() == "LinkedIn" && s.GetProperty("outcome").GetString() == "TaskDone");
        Assert.Contains(steps, s => s.GetProperty("channel").GetString() == "Phone" && s.GetProperty("outcome").GetString() == "TaskDone");
        var emails = steps.Count(s => s.GetProperty("channel").GetString() == "Email" && s.GetProperty("outcome").GetString() == "Sent");
        Assert.Equal(emails, (await OutboxAsync(workspace)).Count);
        Assert.True(emails >= 3);
        var span = Host.Clock.GetUtcNow() - start;
        Assert.True(span >= TimeSpan.FromDays(14), $"the sequence spans {span.TotalDays:0.0} calendar days of business time");

        // Every step is on the contact's timeline, each email with its Message-ID.
        var timeline = await client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/contacts/{jane}/activities");
        Assert.Equal(emails, timeline.EnumerateArray().Count(a => a.GetProperty("kind").GetString() == "email-sent" && a.GetProperty("summary").GetString()!.Contains("Message-ID <", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AbVariants_AreSplitAcrossContacts_AndCountedPerVariant()
    {
        var (workspace, client) = await Host.CreateWorkspaceAsync("ab");
        var saved = await client.PutAsJsonAsync($"/api/workspaces/{workspace}/sequences/ab", new
        {
            name = "A/B",
            steps = new object[]
            {
                new
                {
                    channel = "Email", delayBusinessDays = 0, condition = "Always",
                    variants = new[]
                    {
                        new { id = "short", subject = "Quick question", body = "Hi {{ contact.first_name }}, quick question.", weight = 1 },
                        new { id = "long", subject = "An idea for {{ company.name }}", body = "Hi {{ contact.first_name }}, a longer idea.", weight = 1 },
                    },
                },
            },
        });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var contacts = new List<string>();
        for (var i = 0; i < 16; i++)
        {
            var contact = await OutreachHost.ScoredContactAsync(client, workspace, $"person{i}@ab-test-{i}.example", $"Person{i}");
            await EnrollAsync(client, workspace, contact, "ab");
            contacts.Add(contact);
        }

        // The mailbox spaces its sends a few seconds apart (in business time, which the test moves on).
        foreach (var contact in contacts)
        {
            await Eventually.Get(async () =>
            {
                Host.Advance(TimeSpan.FromSeconds(5));
                return await EnrollmentAsync(client, workspace, contact);
            }, e => e.GetProperty("status").GetString() == "Completed", Wait, "each sequence sent and done");
        }

        var subjects = (await OutboxAsync(workspace)).Select(m => m.Subject ?? "").ToList();
        Assert.Equal(16, subjects.Count);
        Assert.Contains(subjects, s => s == "Quick question");
        Assert.Contains(subjects, s => s.StartsWith("An idea for", StringComparison.Ordinal));
        var overview = await Eventually.Get(() => client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/outreach/overview?sequenceId=ab"),
            o => o.GetProperty("emails").GetProperty("sent").GetInt32() == 16, Wait, "the overview counts all 16");
        var variants = overview.GetProperty("variants").EnumerateArray().ToDictionary(v => v.GetProperty("variantId").GetString()!, v => v.GetProperty("figures").GetProperty("sent").GetInt32());
        Assert.Equal(subjects.Count(s => s == "Quick question"), variants["short"]);
        Assert.Equal(16, variants["short"] + variants["long"]);
    }

    [Fact]
    public async Task Mailbox_PausesItselfWhenHardBouncesCertainlyExceedTheThreshold_AndSaysWhy()
    {
        var (workspace, client) = await Host.CreateWorkspaceAsync("health");
        await SaveSequenceAsync(client, workspace, "health", Email(0, "Hello", "Hello {{ contact.first_name }}"));
        var people = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var person = await OutreachHost.ScoredContactAsync(client, workspace, $"gone{i}@health-test-{i}.example", $"Gone{i}");
            await EnrollAsync(client, workspace, person, "health");
            people.Add(person);
        }

        // One mailbox spaces its sends a few seconds apart in business time, which the test moves on.
        foreach (var person in people)
        {
            await Eventually.Get(async () =>
            {
                Host.Advance(TimeSpan.FromSeconds(5));
                return await EnrollmentAsync(client, workspace, person);
            }, e => Sent(e) == 1, Wait, "sent");
        }

        var sender = (await OutboxAsync(workspace))[0].From.Mailboxes.Single().Address;
        for (var i = 0; i < 2; i++)
        {
            var dsn = $"From: MAILER-DAEMON@mx.health-test-{i}.example\r\nTo: {sender}\r\nSubject: Delivery Status Notification (Failure)\r\nMessage-ID: <health-dsn-{i}-{workspace}@mx.example>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nUndeliverable.\r\n--b\r\n"
                + $"Content-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx\r\n\r\nFinal-Recipient: rfc822; gone{i}@health-test-{i}.example\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n--b--\r\n";
            (await client.PostAsync($"/api/workspaces/{workspace}/inbound", new ByteArrayContent(Encoding.UTF8.GetBytes(dsn)) { Headers = { ContentType = new("message/rfc822") } })).EnsureSuccessStatusCode();
        }

        var mailbox = await client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/mailboxes/{Uri.EscapeDataString(sender)}");
        Assert.Equal("Paused", mailbox.GetProperty("status").GetString());
        Assert.Contains("hard bounces", mailbox.GetProperty("statusReason").GetString(), StringComparison.Ordinal);

        // Paused, it hands out no slots: a new enrolment waits and says why.
        var late = await OutreachHost.ScoredContactAsync(client, workspace, "late@health-late.example", "Late");
        await EnrollAsync(client, workspace, late, "health");
        await WaitForEnrollmentAsync(client, workspace, late,
            e => e.GetProperty("pending").ValueKind == JsonValueKind.Object && e.GetProperty("pending").GetProperty("note").GetString()?.Contains("paused", StringComparison.Ordinal) == true,
            "the step waits for a mailbox");

        // A person resumes it (over the health check, which the reason records).
        var resumed = await client.PostAsJsonAsync($"/api/workspaces/{workspace}/mailboxes/{Uri.EscapeDataString(sender)}/transitions", new { trigger = "Resume", reason = "list cleaned" });
        Assert.Contains("over its health check", (await resumed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("statusReason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReplyBeforeAnythingWasSent_IsMatchedBySender_AndStopsTheSequence()
    {
        var (workspace, client) = await Host.CreateWorkspaceAsync("early", withPostalAddress: false);
        await SaveSequenceAsync(client, workspace, "early", Email(0, "Hello", "Hello {{ contact.first_name }}"));
        var jane = await OutreachHost.ScoredContactAsync(client, workspace, "jane@early-test.example");
        await EnrollAsync(client, workspace, jane, "early");

        // She writes first (she heard of us elsewhere): no Message-ID of ours to answer, her address says who she is.
        var mail = "From: Jane Doe <jane@early-test.example>\r\nTo: outreach@x.example\r\nSubject: Your product\r\nMessage-ID: <early-1@early-test.example>\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n\r\nHi, how much does it cost for a team of 20?\r\n";
        var inbox = Path.Combine(Host.DataDirectory, "inbox", workspace);
        Directory.CreateDirectory(inbox);
        await File.WriteAllTextAsync(Path.Combine(inbox, "0001-early.eml"), mail);

        var stopped = await WaitForEnrollmentAsync(client, workspace, jane, e => e.GetProperty("status").GetString() == "Stopped", "her message stops the sequence");
        Assert.Contains("Question", stopped.GetProperty("statusReason").GetString(), StringComparison.Ordinal);
        Assert.Equal("Replied", (await ContactAsync(client, workspace, jane)).GetProperty("state").GetString());
        Assert.Empty(await OutboxAsync(workspace));
    }
}
