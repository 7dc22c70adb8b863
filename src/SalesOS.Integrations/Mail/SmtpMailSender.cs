using System.Collections.Concurrent;
using System.Globalization;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Search;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using SalesOS.Outreach.Ports;

namespace SalesOS.Integrations.Mail;

/// <summary>
/// Hands a mailbox's messages to its SMTP server with MailKit, over a small pool of open connections
/// (<see cref="MailOptions.SmtpConnections"/>; one SmtpClient carries one message at a time). A pooled
/// connection the server has closed meanwhile is replaced and the message sent again, but only when the
/// server had not yet accepted its sender: from then on a broken connection may have delivered it, and the
/// hand-off is Deferred for the caller to reconcile with <see cref="FindSentAsync"/>.
/// Outcomes: 250 is Accepted with the server's reply; a 5xx refusal of sender, recipient or message is
/// Rejected; 4xx, authentication trouble, TLS failures, refused or broken connections and timeouts are Deferred.
/// Sent copies are looked up over the account's IMAP (the \Sent folder, else <see cref="MailboxAccount.SentFolder"/>).
/// Create one sender per mailbox and keep it: the pool lives as long as the sender.
/// </summary>
public sealed class SmtpMailSender : IMailSender
{
    private readonly MailboxAccount account;
    private readonly MailServerEndpoint smtp;
    private readonly MailOptions options;
    private readonly ILogger logger;
    private readonly SemaphoreSlim slots;
    private readonly ConcurrentStack<HandOffClient> idle = new();
    private int disposed;

    public SmtpMailSender(MailboxAccount account, MailOptions? options = null, ILogger<SmtpMailSender>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        this.account = account;
        smtp = account.Smtp ?? throw new ArgumentException($"The mailbox {account.Address} has no SMTP server", nameof(account));
        this.options = options ?? new MailOptions();
        this.logger = logger ?? NullLogger<SmtpMailSender>.Instance;
        slots = new SemaphoreSlim(this.options.SmtpConnections, this.options.SmtpConnections);
        Transport = "smtp " + MailEndpoints.Describe(smtp);
    }

    public string Transport { get; }

    /// <summary>Connections open and waiting for the next message.</summary>
    public int IdleConnections => idle.Count;

