using System.Diagnostics;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using SalesOS.Integrations.Mail;
using SalesOS.Outreach.Ports;
using SalesOS.Testing;
using SalesOS.Testing.Mail;
using Xunit.Abstractions;
using static SalesOS.Tests.Outreach.Mail.MailTestMessages;

namespace SalesOS.Tests.Outreach.Mail;

[Collection(MailServersCollection.Name)]
public sealed class ImapMailInboxTests(MailServersFixture fixture, ITestOutputHelper output)
{
    private MailServers Servers => fixture.Servers;

    [Fact]
    public async Task ReadAsync_WithoutCursor_StartsAfterTheMessagesAlreadyThere()
    {
        var user = fixture.NewUser("seller");
        await Servers.AppendAsync(user, "INBOX", Raw("a@example.com", user, "old one", "old-1@example.com"));
        await Servers.AppendAsync(user, "INBOX", Raw("a@example.com", user, "old two", "old-2@example.com"));
        await using var inbox = new ImapMailInbox(Account(Servers, user));

        var first = await inbox.ReadAsync(null, TimeSpan.Zero, default);
        await Servers.AppendAsync(user, "INBOX", Raw("b@example.com", user, "new one", "new-1@example.com"));
        var next = await inbox.ReadAsync(first.Cursor, TimeSpan.Zero, default);

        Assert.Empty(first.Messages);
        Assert.Equal("new one", Parse(Assert.Single(next.Messages).Raw).Subject);
        Assert.Equal("IMAP IDLE", next.Mode);
    }

    [Fact]
    public async Task ReadAsync_AppendedMessages_ComeAfterTheCursor_InUidOrder_ByteForByte()
    {
        var user = fixture.NewUser("seller");
        await using var inbox = new ImapMailInbox(Account(Servers, user));
        var start = await inbox.ReadAsync(null, TimeSpan.Zero, default);
        var raws = Enumerable.Range(1, 5).Select(i => Raw("reply@prospect.test", user, $"reply {i}", $"reply-{i}@prospect.test")).ToList();
        var uids = new List<uint>();
        foreach (var raw in raws)
        {
            uids.Add((await Servers.AppendAsync(user, "INBOX", raw)).GetValueOrDefault());
        }

        var batch = await inbox.ReadAsync(start.Cursor, TimeSpan.Zero, default);

        Assert.Equal(raws, batch.Messages.Select(m => m.Raw));
        Assert.Equal(uids.Select(uid => uid.ToString(System.Globalization.CultureInfo.InvariantCulture)), batch.Messages.Select(m => m.Key.Split(':')[1]));
        Assert.Matches(@"^\d+:\d+:\d{4}-\d{2}-\d{2}$", batch.Cursor);
        Assert.Equal(uids[^1].ToString(System.Globalization.CultureInfo.InvariantCulture), batch.Cursor!.Split(':')[1]);
    }

    [Fact]
    public async Task ReadAsync_CursorsResumeAcrossNewInboxes_WithoutRepeatsOrGaps()
    {
        var user = fixture.NewUser("seller");
        var options = new MailOptions { InboxBatchSize = 3 };
        string? cursor;
        await using (var first = new ImapMailInbox(Account(Servers, user), options))
        {
            cursor = (await first.ReadAsync(null, TimeSpan.Zero, default)).Cursor;
        }

        for (var i = 1; i <= 7; i++)
        {
            await Servers.AppendAsync(user, "INBOX", Raw("p@prospect.test", user, $"reply {i}", $"r{i}@prospect.test"));
        }

        var subjects = new List<string>();
        var batchSizes = new List<int>();
        for (var round = 0; round < 5; round++)
        {
            // A new inbox each time, as after a restart: only the cursor carries over.
            await using var inbox = new ImapMailInbox(Account(Servers, user), options);
            var batch = await inbox.ReadAsync(cursor, TimeSpan.Zero, default);
            batchSizes.Add(batch.Messages.Count);
            subjects.AddRange(batch.Messages.Select(m => Parse(m.Raw).Subject ?? ""));
            cursor = batch.Cursor;
            if (round == 3)
            {
                await Servers.AppendAsync(user, "INBOX", Raw("p@prospect.test", user, "reply 8", "r8@prospect.test"));
            }
        }

        Assert.Equal([3, 3, 1, 0, 1], batchSizes);
        Assert.Equal(Enumerable.Range(1, 8).Select(i => $"reply {i}"), subjects);
    }

