using MimeKit;
using MimeKit.Utils;
using SalesOS.Outreach.Ports;
using SalesOS.Testing.Mail;

namespace SalesOS.Tests.Outreach.Mail;

/// <summary>Messages and mailbox accounts as the outreach code would make them, for the mail connector tests.</summary>
internal static class MailTestMessages
{
    public static MimeMessage Message(string from, string to, string subject = "Quick question", string body = "Hi, worth a chat?")
    {
        var message = new MimeMessage
        {
            Subject = subject,
            Date = DateTimeOffset.UtcNow,
            MessageId = MimeUtils.GenerateMessageId(from[(from.IndexOf('@', StringComparison.Ordinal) + 1)..]),
            Body = new TextPart("plain") { Text = body },
        };
        message.From.Add(new MailboxAddress("Alice Seller", from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Headers.Add("X-SalesOS-Step", "sequence-7/step-2");
        return message;
    }

    public static MailboxAccount Account(MailServers servers, string address, MailServerEndpoint? smtp = null, bool imap = true) =>
        new(address, "Alice Seller", smtp ?? servers.SmtpEndpoint, imap ? servers.ImapEndpoint(address) : null, null, null);

    public static MimeMessage Parse(byte[] raw)
    {
        using var stream = new MemoryStream(raw);
        return MimeMessage.Load(stream);
    }

    public static byte[] Raw(string from, string to, string subject, string messageId) => System.Text.Encoding.ASCII.GetBytes(
        $"From: {from}\r\nTo: {to}\r\nSubject: {subject}\r\nMessage-ID: <{messageId}>\r\nDate: {DateTimeOffset.UtcNow:R}\r\n\r\n{subject} body\r\n");
}
