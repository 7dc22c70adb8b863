using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesOS.Contracts;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Errors;
using SalesOS.Contracts.Outreach;
using SalesOS.Domain.StateMachines;
using SalesOS.Grains.Commands;
using SalesOS.Outreach.Deliverability;
using SalesOS.Outreach.Ports;
using SalesOS.Outreach.Sequences;

namespace SalesOS.Grains.Outreach.Mailboxes;

[GenerateSerializer]
[Alias("SalesOS.Outreach.MailboxDayCounts")]
public sealed class MailboxDayCounts
{
    [Id(0)] public int Sent { get; set; }

    [Id(1)] public int HardBounces { get; set; }

    [Id(2)] public int SoftBounces { get; set; }

    [Id(3)] public int Complaints { get; set; }
}

[GenerateSerializer]
[Alias("SalesOS.Outreach.MailboxRecord")]
public sealed class MailboxRecord
{
    [Id(0)] public MailboxStatus Status { get; set; }

    [Id(1)] public string? StatusReason { get; set; }

    [Id(2)] public DateTimeOffset? LastSlot { get; set; }

    [Id(3)] public Dictionary<DateOnly, int> ReservedPerDay { get; set; } = [];

    /// <summary>Slots handed out recently, by send id: the same send asking again gets its slot back.</summary>
    [Id(4)] public Dictionary<string, DateTimeOffset> Reservations { get; set; } = [];

    [Id(5)] public Dictionary<DateOnly, MailboxDayCounts> Health { get; set; } = [];

    [Id(6)] public SeenKeys Counted { get; set; } = new();

    [Id(7)] public string? InboxCursor { get; set; }

    [Id(8)] public long MessagesRead { get; set; }

    [Id(9)] public DateTimeOffset? LastReadAt { get; set; }

    [Id(10)] public string? LastReadError { get; set; }

    [Id(11)] public string? InboxMode { get; set; }

    [Id(12)] public long Sent { get; set; }

    [Id(13)] public bool ReaderReminderRegistered { get; set; }

    /// <summary>Paused by its own health check (not by a person).</summary>
    [Id(14)] public bool PausedByHealth { get; set; }

    /// <summary>The reserved slots from a day back on (the pacer fits new sends into free gaps between them).</summary>
    [Id(15)] public List<DateTimeOffset> Slots { get; set; } = [];
}

