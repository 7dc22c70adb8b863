using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SalesOS.Outreach.Ports;

namespace SalesOS.Integrations.Mail;

/// <summary>
/// Picks each mailbox's transports from its account: SMTP when it has an SMTP server, else the outbox folder;
/// IMAP when it has an IMAP server, else the inbox folder. A sender keeps connections open, so make one per
/// mailbox and keep it.
/// </summary>
public sealed class MailConnectors : IMailConnectors
{
    private readonly MailOptions options;
    private readonly TimeProvider time;
    private readonly ILoggerFactory loggers;

    public MailConnectors(IOptions<MailOptions> options, TimeProvider? time = null, ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.time = time ?? TimeProvider.System;
        this.loggers = loggers ?? NullLoggerFactory.Instance;
    }

    public IMailSender CreateSender(MailboxAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (account.Smtp is not null)
        {
            return new SmtpMailSender(account, options, loggers.CreateLogger<SmtpMailSender>());
        }

        return !string.IsNullOrWhiteSpace(account.OutboxDirectory)
            ? new FileOutboxSender(account.OutboxDirectory, time)
            : throw new ArgumentException($"The mailbox {account.Address} has neither an SMTP server nor an outbox folder", nameof(account));
    }

    public IMailInbox CreateInbox(MailboxAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (account.Imap is not null)
        {
            return new ImapMailInbox(account, options, time, loggers.CreateLogger<ImapMailInbox>());
        }

        return !string.IsNullOrWhiteSpace(account.InboxDirectory)
            ? new FolderMailInbox(account.InboxDirectory, options, time)
            : throw new ArgumentException($"The mailbox {account.Address} has neither an IMAP server nor an inbox folder", nameof(account));
    }
}
