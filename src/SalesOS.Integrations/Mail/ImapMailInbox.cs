using System.Globalization;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SalesOS.Outreach.Ports;

namespace SalesOS.Integrations.Mail;

/// <summary>
/// Reads a mailbox's INBOX over IMAP with MailKit, read-only (EXAMINE, BODY.PEEK: nothing is marked read).
/// The cursor is "&lt;uidvalidity&gt;:&lt;last uid&gt;:&lt;yyyy-MM-dd&gt;", the date being the day the last message
/// read arrived; a null cursor starts after the newest message already there. Each read returns up to
/// <see cref="MailOptions.InboxBatchSize"/> new messages in UID order, each keyed "&lt;uidvalidity&gt;:&lt;uid&gt;";
/// with none, it waits up to the given time: in IMAP IDLE, woken when the server reports new mail, or by polling
/// every <see cref="MailOptions.PollInterval"/> on a server without IDLE. When the server's UIDVALIDITY changed
/// (the mailbox was rebuilt and old UIDs mean nothing), reading starts again from the messages that arrived on
/// or after the day before the cursor's date: a few may come twice, none is lost (a cursor without a date
/// re-reads the whole INBOX). The connection stays open between reads; one that broke is opened again, and a
/// read that cannot reach the server throws an <see cref="IOException"/> saying why.
/// </summary>
public sealed class ImapMailInbox : IMailInbox
{
    private readonly MailboxAccount account;
    private readonly MailServerEndpoint imap;
    private readonly MailOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly SemaphoreSlim gate = new(1, 1);
    private ImapClient? client;
    private IMailFolder? inbox;
    private volatile bool inboxChanged;
    private CancellationTokenSource? idleDone;
    private int disposed;

    public ImapMailInbox(MailboxAccount account, MailOptions? options = null, TimeProvider? time = null, ILogger<ImapMailInbox>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        this.account = account;
        imap = account.Imap ?? throw new ArgumentException($"The mailbox {account.Address} has no IMAP server", nameof(account));
        this.options = options ?? new MailOptions();
        this.time = time ?? TimeProvider.System;
        this.logger = logger ?? NullLogger<ImapMailInbox>.Instance;
        Transport = $"imap {MailEndpoints.Describe(imap)} INBOX of {account.Address}";
    }

    public string Transport { get; }

