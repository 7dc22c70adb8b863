using SalesOS.Integrations.Mail;
using SalesOS.Outreach.Ports;
using SalesOS.Testing;
using SalesOS.Testing.Mail;
using Xunit.Abstractions;
using static SalesOS.Tests.Outreach.Mail.MailTestMessages;

namespace SalesOS.Tests.Outreach.Mail;

[Collection(MailServersCollection.Name)]
public sealed class SmtpMailSenderTests(MailServersFixture fixture, ITestOutputHelper output)
{
    private MailServers Servers => fixture.Servers;

    [Fact]
    public async Task SendAsync_ToAUser_IsAccepted_AndArrivesInTheInboxWithHeadersIntact()
    {
        var seller = fixture.NewUser("seller");
        var prospect = fixture.NewUser("prospect", "prospect.test");
        await using var inbox = new ImapMailInbox(Account(Servers, prospect));
        var start = await inbox.ReadAsync(null, TimeSpan.Zero, default);
        var message = Message(seller, prospect, "Grüße aus Berlin: quick question");
        await using var sender = new SmtpMailSender(Account(Servers, seller));

        var handOff = await sender.SendAsync(message, default);

        output.WriteLine(handOff.Detail);
        Assert.Equal(HandOffOutcome.Accepted, handOff.Outcome);
        Assert.StartsWith("250 ", handOff.Detail, StringComparison.Ordinal);
        Assert.Contains("queued as", handOff.Detail, StringComparison.Ordinal);
        var batch = await inbox.ReadAsync(start.Cursor, TimeSpan.FromSeconds(20), default);
        var arrived = Parse(Assert.Single(batch.Messages).Raw);
        Assert.Equal(message.MessageId, arrived.MessageId);
        Assert.Equal(message.Subject, arrived.Subject);
        Assert.Equal("sequence-7/step-2", arrived.Headers["X-SalesOS-Step"]);
        Assert.Equal(seller, arrived.From.Mailboxes.Single().Address);
        Assert.Equal("Alice Seller", arrived.From.Mailboxes.Single().Name);
        Assert.Equal(prospect, arrived.To.Mailboxes.Single().Address);
        Assert.Equal("Hi, worth a chat?", arrived.TextBody?.Trim());
        Assert.Equal("smtp 127.0.0.1:" + Servers.SmtpPort + " (STARTTLS)", sender.Transport);
    }

    [Fact]
    public async Task SendAsync_UnknownRecipient_IsRejectedWith550_AndTheConnectionCarriesTheNextMessage()
    {
        var seller = fixture.NewUser("seller");
        var prospect = fixture.NewUser("prospect", "prospect.test");
        await using var proxy = new LoopbackTcpProxy("127.0.0.1", Servers.SmtpPort);
        var smtp = Servers.SmtpEndpoint;
        smtp.Port = proxy.Port;
        await using var sender = new SmtpMailSender(Account(Servers, seller, smtp), new MailOptions { SmtpConnections = 1 });

        var refused = await sender.SendAsync(Message(seller, "nobody@prospect.test"), default);
        var elsewhere = await sender.SendAsync(Message(seller, "someone@example.com"), default);
        var accepted = await sender.SendAsync(Message(seller, prospect), default);

        output.WriteLine(refused.Detail);
        output.WriteLine(elsewhere.Detail);
        Assert.Equal(HandOffOutcome.Rejected, refused.Outcome);
        Assert.StartsWith("550 5.1.1", refused.Detail, StringComparison.Ordinal);
        Assert.Contains("nobody@prospect.test", refused.Detail, StringComparison.Ordinal);
        Assert.Equal(HandOffOutcome.Rejected, elsewhere.Outcome);
        Assert.StartsWith("554 5.7.1", elsewhere.Detail, StringComparison.Ordinal);
        Assert.Equal(HandOffOutcome.Accepted, accepted.Outcome);
        Assert.Equal(1, proxy.Accepted);
    }

