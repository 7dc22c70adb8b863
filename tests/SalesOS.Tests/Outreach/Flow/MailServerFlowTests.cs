using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using MimeKit.Cryptography;
using SalesOS.Grains;
using SalesOS.Outreach.Messages;
using SalesOS.Testing;
using SalesOS.Testing.Mail;
using SalesOS.Tests.Outreach.Mail;
using SalesOS.Tests.Outreach.Messages;

namespace SalesOS.Tests.Outreach.Flow;

/// <summary>
/// Outreach through real mail servers on 127.0.0.1 (Postfix for SMTP, Dovecot for IMAP, from Debian's
/// packages): a sequence step goes out through SMTP, DKIM-signed, and is read back from the prospect's
/// mailbox; a reply and a bounce appended to the sender's IMAP inbox change the contacts and stop
/// their sequences. Then the silo is crashed around the hand-off to SMTP, and no step is sent twice.
/// </summary>
[Collection(MailServersCollection.Name)]
public sealed class MailServerFlowTests(MailServersFixture servers)
{
    private const string Sender = "anna@northwind-mail.example";
    private const string Password = "anna-secret-1";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private MailServers Mail => servers.Servers;

    private static string[] MailboxSettings(string workspace, MailServers mail, string privateKeyPem, string? crashAt = null)
    {
        var smtp = mail.SmtpEndpoint;
        var imap = mail.ImapEndpoint(Sender);
        var settings = new List<string>
        {
            $"--SalesOS:Outreach:Mailboxes:0:Workspace={workspace}",
            $"--SalesOS:Outreach:Mailboxes:0:Address={Sender}",
            "--SalesOS:Outreach:Mailboxes:0:DisplayName=Anna Schmidt",
            $"--SalesOS:Outreach:Mailboxes:0:Smtp:Host={smtp.Host}",
            $"--SalesOS:Outreach:Mailboxes:0:Smtp:Port={smtp.Port}",
            "--SalesOS:Outreach:Mailboxes:0:Smtp:Security=StartTls",
            "--SalesOS:Outreach:Mailboxes:0:Smtp:AcceptInvalidCertificates=true",
            $"--SalesOS:Outreach:Mailboxes:0:Smtp:Username={Sender}",
            $"--SalesOS:Outreach:Mailboxes:0:Smtp:Password={Password}",
            $"--SalesOS:Outreach:Mailboxes:0:Imap:Host={imap.Host}",
            $"--SalesOS:Outreach:Mailboxes:0:Imap:Port={imap.Port}",
            $"--SalesOS:Outreach:Mailboxes:0:Imap:Security={imap.Security}",
            "--SalesOS:Outreach:Mailboxes:0:Imap:AcceptInvalidCertificates=true",
            $"--SalesOS:Outreach:Mailboxes:0:Imap:Username={imap.Username}",
            $"--SalesOS:Outreach:Mailboxes:0:Imap:Password={imap.Password}",
            "--SalesOS:Outreach:Mailboxes:0:Dkim:Domain=northwind-mail.example",
            "--SalesOS:Outreach:Mailboxes:0:Dkim:Selector=s2026",
            $"--SalesOS:Outreach:Mailboxes:0:Dkim:PrivateKey={privateKeyPem}",
            "--SalesOS:Outreach:MinSpacing=00:00:01",
            "--SalesOS:Outreach:MaxSpacing=00:00:02",
            "--SalesOS:Outreach:MaxReminderDelay=00:00:01",
            "--SalesOS:Outreach:RecheckPeriod=00:00:01",
            "--SalesOS:Outreach:DispatchTimeout=00:00:04",
        };
        if (crashAt is not null)
        {
            settings.Add($"--SalesOS:Outreach:CrashAt={crashAt}");
        }

        return [.. settings];
    }