    [Fact]
    public async Task ReadAsync_WaitingInIdle_WakesSoonAfterDelivery()
    {
        var seller = fixture.NewUser("seller");
        var prospect = fixture.NewUser("prospect", "prospect.test");
        await using var inbox = new ImapMailInbox(Account(Servers, seller));
        var start = await inbox.ReadAsync(null, TimeSpan.Zero, default);
        await using var sender = new SmtpMailSender(Account(Servers, prospect));

        var waiting = inbox.ReadAsync(start.Cursor, TimeSpan.FromSeconds(60), default);
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);
        var sent = Stopwatch.StartNew();
        Assert.Equal(HandOffOutcome.Accepted, (await sender.SendAsync(Message(prospect, seller, "Re: Quick question"), default)).Outcome);
        var handedOff = sent.Elapsed;
        var batch = await waiting;
        var woke = sent.Elapsed;

        output.WriteLine($"SMTP hand-off {handedOff.TotalMilliseconds:0} ms; IDLE read returned {woke.TotalMilliseconds:0} ms after the send began");
        Assert.Equal("IMAP IDLE", batch.Mode);
        Assert.Equal("Re: Quick question", Parse(Assert.Single(batch.Messages).Raw).Subject);
        Assert.True(woke < TimeSpan.FromSeconds(10), $"IDLE woke {woke.TotalSeconds:0.0} s after delivery");
    }

    [Fact]
    public async Task ReadAsync_OnAServerWithoutIdle_Polls()
    {
        var user = fixture.NewUser("seller");
        var account = Account(Servers, user) with { Imap = Servers.ImapEndpointWithoutIdle(user) };
        await using var inbox = new ImapMailInbox(account, new MailOptions { PollInterval = TimeSpan.FromMilliseconds(200) });
        var start = await inbox.ReadAsync(null, TimeSpan.Zero, default);

        var waiting = inbox.ReadAsync(start.Cursor, TimeSpan.FromSeconds(60), default);
        await Task.Delay(500);
        Assert.False(waiting.IsCompleted);
        var appended = Stopwatch.StartNew();
        await Servers.AppendAsync(user, "INBOX", Raw("p@prospect.test", user, "polled", "polled-1@prospect.test"));
        var batch = await waiting;

        output.WriteLine($"polling read returned {appended.Elapsed.TotalMilliseconds:0} ms after the append");
        Assert.Equal("IMAP polling every 0.2 s", batch.Mode);
        Assert.Equal("polled", Parse(Assert.Single(batch.Messages).Raw).Subject);
        Assert.Equal("imap 127.0.0.2:" + account.Imap!.Port + " (STARTTLS) INBOX of " + user, inbox.Transport);
    }

    [Fact]
    public async Task ReadAsync_NothingArrives_ReturnsEmptyAfterTheWait_WithTheSameCursor()
    {
        var user = fixture.NewUser("seller");
        await using var inbox = new ImapMailInbox(Account(Servers, user));
        var start = await inbox.ReadAsync(null, TimeSpan.Zero, default);

        var waited = Stopwatch.StartNew();
        var batch = await inbox.ReadAsync(start.Cursor, TimeSpan.FromSeconds(1), default);

        Assert.Empty(batch.Messages);
        Assert.Equal(start.Cursor, batch.Cursor);
        Assert.True(waited.Elapsed >= TimeSpan.FromMilliseconds(950), $"returned after {waited.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task ReadAsync_CancelledInIdle_Throws_AndTheNextReadStillWorks()
    {
        var user = fixture.NewUser("seller");
        await using var inbox = new ImapMailInbox(Account(Servers, user));
        var start = await inbox.ReadAsync(null, TimeSpan.Zero, default);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => inbox.ReadAsync(start.Cursor, TimeSpan.FromSeconds(60), cancel.Token));
        await Servers.AppendAsync(user, "INBOX", Raw("p@prospect.test", user, "after cancel", "after-cancel@prospect.test"));
        var batch = await inbox.ReadAsync(start.Cursor, TimeSpan.FromSeconds(10), default);

        Assert.Equal("after cancel", Parse(Assert.Single(batch.Messages).Raw).Subject);
    }

    [Fact]
    public async Task DisposeAsync_EndsAWaitingRead_WithNothingNew()
    {
        var user = fixture.NewUser("seller");
        var inbox = new ImapMailInbox(Account(Servers, user));
        var start = await inbox.ReadAsync(null, TimeSpan.Zero, default);
        var waiting = inbox.ReadAsync(start.Cursor, TimeSpan.FromMinutes(5), default);
        await Task.Delay(300);

        await inbox.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        var batch = await waiting.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Empty(batch.Messages);
        Assert.Equal(start.Cursor, batch.Cursor);
    }

    [Fact]
    public async Task ReadAsync_LeavesMessagesUnread()
    {
        var user = fixture.NewUser("seller");
        await using var inbox = new ImapMailInbox(Account(Servers, user));
        var start = await inbox.ReadAsync(null, TimeSpan.Zero, default);
        await Servers.AppendAsync(user, "INBOX", Raw("p@prospect.test", user, "unread", "unread-1@prospect.test"));

        Assert.Single((await inbox.ReadAsync(start.Cursor, TimeSpan.Zero, default)).Messages);

        using var client = new ImapClient { ServerCertificateValidationCallback = (_, certificate, _, _) => Servers.IsRunCertificate(certificate) };
        await client.ConnectAsync("127.0.0.1", Servers.ImapEndpoint(user).Port, SecureSocketOptions.StartTls);
        await client.AuthenticateAsync(user, "secret-pass");
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var flags = await client.Inbox.FetchAsync(0, -1, MessageSummaryItems.Flags);
        Assert.False(Assert.Single(flags).Flags!.Value.HasFlag(MessageFlags.Seen));
    }

    [Fact]
    public async Task ReadAsync_AfterUidValidityChanged_ReadsAgainFromTheLastKnownDay_LosingNothing()
    {
        var user = fixture.NewUser("seller");
        string? cursor;
        await using (var inbox = new ImapMailInbox(Account(Servers, user)))
        {
            var start = await inbox.ReadAsync(null, TimeSpan.Zero, default);
            await Servers.AppendAsync(user, "INBOX", Raw("p@prospect.test", user, "before", "before-1@prospect.test"));
            cursor = (await inbox.ReadAsync(start.Cursor, TimeSpan.Zero, default)).Cursor;
        }

        var oldValidity = uint.Parse(cursor!.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture);
        await Servers.ChangeUidValidityAsync(user, "INBOX", oldValidity + 1000);
        await Servers.AppendAsync(user, "INBOX", Raw("p@prospect.test", user, "after", "after-1@prospect.test"));
        await using var rebuilt = new ImapMailInbox(Account(Servers, user));
        var batch = await rebuilt.ReadAsync(cursor, TimeSpan.Zero, default);

        // The message read before the change comes again (same day); the new one is not lost.
        Assert.Equal(["before", "after"], batch.Messages.Select(m => Parse(m.Raw).Subject ?? "").ToArray());
        Assert.StartsWith((oldValidity + 1000).ToString(System.Globalization.CultureInfo.InvariantCulture) + ":", batch.Cursor, StringComparison.Ordinal);
        Assert.Empty((await rebuilt.ReadAsync(batch.Cursor, TimeSpan.Zero, default)).Messages);
    }

    [Fact]
    public async Task ReadAsync_AfterTheConnectionWasCut_ConnectsAgain()
    {
        var user = fixture.NewUser("seller");
        await using var proxy = new LoopbackTcpProxy("127.0.0.1", Servers.ImapEndpoint(user).Port);
        var imap = Servers.ImapEndpoint(user);
        imap.Port = proxy.Port;
        await using var inbox = new ImapMailInbox(Account(Servers, user) with { Imap = imap });
        var start = await inbox.ReadAsync(null, TimeSpan.Zero, default);

        proxy.CutAll();
        await Servers.AppendAsync(user, "INBOX", Raw("p@prospect.test", user, "after cut", "after-cut@prospect.test"));
        var batch = await inbox.ReadAsync(start.Cursor, TimeSpan.Zero, default);

        Assert.Equal("after cut", Parse(Assert.Single(batch.Messages).Raw).Subject);
        Assert.Equal(2, proxy.Accepted);
    }

    [Fact]
    public async Task ReadAsync_ServerUnreachable_ThrowsIOException_SayingWhy()
    {
        var user = fixture.NewUser("seller");
        var imap = Servers.ImapEndpoint(user);
        imap.Port = FreePorts.Next();
        await using var inbox = new ImapMailInbox(Account(Servers, user) with { Imap = imap });

        var failure = await Assert.ThrowsAsync<IOException>(() => inbox.ReadAsync(null, TimeSpan.Zero, default));

        Assert.Contains("connection refused", failure.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => { _ = inbox.ReadAsync("not-a-cursor", TimeSpan.Zero, default); });
    }
}