    public Task<InboundBatch> ReadAsync(string? cursor, TimeSpan wait, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.Zero);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        var position = cursor is null ? null : InboxCursor.Parse(cursor);
        return ReadFromAsync(position, wait, cancellationToken);
    }

    private async Task<InboundBatch> ReadFromAsync(InboxCursor? position, TimeSpan wait, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var reused = client is { IsConnected: true };
                try
                {
                    var (imapClient, folder) = await OpenAsync(cancellationToken).ConfigureAwait(false);
                    return await ReadOpenAsync(imapClient, folder, position, wait, started, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested && MailEndpoints.IsTransportFailure(e))
                {
                    Drop();
                    if (reused && attempt == 1)
                    {
                        // The server may close a connection that waited between reads; one new connection is normal.
                        logger.LogDebug("IMAP connection of {Mailbox} broke ({Reason}); connecting again", account.Address, e.Message);
                        continue;
                    }

                    throw new IOException($"{Transport}: {MailEndpoints.Explain(e, imap)}", e);
                }
                catch (OperationCanceledException)
                {
                    // MailKit drops a connection whose command was cancelled half way; a graceful IDLE end keeps it.
                    if (client is { IsConnected: false })
                    {
                        Drop();
                    }

                    throw;
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        CancelIdle();
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (client is { IsConnected: true } open)
            {
                using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                try
                {
                    await open.DisconnectAsync(quit: true, quick.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (MailEndpoints.IsTransportFailure(e) || e is OperationCanceledException)
                {
                }
            }

            Drop();
        }
        finally
        {
            gate.Release();
            gate.Dispose();
        }
    }

    private async Task<InboundBatch> ReadOpenAsync(ImapClient imapClient, IMailFolder folder, InboxCursor? position, TimeSpan wait, long started, CancellationToken cancellationToken)
    {
        var idle = imapClient.Capabilities.HasFlag(ImapCapabilities.Idle);
        var mode = idle ? "IMAP IDLE" : string.Create(CultureInfo.InvariantCulture, $"IMAP polling every {options.PollInterval.TotalSeconds:0.###} s");
        var validity = folder.UidValidity;
        await imapClient.NoOpAsync(cancellationToken).ConfigureAwait(false);
        var (after, date) = await StartAsync(folder, position, validity, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            inboxChanged = false;
            var found = await folder.SearchAsync(SearchQuery.Uids(new UniqueIdRange(new UniqueId(validity, after + 1), UniqueId.MaxValue)), cancellationToken).ConfigureAwait(false);
            var batch = found.Where(u => u.Id > after).OrderBy(u => u.Id).Take(options.InboxBatchSize).ToList();
            if (batch.Count > 0)
            {
                var messages = await FetchAsync(folder, batch, cancellationToken).ConfigureAwait(false);
                var last = batch[^1].Id;
                var lastDate = messages.Count > 0 && messages[^1].Arrived is { } arrived ? arrived.UtcDateTime.Date : date;
                if (messages.Count > 0)
                {
                    return new InboundBatch(
                        [.. messages.Select(m => new InboundMail(string.Create(CultureInfo.InvariantCulture, $"{validity}:{m.Uid}"), m.Raw))],
                        new InboxCursor(validity, last, lastDate).ToString(),
                        mode);
                }

                // All of them were expunged between SEARCH and FETCH: go on after them.
                (after, date) = (last, lastDate);
                continue;
            }

            var remaining = wait - time.GetElapsedTime(started);
            // Disposing ends a waiting read early, with nothing new, so shutdown does not wait out the IDLE.
            if (remaining <= TimeSpan.Zero || Volatile.Read(ref disposed) != 0)
            {
                return new InboundBatch([], new InboxCursor(validity, after, date).ToString(), mode);
            }

            if (idle)
            {
                await IdleAsync(imapClient, remaining, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await Task.Delay(remaining < options.PollInterval ? remaining : options.PollInterval, time, cancellationToken).ConfigureAwait(false);
                // A NOOP is where a server reports mail that arrived meanwhile.
                await imapClient.NoOpAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The last UID already read in this UIDVALIDITY, and the day it arrived.</summary>
    private async Task<(uint After, DateTime Date)> StartAsync(IMailFolder folder, InboxCursor? position, uint validity, CancellationToken cancellationToken)
    {
        var today = time.GetUtcNow().UtcDateTime.Date;
        if (position is null)
        {
            return (await NewestUidAsync(folder, cancellationToken).ConfigureAwait(false), today);
        }

        if (position.UidValidity == validity)
        {
            return (position.LastUid, position.Date ?? today);
        }

        if (position.Date is not { } known)
        {
            logger.LogWarning("UIDVALIDITY of {Mailbox} changed from {Old} to {New} and the cursor has no date: reading the whole INBOX again", account.Address, position.UidValidity, validity);
            return (0, today);
        }

        var since = await folder.SearchAsync(SearchQuery.DeliveredAfter(known.AddDays(-1)), cancellationToken).ConfigureAwait(false);
        logger.LogWarning("UIDVALIDITY of {Mailbox} changed from {Old} to {New}: reading again the {Count} message(s) since {Since:yyyy-MM-dd}", account.Address, position.UidValidity, validity, since.Count, known.AddDays(-1));
        return since.Count == 0
            ? (await NewestUidAsync(folder, cancellationToken).ConfigureAwait(false), known)
            : (since.Min(u => u.Id) - 1, known);
    }

    private static async Task<uint> NewestUidAsync(IMailFolder folder, CancellationToken cancellationToken)
    {
        if (folder.Count == 0)
        {
            return folder.UidNext is { } next ? next.Id - 1 : 0;
        }

        var newest = await folder.FetchAsync(folder.Count - 1, folder.Count - 1, MessageSummaryItems.UniqueId, cancellationToken).ConfigureAwait(false);
        return newest.Count > 0 ? newest[0].UniqueId.Id : 0;
    }

    private static async Task<List<(uint Uid, byte[] Raw, DateTimeOffset? Arrived)>> FetchAsync(IMailFolder folder, List<UniqueId> batch, CancellationToken cancellationToken)
    {
        var raw = new Dictionary<uint, byte[]>();
        // One FETCH (UID BODY.PEEK[]) for the whole batch.
        await ((IImapFolder)folder).GetStreamsAsync(batch, async (_, _, uid, stream, token) =>
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, token).ConfigureAwait(false);
            raw[uid.Id] = copy.ToArray();
        }, cancellationToken).ConfigureAwait(false);
        var arrivals = await folder.FetchAsync(batch, MessageSummaryItems.UniqueId | MessageSummaryItems.InternalDate, cancellationToken).ConfigureAwait(false);
        var arrived = arrivals.ToDictionary(s => s.UniqueId.Id, s => s.InternalDate);
        return [.. batch.Where(u => raw.ContainsKey(u.Id)).Select(u => (u.Id, raw[u.Id], arrived.GetValueOrDefault(u.Id)))];
    }

    private async Task IdleAsync(ImapClient imapClient, TimeSpan remaining, CancellationToken cancellationToken)
    {
        var span = remaining < options.IdleRestartInterval ? remaining : options.IdleRestartInterval;
        using var done = new CancellationTokenSource(span, time);
        // Cancelling ends IDLE gracefully (DONE), so the connection stays usable for the next read.
        using var stop = cancellationToken.Register(CancelIdle);
        idleDone = done;
        try
        {
            if (!inboxChanged)
            {
                await imapClient.IdleAsync(done.Token, CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            idleDone = null;
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private void OnCountChanged(object? sender, EventArgs e)
    {
        inboxChanged = true;
        CancelIdle();
    }

    private void CancelIdle()
    {
        try
        {
            idleDone?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // That IDLE has ended already.
        }
    }

    private async Task<(ImapClient Client, IMailFolder Inbox)> OpenAsync(CancellationToken cancellationToken)
    {
        if (client is { IsConnected: true, IsAuthenticated: true } open && inbox is { IsOpen: true } folder)
        {
            return (open, folder);
        }

        Drop();
        var connecting = new ImapClient();
        try
        {
            await MailEndpoints.ConnectAsync(connecting, imap, options, cancellationToken).ConfigureAwait(false);
            var opening = connecting.Inbox;
            await opening.OpenAsync(FolderAccess.ReadOnly, cancellationToken).ConfigureAwait(false);
            opening.CountChanged += OnCountChanged;
            (client, inbox) = (connecting, opening);
            return (connecting, opening);
        }
        catch
        {
            connecting.Dispose();
            throw;
        }
    }

    private void Drop()
    {
        if (inbox is not null)
        {
            inbox.CountChanged -= OnCountChanged;
        }

        client?.Dispose();
        (client, inbox) = (null, null);
    }
}

/// <summary>Where an IMAP inbox read stopped: "&lt;uidvalidity&gt;:&lt;last uid&gt;[:&lt;yyyy-MM-dd&gt;]".</summary>
internal sealed record InboxCursor(uint UidValidity, uint LastUid, DateTime? Date)
{
    public static InboxCursor Parse(string cursor)
    {
        var parts = cursor.Split(':');
        if (parts.Length is 2 or 3
            && uint.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var validity)
            && uint.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var last))
        {
            if (parts.Length == 2)
            {
                return new InboxCursor(validity, last, null);
            }

            if (DateTime.TryParseExact(parts[2], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
            {
                return new InboxCursor(validity, last, DateTime.SpecifyKind(date, DateTimeKind.Utc));
            }
        }

        throw new ArgumentException($"'{cursor}' is not an IMAP inbox cursor (<uidvalidity>:<last uid>:<yyyy-MM-dd>)", nameof(cursor));
    }

    public override string ToString() => Date is { } date
        ? string.Create(CultureInfo.InvariantCulture, $"{UidValidity}:{LastUid}:{date:yyyy-MM-dd}")
        : string.Create(CultureInfo.InvariantCulture, $"{UidValidity}:{LastUid}");
}