    private static async Task<HttpClient> WorkspaceAsync(Uri api, string workspace)
    {
        using var admin = new HttpClient { BaseAddress = api };
        admin.DefaultRequestHeaders.Authorization = new("Bearer", TestSilo.AdminKey);
        var created = await admin.PostAsJsonAsync("/api/workspaces", new { id = workspace, name = "Mail flow" });
        created.EnsureSuccessStatusCode();
        var key = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetProperty("key").GetString()!;
        var client = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        (await client.PutAsJsonAsync($"/api/workspaces/{workspace}/outreach/settings", new { companyName = "Northwind", postalAddress = "Northwind GmbH, Torstraße 1, 10119 Berlin", senderName = "Anna Schmidt" }))
            .EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>A sequence of two emails whose window is open around the clock, every day (the crash tests run on the real clock).</summary>
    private static async Task SequenceAsync(HttpClient client, string workspace)
    {
        var allDay = new { start = "00:00:00", end = "23:59:00", days = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" } };
        var response = await client.PutAsJsonAsync($"/api/workspaces/{workspace}/sequences/mail-test", new
        {
            name = "Mail test",
            window = allDay,
            steps = new object[]
            {
                new { channel = "Email", delayBusinessDays = 0, condition = "Always", variants = new[] { new { id = "a", subject = "Hello {{ contact.first_name }}", body = "Hi {{ contact.first_name }},\n\nA short note from Northwind: https://northwind-mail.example/tour\n\nAnna", weight = 1 } } },
                new { channel = "Email", delayBusinessDays = 2, condition = "NotReplied", variants = new[] { new { id = "a", subject = (string?)null, body = "Following up.", weight = 1 } } },
            },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> EnrolAsync(HttpClient client, string workspace, string email, string first)
    {
        var id = await OutreachHost.ScoredContactAsync(client, workspace, email, first);
        var enrolled = await client.PostAsJsonAsync($"/api/workspaces/{workspace}/contacts/{id}/enrollment", new { sequenceId = "mail-test" });
        Assert.True(enrolled.IsSuccessStatusCode, await enrolled.Content.ReadAsStringAsync());
        return id;
    }

    private static Task<JsonElement> EnrollmentAsync(HttpClient client, string workspace, string contact, Func<JsonElement, bool> done, string what)
        => Eventually.Get(() => client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/contacts/{contact}/enrollment"), done, Wait, what);

    private static bool StepOne(JsonElement enrollment, params string[] outcomes)
        => enrollment.GetProperty("steps").EnumerateArray().Any(s => s.GetProperty("step").GetInt32() == 1 && outcomes.Contains(s.GetProperty("outcome").GetString()));

    [Fact]
    public async Task StepGoesOutThroughSmtp_DkimVerifies_AndAReplyAndABounceInTheImapInboxStopTheSequences()
    {
        var workspace = "mailflow-" + Guid.NewGuid().ToString("N")[..6];
        var jane = $"jane-{workspace}@acme-mail.example";
        var joe = $"joe-{workspace}@acme-mail.example";
        Mail.AddUser(Sender, Password).AddUser(jane, "jane-pw").AddUser(joe, "joe-pw");
        var keys = MessageSigner.GenerateKeyPair();
        using var data = new TempDirectory();
        var clock = new FakeTimeProvider(OutreachHost.Start);
        await using var silo = await TestSilo.StartEmbeddedAsync(data.Path, "mail-" + Guid.NewGuid().ToString("N")[..8],
            configure: s => s.Services.AddKeyedSingleton<TimeProvider>(DomainClock.Key, clock), settings: MailboxSettings(workspace, Mail, keys.PrivateKeyPem));
        using var client = await WorkspaceAsync(silo.ApiAddress, workspace);
        await SequenceAsync(client, workspace);
        var janeId = await EnrolAsync(client, workspace, jane, "Jane");
        var joeId = await EnrolAsync(client, workspace, joe, "Joe");

        // The mailbox spaces its sends a second or two apart in business time, which the test moves on.
        async Task<JsonElement> SentAsync(string contact, string what) => await Eventually.Get(async () =>
        {
            clock.Advance(TimeSpan.FromSeconds(2));
            return await client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/contacts/{contact}/enrollment");
        }, e => StepOne(e, "Sent"), Wait, what);
        var janeEnrollment = await SentAsync(janeId, "Jane's step 1 sent over SMTP");
        await SentAsync(joeId, "Joe's step 1 sent over SMTP");

        // Read back from Jane's own mailbox over IMAP.
        var delivered = await Eventually.Get(() => Mail.ReadAllAsync(jane, "INBOX"), m => m.Count == 1, Wait, "the message in Jane's INBOX");
        var message = await MimeMessage.LoadAsync(new MemoryStream(delivered[0]));
        Assert.Equal("Hello Jane", message.Subject);
        Assert.Equal(Sender, message.From.Mailboxes.Single().Address);
        Assert.Equal(janeEnrollment.GetProperty("steps")[0].GetProperty("messageId").GetString(), message.MessageId);
        Assert.Contains("<mailto:" + Sender, message.Headers[HeaderId.ListUnsubscribe], StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Contains("Torstraße 1", message.TextBody, StringComparison.Ordinal);
        var verifier = new DkimVerifier(new TestDkimKeyLocator("northwind-mail.example", "s2026", keys.DnsRecord));
        var signature = message.Headers[message.Headers.IndexOf(HeaderId.DkimSignature)];
        Assert.True(await verifier.VerifyAsync(message, signature), "the DKIM signature verifies after the trip through Postfix and Dovecot");
        Assert.Equal(2, (await Mail.ReadAllAsync(Sender, "Sent")).Count);

        // Jane's reply and a bounce for Joe arrive in Anna's inbox.
        var reply = new MimeMessage();
        reply.From.Add(new MailboxAddress("Jane", jane));
        reply.To.Add(new MailboxAddress("Anna Schmidt", Sender));
        reply.Subject = "Re: Hello Jane";
        reply.MessageId = $"reply-{workspace}@acme-mail.example";
        reply.InReplyTo = message.MessageId;
        reply.Date = DateTimeOffset.UtcNow;
        reply.Body = new TextPart("plain") { Text = "Not interested, thanks. We already have a vendor for this.\n\n> Hi Jane," };
        using (var stream = new MemoryStream())
        {
            await reply.WriteToAsync(stream);
            await Mail.AppendAsync(Sender, "INBOX", stream.ToArray());
        }

        var joeMessageId = (await client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/contacts/{joeId}/enrollment")).GetProperty("steps")[0].GetProperty("messageId").GetString();
        var dsn = string.Create(CultureInfo.InvariantCulture, $"""
            From: MAILER-DAEMON@mx.acme-mail.example
            To: {Sender}
            Subject: Undelivered Mail Returned to Sender
            Message-ID: <bounce-{workspace}@mx.acme-mail.example>
            Date: {DateTimeOffset.UtcNow:R}
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="x"

            --x
            Content-Type: text/plain

            Your message could not be delivered.
            --x
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.acme-mail.example

            Final-Recipient: rfc822; {joe}
            Action: failed
            Status: 5.1.1
            Diagnostic-Code: smtp; 550 5.1.1 User unknown

            --x
            Content-Type: text/rfc822-headers

            Message-ID: <{joeMessageId}>
            --x--
            """).Replace("\n", "\r\n", StringComparison.Ordinal);
        await Mail.AppendAsync(Sender, "INBOX", Encoding.UTF8.GetBytes(dsn));

        var janeStopped = await EnrollmentAsync(client, workspace, janeId, e => e.GetProperty("status").GetString() == "Stopped", "Jane's reply stops her sequence");
        Assert.Contains("NotInterested", janeStopped.GetProperty("statusReason").GetString(), StringComparison.Ordinal);
        Assert.Equal("Replied", (await client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/contacts/{janeId}")).GetProperty("state").GetString());
        await EnrollmentAsync(client, workspace, joeId, e => e.GetProperty("status").GetString() == "Stopped", "Joe's bounce stops his sequence");
        Assert.Equal("Bounced", (await client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/contacts/{joeId}")).GetProperty("state").GetString());
        var mailbox = await client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/mailboxes/{Uri.EscapeDataString(Sender)}");
        Assert.Equal(1, mailbox.GetProperty("health").GetProperty("hardBounces").GetInt32());
        Assert.Equal("IMAP IDLE", mailbox.GetProperty("inboxMode").GetString());
        Assert.Contains("signed as d=northwind-mail.example", mailbox.GetProperty("dkim").GetString(), StringComparison.Ordinal);

        // Two business days on, neither gets a follow-up.
        clock.Advance(TimeSpan.FromDays(4));
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.Single(await Mail.ReadAllAsync(jane, "INBOX"));
        Assert.Single(await Mail.ReadAllAsync(joe, "INBOX"));
        SqliteConnection.ClearAllPools();
    }

    [Theory]
    [InlineData("after-handoff", "found in")]
    [InlineData("before-handoff", "accepted by")]
    public async Task SiloCrashingAroundTheHandOff_NeverSendsTheStepTwice_AndNeverLosesIt(string crashAt, string detail)
    {
        var workspace = "crash-" + Guid.NewGuid().ToString("N")[..6];
        var jane = $"jane-{workspace}@acme-mail.example";
        Mail.AddUser(Sender, Password).AddUser(jane, "jane-pw");
        var keys = MessageSigner.GenerateKeyPair();
        using var data = new TempDirectory();
        await using var silo = await SiloProcess.StartEmbeddedAsync(data.Path, data.Path, MailboxSettings(workspace, Mail, keys.PrivateKeyPem, crashAt));
        using var client = await WorkspaceAsync(silo.ApiAddress, workspace);
        await SequenceAsync(client, workspace);
        var janeId = await EnrolAsync(client, workspace, jane, "Jane");

        // The silo ends abruptly at the fault point of the first hand-off.
        await Eventually.Get(() => Task.FromResult(silo.HasExited), exited => exited, Wait, $"the silo to crash {crashAt}");
        Assert.Equal(crashAt == "after-handoff" ? 1 : 0, (await Mail.ReadAllAsync(jane, "INBOX")).Count);

        // Started again without the fault, the contact hands the step over again and the agent reconciles.
        await silo.RestartAsync("--SalesOS:Outreach:CrashAt=");
        var enrollment = await EnrollmentAsync(client, workspace, janeId, e => StepOne(e, "Sent", "SentUnverified"), "step 1 settled after the restart");
        var step = enrollment.GetProperty("steps")[0];
        Assert.Equal("Sent", step.GetProperty("outcome").GetString());
        Assert.Contains(detail, step.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var delivered = await Eventually.Get(() => Mail.ReadAllAsync(jane, "INBOX"), m => m.Count >= 1, Wait, "the message delivered");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(await Mail.ReadAllAsync(jane, "INBOX"));
        Assert.Single(delivered);
    }
}
