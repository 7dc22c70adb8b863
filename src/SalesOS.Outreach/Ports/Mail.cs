using MimeKit;

namespace SalesOS.Outreach.Ports;

/// <summary>How a mail client secures its connection to a server.</summary>
public enum MailSecurity
{
    /// <summary>STARTTLS when the server offers it, plain otherwise (MailKit's Auto).</summary>
    Auto,
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>One SMTP or IMAP server of a mailbox, with its credentials (from configuration or the environment, never committed).</summary>
public sealed class MailServerEndpoint
{
    public string Host { get; set; } = "";

    public int Port { get; set; }

    public MailSecurity Security { get; set; } = MailSecurity.Auto;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Accept a certificate that does not validate (self-signed test servers only).</summary>
    public bool AcceptInvalidCertificates { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// A mailbox SalesOS sends from and reads replies in. With <see cref="Smtp"/> it sends through that
/// server; without, it writes each message as an .eml file into <see cref="OutboxDirectory"/> (the offline
/// default). With <see cref="Imap"/> it reads replies over IMAP; without, from .eml files dropped into
/// <see cref="InboxDirectory"/>.
/// </summary>
public sealed record MailboxAccount(
    string Address,
    string? DisplayName,
    MailServerEndpoint? Smtp,
    MailServerEndpoint? Imap,
    string? OutboxDirectory,
    string? InboxDirectory,
    string SentFolder = "Sent");

/// <summary>What a mail server said to a message handed to it.</summary>
public enum HandOffOutcome
{
    /// <summary>The server took responsibility for the message (SMTP 250, or the file is written).</summary>
    Accepted,

    /// <summary>Refused for good (SMTP 5xx): sending it again will not help.</summary>
    Rejected,

    /// <summary>Not taken this time (SMTP 4xx, connection or authentication trouble): try again later.</summary>
    Deferred,

    /// <summary>
    /// Maybe taken: the connection broke or timed out after the message was on its way. Before any new try,
    /// look for the sent copy (FindSent) — sending again on a guess could send it twice.
    /// </summary>
    Unknown,
}

public sealed record MailHandOff(HandOffOutcome Outcome, string Detail);

/// <summary>Whether a copy of a message is in a mailbox's sent messages: what reconciles a send interrupted by a crash.</summary>
public enum SentCopy
{
    Found,
    NotFound,

    /// <summary>The mailbox keeps no sent copies SalesOS can read (or could not be reached): never send again on a guess.</summary>
    CannotTell,
}

/// <summary>Hands messages of one mailbox to its transport.</summary>
public interface IMailSender : IAsyncDisposable
{
    /// <summary>Where the messages go, as an operator reads it: "smtp.example.com:587 (STARTTLS)", "outbox folder /data/outbox/acme".</summary>
    string Transport { get; }

    Task<MailHandOff> SendAsync(MimeMessage message, CancellationToken cancellationToken);

    /// <summary>Looks for a message with this Message-ID among the mailbox's sent copies, sent after <paramref name="sentAfter"/>.</summary>
    Task<SentCopy> FindSentAsync(string messageId, DateTimeOffset sentAfter, CancellationToken cancellationToken);
}

/// <summary>New messages of a mailbox, read from where the last read stopped (<see cref="InboundBatch.Cursor"/>).</summary>
public sealed record InboundBatch(IReadOnlyList<InboundMail> Messages, string? Cursor, string Mode);

/// <summary>One inbound message as the server stored it. <see cref="Key"/> is unique within the mailbox (IMAP UID, file name).</summary>
public sealed record InboundMail(string Key, byte[] Raw);

/// <summary>Reads the messages arriving in one mailbox.</summary>
public interface IMailInbox : IAsyncDisposable
{
    string Transport { get; }

    /// <summary>
    /// Returns the messages after <paramref name="cursor"/> (null: from now on, nothing older), waiting up to
    /// <paramref name="wait"/> for one to arrive when there is none (IMAP IDLE where the server has it,
    /// polling otherwise). The batch's cursor is where the next read starts.
    /// </summary>
    Task<InboundBatch> ReadAsync(string? cursor, TimeSpan wait, CancellationToken cancellationToken);
}

/// <summary>Makes the sender and inbox of a mailbox from its account.</summary>
public interface IMailConnectors
{
    IMailSender CreateSender(MailboxAccount account);

    IMailInbox CreateInbox(MailboxAccount account);
}
