using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using SalesOS.Testing.Mail;
using Xunit.Abstractions;

namespace SalesOS.Tests.Outreach.Mail;

/// <summary>The test servers themselves: what the connector tests rely on them to do.</summary>
[Collection(MailServersCollection.Name)]
public sealed class MailServersTests(MailServersFixture fixture, ITestOutputHelper output)
{
    private MailServers Servers => fixture.Servers;

    [Fact]
    public async Task Delivery_ToAUser_LandsInTheInbox_AndTheSendersSentFolder()
    {
        output.WriteLine($"servers started in {fixture.StartupTime.TotalMilliseconds:0} ms");
        var sender = fixture.NewUser("alice");
        var recipient = fixture.NewUser("bob", "prospect.test");
        var message = Message(sender, recipient, "Hello Bob");

        using (var smtp = await ConnectAsync())
        {
            await smtp.SendAsync(message);
        }

        var inbox = await Eventually(() => Servers.ReadAllAsync(recipient, "INBOX"), 1);
        var sent = await Eventually(() => Servers.ReadAllAsync(sender, "Sent"), 1);
        Assert.Contains(message.MessageId!, Encoding.UTF8.GetString(inbox[0]), StringComparison.Ordinal);
        Assert.Contains(message.MessageId!, Encoding.UTF8.GetString(sent[0]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recipients_UnknownOrElsewhere_AreRefusedAtRcpt()
    {
        var sender = fixture.NewUser("alice");
        using var smtp = await ConnectAsync();

        var unknown = await Assert.ThrowsAsync<SmtpCommandException>(() => smtp.SendAsync(Message(sender, "nobody@acme.test", "x")));
        var elsewhere = await Assert.ThrowsAsync<SmtpCommandException>(() => smtp.SendAsync(Message(sender, "someone@example.com", "x")));

        Assert.Equal(SmtpErrorCode.RecipientNotAccepted, unknown.ErrorCode);
        Assert.Equal(550, (int)unknown.StatusCode);
        Assert.Equal(SmtpErrorCode.RecipientNotAccepted, elsewhere.ErrorCode);
        Assert.Equal(554, (int)elsewhere.StatusCode);
    }

    [Fact]
    public async Task AppendedMessage_IsReadBackByteForByte_InNewFoldersToo()
    {
        var user = fixture.NewUser("carol");
        var raw = Encoding.ASCII.GetBytes("From: x@example.com\r\nTo: " + user + "\r\nSubject: appended\r\nMessage-ID: <appended-1@example.com>\r\n\r\nBody line\r\n");

        var uid = await Servers.AppendAsync(user, "INBOX", raw);
        await Servers.AppendAsync(user, "Replies", raw);

        Assert.NotNull(uid);
        Assert.Equal(raw, Assert.Single(await Servers.ReadAllAsync(user, "INBOX")));
        Assert.Equal(raw, Assert.Single(await Servers.ReadAllAsync(user, "Replies")));
    }

    private async Task<SmtpClient> ConnectAsync()
    {
        var endpoint = Servers.SmtpEndpoint;
        var smtp = new SmtpClient { ServerCertificateValidationCallback = (_, certificate, _, _) => Servers.IsRunCertificate(certificate) };
        await smtp.ConnectAsync(endpoint.Host, endpoint.Port, SecureSocketOptions.StartTls);
        return smtp;
    }

    private static MimeMessage Message(string from, string to, string subject)
    {
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = "Hi" } };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("acme.test");
        return message;
    }

    private static Task<IReadOnlyList<byte[]>> Eventually(Func<Task<IReadOnlyList<byte[]>>> read, int count) =>
        SalesOS.Testing.Eventually.Get(read, messages => messages.Count >= count, TimeSpan.FromSeconds(20), $"{count} message(s)");
}