/// <summary>
/// One sending mailbox: hands out send slots under its daily cap and warm-up ramp with human-like
/// spacing inside the prospect's window, counts what happens to its messages and pauses itself when
/// the bounce or complaint rate crosses the threshold, and reads its inbox (IMAP IDLE or polling, or the
/// offline inbox folder) for the inbound agent. The reader runs while the mailbox is active; the
/// <see cref="ReaderReminder"/> reminder brings it back after a restart.
/// </summary>
public sealed class MailboxGrain(
    [PersistentState("mailbox", StorageNames.Grains)] IPersistentState<MailboxRecord> state,
    [FromKeyedServices(DomainClock.Key)] TimeProvider time,
    MailboxDirectory directory,
    IMailConnectors connectors,
    IOptions<OutreachOptions> options,
    ILogger<MailboxGrain> logger) : Grain, IMailboxGrain, IRemindable, IDisposable
{
    public const string ReaderReminder = "mailbox-reader";
    private const int ReservationsKeptDays = 3;

    // Requests and the reader loop share the activation's scheduler; writes must still not overlap.
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private CancellationTokenSource? readerStop;
    private Task? reader;
    private MailboxSettings settings = null!;
    private string workspaceId = "";

    private MailboxRecord Mailbox => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (workspace, address) = WorkspaceKey.Parse(this.GetPrimaryKeyString());
        workspaceId = workspace;
        settings = directory.Find(workspace, address)
            ?? throw new CommandRejectedException("mailbox", $"Workspace {workspace} has no mailbox {address}.", true);

        // A mailbox in use reads its inbox: replies may come before it sends again.
        await KeepReading();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (readerStop is not null)
        {
            await readerStop.CancelAsync();
            if (reader is not null)
            {
                await Task.WhenAny(reader, Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None));
            }
        }
    }

    public void Dispose()
    {
        readerStop?.Dispose();
        writeGate.Dispose();
    }

    public Task<MailboxSnapshot> Get() => Task.FromResult(Snapshot());

    public async Task<SlotAnswer> Reserve(SlotRequest request)
    {
        await EnsureReaderReminderAsync();
        if (Mailbox.Reservations.TryGetValue(request.SendId, out var known))
        {
            return new SlotAnswer(known, null);
        }

        if (Mailbox.Status == MailboxStatus.Paused)
        {
            return new SlotAnswer(null, $"mailbox {settings.Address} is paused: {Mailbox.StatusReason}");
        }

        var prospectZone = ProspectTimeZones.TryParseZone(request.ProspectTimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
        var now = time.GetUtcNow();
        var earliest = request.Earliest > now ? request.Earliest : now;
        var reservation = SendPacer.Reserve(new PacerState(Mailbox.LastSlot, Mailbox.ReservedPerDay, Mailbox.Slots), Rules(), earliest, request.Window, prospectZone, request.SendId);
        if (reservation.Slot is not { } slot)
        {
            return new SlotAnswer(null, reservation.NoSlotReason ?? "no free slot");
        }

        Mailbox.LastSlot = reservation.State.LastSlot;
        Mailbox.ReservedPerDay = reservation.State.ReservedPerDay.ToDictionary();
        Mailbox.Slots = reservation.State.Slots.ToList();
        Mailbox.Reservations[request.SendId] = slot;
        foreach (var old in Mailbox.Reservations.Where(r => r.Value < now.AddDays(-ReservationsKeptDays)).Select(r => r.Key).ToList())
        {
            Mailbox.Reservations.Remove(old);
        }

        await WriteAsync();
        return new SlotAnswer(slot, null);
    }

    public async Task RecordDelivery(DeliveryEvent delivery, string key, DateTimeOffset at)
    {
        if (!Mailbox.Counted.Add($"{delivery}:{key}"))
        {
            return;
        }

        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, MailboxZone).DateTime);
        if (!Mailbox.Health.TryGetValue(day, out var counts))
        {
            Mailbox.Health[day] = counts = new MailboxDayCounts();
        }

        switch (delivery)
        {
            case DeliveryEvent.Sent: counts.Sent++; Mailbox.Sent++; break;
            case DeliveryEvent.HardBounce: counts.HardBounces++; break;
            case DeliveryEvent.SoftBounce: counts.SoftBounces++; break;
            case DeliveryEvent.Complaint: counts.Complaints++; break;
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), MailboxZone).DateTime);
        foreach (var old in Mailbox.Health.Keys.Where(d => d < today.AddDays(-MailboxHealth.WindowDays)).ToList())
        {
            Mailbox.Health.Remove(old);
        }

        var reading = MailboxHealth.Evaluate(HealthState(), Thresholds(), today);
        if (reading.MustPause && Mailbox.Status == MailboxStatus.Active)
        {
            Mailbox.Status = SalesStateMachines.Mailbox.Next(Mailbox.Status, MailboxTrigger.Pause);
            Mailbox.StatusReason = $"paused automatically: {reading.PauseReason}";
            Mailbox.PausedByHealth = true;
            logger.LogWarning("Mailbox {Mailbox} paused itself: {Reason}", this.GetPrimaryKeyString(), reading.PauseReason);
        }

        await WriteAsync();
    }

    public async Task<MailboxSnapshot> Transition(MailboxTrigger trigger, CommandContext context)
    {
        Mailbox.Status = SalesStateMachines.Mailbox.Next(Mailbox.Status, trigger);
        Mailbox.StatusReason = trigger == MailboxTrigger.Pause
            ? $"paused by {context.Actor}{(context.Reason is null ? "" : $": {context.Reason}")}"
            : $"resumed by {context.Actor}{(Mailbox.PausedByHealth ? $" over its health check ({MailboxHealth.Evaluate(HealthState(), Thresholds(), Today()).Summary})" : "")}";
        Mailbox.PausedByHealth = false;
        await WriteAsync();
        return Snapshot();
    }

    public async Task KeepReading()
    {
        await EnsureReaderReminderAsync();
        if (reader is { IsCompleted: false })
        {
            return;
        }

        readerStop = new CancellationTokenSource();
        reader = ReadInboxAsync(readerStop.Token);
    }

    public async Task<IReadOnlyList<OutboxMessage>> ListOutbox(int limit)
    {
        if (!settings.WritesToOutbox || settings.Account.OutboxDirectory is not { } folder || !Directory.Exists(folder))
        {
            return [];
        }

        var messages = new List<OutboxMessage>();
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*.eml").OrderByDescending(f => f.Name, StringComparer.Ordinal).Take(Math.Clamp(limit, 1, 500)))
        {
            try
            {
                await using var stream = file.OpenRead();
                var message = await MimeKit.MimeMessage.LoadAsync(stream);
                var text = message.TextBody;
                messages.Add(new OutboxMessage(file.FullName, message.MessageId, message.From.ToString(), message.To.ToString(), message.Subject ?? "",
                    message.Date == DateTimeOffset.MinValue ? null : message.Date, file.Length, text is null ? null : text.Length <= 400 ? text : text[..400] + "…"));
            }
            catch (Exception e) when (e is IOException or FormatException)
            {
                messages.Add(new OutboxMessage(file.FullName, null, "", "", $"(unreadable: {e.Message})", null, file.Length, null));
            }
        }

        return messages;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
        => reminderName == ReaderReminder ? KeepReading() : Task.CompletedTask;

    /// <summary>
    /// Reads new inbound mail until the activation ends, handing each message to the inbound agent and
    /// moving the cursor only after the agent took the whole batch (a crash re-reads, never skips).
    /// </summary>
    private async Task ReadInboxAsync(CancellationToken cancellationToken)
    {
        var inboundAgent = GrainFactory.GetGrain<IInboundMailGrain>(0);
        var failures = 0;
        IMailInbox? inbox = null;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    inbox ??= connectors.CreateInbox(settings.Account);
                    var batch = await inbox.ReadAsync(Mailbox.InboxCursor, options.Value.ReaderWait, cancellationToken);
                    foreach (var mail in batch.Messages)
                    {
                        await inboundAgent.Receive(workspaceId, settings.Address, mail.Key, mail.Raw);
                    }

                    var moved = batch.Cursor != Mailbox.InboxCursor || Mailbox.LastReadError is not null || Mailbox.InboxMode != batch.Mode;
                    Mailbox.InboxCursor = batch.Cursor;
                    Mailbox.MessagesRead += batch.Messages.Count;
                    Mailbox.LastReadAt = time.GetUtcNow();
                    Mailbox.InboxMode = batch.Mode;
                    Mailbox.LastReadError = null;
                    failures = 0;
                    if (moved || batch.Messages.Count > 0)
                    {
                        await WriteAsync();
                    }
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    failures++;
                    Mailbox.LastReadError = $"{DateTimeOffset.UtcNow:u}: {e.Message}";
                    logger.LogWarning(e, "Reading mailbox {Mailbox} failed ({Failures} in a row); trying again", this.GetPrimaryKeyString(), failures);
                    if (inbox is not null)
                    {
                        await inbox.DisposeAsync();
                        inbox = null;
                    }

                    await Task.Delay(TimeSpan.FromSeconds(Math.Min(300, 2 * Math.Pow(2, Math.Min(failures, 8)))), cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            if (inbox is not null)
            {
                await inbox.DisposeAsync();
            }
        }
    }

    private async Task EnsureReaderReminderAsync()
    {
        if (!Mailbox.ReaderReminderRegistered)
        {
            var period = TimeSpan.FromMinutes(1) < options.Value.RecheckPeriod ? TimeSpan.FromMinutes(1) : options.Value.RecheckPeriod;
            await this.RegisterOrUpdateReminder(ReaderReminder, TimeSpan.FromSeconds(1), period);
            Mailbox.ReaderReminderRegistered = true;
            await WriteAsync();
        }
    }

    private async Task WriteAsync()
    {
        await writeGate.WaitAsync();
        try
        {
            await state.WriteStateAsync();
        }
        finally
        {
            writeGate.Release();
        }
    }

    private TimeZoneInfo MailboxZone => ProspectTimeZones.TryParseZone(settings.Options.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    private DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), MailboxZone).DateTime);

    private WarmUpPlan Plan() => settings.Options.WarmUpStartedOn is { } started
        ? new WarmUpPlan(settings.Options.WarmUpStartPerDay, settings.Options.WarmUpIncreasePerDay, settings.Options.DailyCap, started)
        : WarmUpPlan.None(settings.Options.DailyCap);

    private PacingRules Rules()
        => settings.WritesToOutbox && settings.IsDefault
            // The offline default writes files nobody receives: pacing it like a person would only slow the demo down.
            ? new PacingRules(Plan(), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), MailboxZone)
            : new PacingRules(Plan(), options.Value.MinSpacing, options.Value.MaxSpacing, MailboxZone);

    private HealthThresholds Thresholds() => new(options.Value.MaxBounceRate, options.Value.MaxComplaintRate, options.Value.MinimumSentForHealth);


    private MailboxHealthState HealthState()
        => new(Mailbox.Health.ToDictionary(d => d.Key, d => new DeliverabilityCounts(d.Value.Sent, d.Value.HardBounces, d.Value.SoftBounces, d.Value.Complaints)));

    private MailboxSnapshot Snapshot()
    {
        var today = Today();
        var reading = MailboxHealth.Evaluate(HealthState(), Thresholds(), today);
        var health = new MailboxHealthView(reading.Sent, reading.HardBounces, reading.SoftBounces, reading.Complaints, reading.HardBounceRate, reading.ComplaintRate, reading.Summary);
        var dkim = settings.Options.Dkim is { } key ? $"signed as d={key.Domain}, s={key.Selector}" : "not signed (no DKIM key configured)";
        var transport = settings.WritesToOutbox
            ? $"outbox folder {settings.Account.OutboxDirectory} (no mailbox configured: nothing is sent)"
            : $"{settings.Account.Smtp!.Host}:{settings.Account.Smtp.Port} ({settings.Account.Smtp.Security})";
        var inbox = settings.Account.Imap is { } imap ? $"imap {imap.Host}:{imap.Port}" : $"inbox folder {settings.Account.InboxDirectory}";
        return new MailboxSnapshot(workspaceId, settings.Address, settings.Account.DisplayName, transport, settings.WritesToOutbox, Mailbox.Status, Mailbox.StatusReason,
            Plan().CapOn(today), Mailbox.ReservedPerDay.GetValueOrDefault(today), Mailbox.LastSlot, health, inbox, Mailbox.InboxMode, Mailbox.LastReadAt,
            Mailbox.LastReadError, Mailbox.MessagesRead, dkim, Mailbox.Sent);
    }
}