    [Fact]
    public async Task SendAsync_NothingListening_IsDeferred_SayingTheConnectionWasRefused()
    {
        var seller = fixture.NewUser("seller");
        var smtp = Servers.SmtpEndpoint;
        smtp.Port = FreePorts.Next();
        await using var sender = new SmtpMailSender(Account(Servers, seller, smtp));

        var handOff = await sender.SendAsync(Message(seller, "someone@prospect.test"), default);

        output.WriteLine(handOff.Detail);
        Assert.Equal(HandOffOutcome.Deferred, handOff.Outcome);
        Assert.Contains("connection refused", handOff.Detail, StringComparison.Ordinal);
        Assert.Contains(smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), handOff.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_StartTlsOnTheSelfSignedCertificate_IsDeferredForTls_UnlessInvalidCertificatesAreAccepted()
    {
        var seller = fixture.NewUser("seller");
        var prospect = fixture.NewUser("prospect", "prospect.test");
        var strict = Servers.SmtpEndpoint;
        strict.AcceptInvalidCertificates = false;
        await using var strictSender = new SmtpMailSender(Account(Servers, seller, strict));
        await using var lenientSender = new SmtpMailSender(Account(Servers, seller));

        var refused = await strictSender.SendAsync(Message(seller, prospect), default);
        var accepted = await lenientSender.SendAsync(Message(seller, prospect), default);

        output.WriteLine(refused.Detail);
        Assert.Equal(HandOffOutcome.Deferred, refused.Outcome);
        Assert.StartsWith("TLS with 127.0.0.1:", refused.Detail, StringComparison.Ordinal);
        Assert.Contains("certificate (CN=localhost) is self-signed and not trusted", refused.Detail, StringComparison.Ordinal);
        Assert.Equal(HandOffOutcome.Accepted, accepted.Outcome);
    }

    [Fact]
    public async Task SendAsync_WithTheMailboxLogin_IsAccepted_AndAWrongPasswordIsDeferredForAuthentication()
    {
        var seller = fixture.NewUser("seller", password: "right-password");
        var prospect = fixture.NewUser("prospect", "prospect.test");
        var login = Servers.SmtpEndpoint;
        login.Username = seller;
        login.Password = "right-password";
        var wrong = Servers.SmtpEndpoint;
        wrong.Username = seller;
        wrong.Password = "wrong-password";
        await using var sender = new SmtpMailSender(Account(Servers, seller, login));
        await using var wrongSender = new SmtpMailSender(Account(Servers, seller, wrong));

        var accepted = await sender.SendAsync(Message(seller, prospect), default);
        var deferred = await wrongSender.SendAsync(Message(seller, prospect), default);

        output.WriteLine(deferred.Detail);
        Assert.Equal(HandOffOutcome.Accepted, accepted.Outcome);
        Assert.Equal(HandOffOutcome.Deferred, deferred.Outcome);
        Assert.StartsWith($"authentication as {seller} at 127.0.0.1:", deferred.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_AfterTheServerCutThePooledConnection_SendsOnANewOne()
    {
        var seller = fixture.NewUser("seller");
        var prospect = fixture.NewUser("prospect", "prospect.test");
        await using var proxy = new LoopbackTcpProxy("127.0.0.1", Servers.SmtpPort);
        var smtp = Servers.SmtpEndpoint;
        smtp.Port = proxy.Port;
        await using var sender = new SmtpMailSender(Account(Servers, seller, smtp), new MailOptions { SmtpConnections = 1 });
        Assert.Equal(HandOffOutcome.Accepted, (await sender.SendAsync(Message(seller, prospect, "first"), default)).Outcome);

        proxy.CutAll();
        var second = await sender.SendAsync(Message(seller, prospect, "second"), default);

        Assert.Equal(HandOffOutcome.Accepted, second.Outcome);
        Assert.Equal(2, proxy.Accepted);
        var delivered = await Eventually.Get(() => Servers.ReadAllAsync(prospect, "INBOX"), m => m.Count >= 2, TimeSpan.FromSeconds(20), "both messages");
        Assert.Equal(["first", "second"], delivered.Select(raw => Parse(raw).Subject ?? "").Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task SendAsync_AfterTheServerTimedOutThePooledConnectionWith421_SendsOnANewOne()
    {
        var seller = fixture.NewUser("seller");
        var prospect = fixture.NewUser("prospect", "prospect.test");
        await using var proxy = new LoopbackTcpProxy("127.0.0.1", Servers.SmtpPort);
        var smtp = Servers.SmtpEndpoint;
        smtp.Port = proxy.Port;
        await using var sender = new SmtpMailSender(Account(Servers, seller, smtp), new MailOptions { SmtpConnections = 1 });
        Assert.Equal(HandOffOutcome.Accepted, (await sender.SendAsync(Message(seller, prospect, "first"), default)).Outcome);

        // What Postfix says to a client that stayed idle past smtpd_timeout, just before it hangs up.
        proxy.CutAll("421 4.4.2 mail.salesos.test Error: timeout exceeded\r\n");
        var second = await sender.SendAsync(Message(seller, prospect, "second"), default);

        output.WriteLine(second.Detail);
        Assert.Equal(HandOffOutcome.Accepted, second.Outcome);
        Assert.Equal(2, proxy.Accepted);
    }

    [Fact]
    public async Task SendAsync_ManyAtOnce_UsesNoMoreConnectionsThanThePool_AndDisposeClosesThem()
    {
        var seller = fixture.NewUser("seller");
        var prospect = fixture.NewUser("prospect", "prospect.test");
        await using var proxy = new LoopbackTcpProxy("127.0.0.1", Servers.SmtpPort);
        var smtp = Servers.SmtpEndpoint;
        smtp.Port = proxy.Port;
        var sender = new SmtpMailSender(Account(Servers, seller, smtp), new MailOptions { SmtpConnections = 3 });

        var handOffs = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => sender.SendAsync(Message(seller, prospect, $"m{i}"), default)));
        await sender.DisposeAsync();

        Assert.All(handOffs, h => Assert.Equal(HandOffOutcome.Accepted, h.Outcome));
        Assert.InRange(proxy.Accepted, 1, 3);
        await Eventually.Get(() => Task.FromResult(proxy.Open), open => open == 0, TimeSpan.FromSeconds(10), "connections closed");
        await Assert.ThrowsAsync<ObjectDisposedException>(() => sender.SendAsync(Message(seller, prospect), default));
    }

    [Fact]
    public async Task SendAsync_MessageWithoutMessageId_IsRejectedWithoutTalkingToTheServer()
    {
        var seller = fixture.NewUser("seller");
        var message = Message(seller, "someone@prospect.test");
        message.Headers.Remove(MimeKit.HeaderId.MessageId);
        await using var sender = new SmtpMailSender(Account(Servers, seller));

        var handOff = await sender.SendAsync(message, default);

        Assert.Equal(HandOffOutcome.Rejected, handOff.Outcome);
        Assert.Contains("Message-ID", handOff.Detail, StringComparison.Ordinal);
        Assert.Equal(0, sender.IdleConnections);
    }

    [Fact]
    public async Task FindSentAsync_FindsTheSentCopyByMessageId_AndNothingForAnotherId()
    {
        var seller = fixture.NewUser("seller");
        var prospect = fixture.NewUser("prospect", "prospect.test");
        await using var sender = new SmtpMailSender(Account(Servers, seller));
        var before = DateTimeOffset.UtcNow;
        var message = Message(seller, prospect);
        var messageId = message.MessageId!;
        Assert.Equal(HandOffOutcome.Accepted, (await sender.SendAsync(message, default)).Outcome);

        var found = await Eventually.Get(() => sender.FindSentAsync(messageId, before, default), copy => copy == SentCopy.Found, TimeSpan.FromSeconds(20), "the sent copy");
        var bracketed = await sender.FindSentAsync("<" + messageId + ">", before, default);
        var unknown = await sender.FindSentAsync("never-sent-" + messageId, before, default);
        var prefix = await sender.FindSentAsync(messageId[..^4], before, default);

        Assert.Equal(SentCopy.Found, found);
        Assert.Equal(SentCopy.Found, bracketed);
        Assert.Equal(SentCopy.NotFound, unknown);
        Assert.Equal(SentCopy.NotFound, prefix);
    }

    [Fact]
    public async Task FindSentAsync_WithoutImap_OrWithImapUnreachable_CannotTell()
    {
        var seller = fixture.NewUser("seller");
        await using var withoutImap = new SmtpMailSender(Account(Servers, seller, imap: false));
        var unreachable = Servers.ImapEndpoint(seller);
        unreachable.Port = FreePorts.Next();
        await using var imapDown = new SmtpMailSender(Account(Servers, seller) with { Imap = unreachable });

        Assert.Equal(SentCopy.CannotTell, await withoutImap.FindSentAsync("x@acme.test", DateTimeOffset.UtcNow, default));
        Assert.Equal(SentCopy.CannotTell, await imapDown.FindSentAsync("x@acme.test", DateTimeOffset.UtcNow, default));
    }
}