    public async Task<MailHandOff> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        if (Unsendable(message) is { } reason)
        {
            return new MailHandOff(HandOffOutcome.Rejected, reason);
        }

        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await HandOffAsync(message, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            slots.Release();
        }
    }

    public async Task<SentCopy> FindSentAsync(string messageId, DateTimeOffset sentAfter, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        if (account.Imap is not { } imap)
        {
            return SentCopy.CannotTell;
        }

        try
        {
            return await SentCopies.FindAsync(imap, account.SentFolder, messageId, sentAfter, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && MailEndpoints.IsTransportFailure(e))
        {
            logger.LogWarning("Cannot tell whether {MessageId} was sent from {Mailbox}: {Reason}", messageId, account.Address, MailEndpoints.Explain(e, imap));
            return SentCopy.CannotTell;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        // The semaphore stays undisposed: a send still in flight releases its slot when it returns.
        while (idle.TryPop(out var client))
        {
            await QuitAsync(client).ConfigureAwait(false);
        }
    }

    private async Task<MailHandOff> HandOffAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        while (true)
        {
            var reused = idle.TryPop(out var client);
            if (!reused || !client!.IsConnected)
            {
                client?.Dispose();
                reused = false;
                client = new HandOffClient();
                try
                {
                    await MailEndpoints.ConnectAsync(client, smtp, options, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested && MailEndpoints.IsTransportFailure(e) && e is not SmtpCommandException)
                {
                    client.Dispose();
                    return Deferred(MailEndpoints.Explain(e, smtp));
                }
                catch (SmtpCommandException e) when (!cancellationToken.IsCancellationRequested)
                {
                    // A refusal before any message (a 554 greeting, a 535 login) is about this connection, not the message.
                    client.Dispose();
                    return Deferred(string.Create(CultureInfo.InvariantCulture, $"{Transport} refused the session: {(int)e.StatusCode} {e.Message}"));
                }
                catch
                {
                    client.Dispose();
                    throw;
                }
            }

            client.SenderAccepted = false;
            try
            {
                var reply = await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
                Keep(client);
                return new MailHandOff(HandOffOutcome.Accepted, "250 " + reply);
            }
            catch (SmtpCommandException e) when (e.StatusCode == SmtpStatusCode.ServiceNotAvailable)
            {
                // 421: the server is closing this connection (Postfix says so to a client idle too long).
                client.Dispose();
                if (reused && !client.SenderAccepted)
                {
                    continue;
                }

                return Refused(e);
            }
            catch (SmtpCommandException e)
            {
                Keep(client);
                return Refused(e);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && MailEndpoints.IsTransportFailure(e))
            {
                client.Dispose();
                if (reused && !client.SenderAccepted)
                {
                    // The server closed this pooled connection while it waited; nothing of the message was taken.
                    logger.LogDebug("Pooled SMTP connection to {Transport} was closed ({Reason}); sending on a new one", Transport, e.Message);
                    continue;
                }

                var detail = MailEndpoints.Explain(e, smtp);
                return client.SenderAccepted
                    ? new MailHandOff(HandOffOutcome.Unknown, detail + "; the server may have taken the message before the connection broke (look for the sent copy before sending again)")
                    : Deferred(detail);
            }
            catch
            {
                // Cancelled mid-conversation: the connection's state is unknown, so it is not reused.
                client.Dispose();
                throw;
            }
        }
    }

    private void Keep(HandOffClient client)
    {
        if (client.IsConnected && Volatile.Read(ref disposed) == 0)
        {
            idle.Push(client);
        }
        else
        {
            client.Dispose();
        }
    }

    private MailHandOff Refused(SmtpCommandException e)
    {
        var code = (int)e.StatusCode;
        var who = e.ErrorCode switch
        {
            SmtpErrorCode.RecipientNotAccepted => $" (recipient {e.Mailbox})",
            SmtpErrorCode.SenderNotAccepted => $" (sender {e.Mailbox})",
            SmtpErrorCode.MessageNotAccepted => " (message)",
            _ => "",
        };
        var detail = string.Create(CultureInfo.InvariantCulture, $"{code} {e.Message}{who}");
        // 530/534/535/538: the account's login is wrong or missing; fixing it makes the same message go through.
        var authentication = code is 530 or 534 or 535 or 538;
        return code is >= 500 and < 600 && !authentication
            ? new MailHandOff(HandOffOutcome.Rejected, detail)
            : Deferred($"{Transport} answered {detail}");
    }

    private static MailHandOff Deferred(string detail) => new(HandOffOutcome.Deferred, detail);

    private static string? Unsendable(MimeMessage message)
    {
        if (string.IsNullOrWhiteSpace(message.MessageId))
        {
            return "the message has no Message-ID; SalesOS needs one to find its sent copy";
        }

        if (message.Sender is null && !message.From.Mailboxes.Any())
        {
            return "the message has no sender (From)";
        }

        return message.To.Mailboxes.Any() || message.Cc.Mailboxes.Any() || message.Bcc.Mailboxes.Any()
            ? null
            : "the message has no recipients";
    }

    private static async Task QuitAsync(SmtpClient client)
    {
        try
        {
            using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await client.DisconnectAsync(quit: true, quick.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (MailEndpoints.IsTransportFailure(e) || e is OperationCanceledException)
        {
            // Closing anyway; a server that does not answer QUIT changes nothing.
        }
        finally
        {
            client.Dispose();
        }
    }

    /// <summary>An SmtpClient that notes when the server accepted the sender: before that, nothing of the message was handed over.</summary>
    private sealed class HandOffClient : SmtpClient
    {
        public bool SenderAccepted { get; set; }

        protected override void OnSenderAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
        {
            SenderAccepted = true;
            base.OnSenderAccepted(message, mailbox, response);
        }
    }
}

/// <summary>Finds a sent copy by its Message-ID in a mailbox's sent folder over IMAP.</summary>
internal static class SentCopies
{
    public static async Task<SentCopy> FindAsync(MailServerEndpoint imap, string sentFolderName, string messageId, DateTimeOffset sentAfter, MailOptions options, CancellationToken cancellationToken)
    {
        var id = MessageIds.Normalize(messageId);
        using var client = new ImapClient();
        await MailEndpoints.ConnectAsync(client, imap, options, cancellationToken).ConfigureAwait(false);
        try
        {
            var sent = SpecialSent(client) ?? await client.GetFolderAsync(sentFolderName, cancellationToken).ConfigureAwait(false);
            await sent.OpenAsync(FolderAccess.ReadOnly, cancellationToken).ConfigureAwait(false);
            // SINCE compares dates in the server's time zone; a day's margin keeps a copy from slipping past.
            var since = sentAfter.UtcDateTime.Date.AddDays(-1);
            var candidates = await sent.SearchAsync(SearchQuery.HeaderContains("Message-ID", id).And(SearchQuery.DeliveredAfter(since)), cancellationToken).ConfigureAwait(false);
            if (candidates.Count == 0)
            {
                return SentCopy.NotFound;
            }

            // HEADER search matches substrings; only the exact id counts.
            var summaries = await sent.FetchAsync(candidates, MessageSummaryItems.Envelope, cancellationToken).ConfigureAwait(false);
            var found = summaries.Any(s => s.Envelope?.MessageId is { } candidate && MessageIds.Normalize(candidate) == id);
            return found ? SentCopy.Found : SentCopy.NotFound;
        }
        catch (FolderNotFoundException)
        {
            return SentCopy.CannotTell;
        }
        finally
        {
            if (client.IsConnected)
            {
                using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                try
                {
                    await client.DisconnectAsync(quit: true, quick.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (MailEndpoints.IsTransportFailure(e) || e is OperationCanceledException)
                {
                }
            }
        }
    }

    private static IMailFolder? SpecialSent(ImapClient client) =>
        (client.Capabilities & (ImapCapabilities.SpecialUse | ImapCapabilities.XList)) != 0 ? client.GetFolder(SpecialFolder.Sent) : null;
}

/// <summary>Message-IDs compared the way mail software writes them: with or without angle brackets, surrounding space ignored.</summary>
internal static class MessageIds
{
    public static string Normalize(string messageId)
    {
        var id = messageId.Trim();
        if (id.StartsWith('<') && id.EndsWith('>'))
        {
            id = id[1..^1].Trim();
        }

        return id;
    }
}
