using Microsoft.Extensions.Logging;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Errors;
using SalesOS.Contracts.Outreach;
using SalesOS.Contracts.Workspaces;
using SalesOS.Domain.StateMachines;
using SalesOS.Grains.Agents.Email;
using SalesOS.Grains.Agents.LinkedIn;
using SalesOS.Grains.Agents.Sms;
using SalesOS.Grains.Agents.Voice;
using SalesOS.Grains.Outreach;
using SalesOS.Grains.Outreach.Tasks;
using SalesOS.Outreach.Engagement;
using SalesOS.Outreach.Sequences;

namespace SalesOS.Grains.Contacts;

/// <summary>
/// The outreach side of a contact: its enrolment in a sequence. Every follow-up is timed by the
/// <see cref="SequenceReminder"/> reminder, registered while a step is waiting and removed when the
/// enrolment ends or is paused without a date. A due step is handed to its channel's agent under a
/// send id; the agent asks <see cref="BeginHandOff"/> before handing the message to its transport, so
/// the contact's state records a send in progress before it happens: after a crash the step is handed
/// over again and the agent reconciles instead of sending twice.
/// </summary>
public sealed partial class ContactGrain : IContactOutreachGrain
{
    public const string SequenceReminder = "sequence-step";
    private const int PastEnrollmentsKept = 5;

    private static readonly HashSet<ContactState> Unreachable = [ContactState.Unsubscribed, ContactState.Bounced, ContactState.DoNotContact, ContactState.Invalid];

    // A reminder whose first tick is due (nearly) at once is in the past by the time its row is written,
    // and Orleans then waits a whole period (RecheckPeriod) for the next tick: a step due within this
    // horizon also gets a one-shot timer, with the reminder kept as the durable fallback.
    private static readonly TimeSpan TimerHorizon = TimeSpan.FromMinutes(1);

    private IGrainTimer? sequenceTimer;

    private OutreachOptions Outreach => outreachOptions.Value;

    private IOutreachPlaybookGrain Playbook => GrainFactory.GetGrain<IOutreachPlaybookGrain>(workspaceId);

    public Task<EnrollmentSnapshot?> GetEnrollment() => Task.FromResult(Contact.Enrollment?.Snapshot());

    public async Task<EnrollmentSnapshot> Enroll(EnrollmentRequest request, CommandContext context)
    {
        if (Contact.AppliedCommands.TryGet(context.IdempotencyKey, out var earlier) && earlier.Enrollment is { } answered)
        {
            return answered;
        }

        RequireRegisteredContact();
        if (Contact.Enrollment is { IsRunning: true } running)
        {
            return running.SequenceId == request.SequenceId
                ? running.Snapshot()
                : throw new CommandRejectedException("sequenceId", $"The contact is already in sequence '{running.SequenceId}' ({running.Status}); stop that enrolment first.", true);
        }

        var from = Contact.State;
        var to = SalesStateMachines.Contact.Next(from, ContactTrigger.Enroll);
        if (await GrainFactory.GetGrain<IWorkspaceGrain>(workspaceId).CheckRecipient(Contact.Email, Contact.Phone) is { } blocked)
        {
            throw new CommandRejectedException("contact", $"The contact cannot be contacted: {blocked}.", true);
        }

        var sequence = await Playbook.GetSequence(request.SequenceId)
            ?? throw new CommandRejectedException("sequenceId", $"There is no sequence '{request.SequenceId}' in this workspace.", true);
        if (request.TimeZone is { } wanted && !ProspectTimeZones.TryParseZone(wanted, out _))
        {
            throw new CommandRejectedException("timeZone", $"'{wanted}' is not an IANA time zone (for example Europe/Berlin or America/New_York).", true);
        }

        if (request.TimeZone is not null)
        {
            Contact.TimeZoneOverride = request.TimeZone;
        }

        var zone = ProspectTimeZones.Resolve(request.Country, request.Region, request.City, Contact.TimeZoneOverride);
        var now = time.GetUtcNow();
        ArchiveEnrollment();
        var channels = request.Channels is { Count: > 0 } wantedChannels ? wantedChannels.Distinct().ToList() : sequence.Steps.Select(s => s.Channel).Distinct().ToList();
        var enrollment = new EnrollmentRecord
        {
            Id = NewEnrollmentId(now),
            SequenceId = sequence.Id,
            MarketId = request.MarketId,
            Status = EnrollmentStatus.Active,
            TimeZone = zone.Zone.Id,
            TimeZoneSource = zone.Source,
            EnrolledAt = now,
            LastStepAt = now,
            Channels = channels,
            StepCount = sequence.Steps.Count,
        };
        PlanNextStep(enrollment, sequence, now);
        Contact.Enrollment = enrollment;
        Contact.State = to;
        Contact.SequenceId = sequence.Id;
        Contact.SequenceStep = 1;
        var first = sequence.Steps.Count > 0 ? sequence.Steps[0] : null;
        var firstAt = enrollment.NextStepAt is { } at ? $"{TimeZoneInfo.ConvertTime(at, zone.Zone):ddd d MMM HH:mm} {zone.Zone.Id}" : "never";
        var activity = NewActivity(context.Actor, "enrolled",
            $"{from} → {to} (Enroll): sequence '{sequence.Name}', {sequence.Steps.Count} steps over {string.Join(" + ", channels)}; first step ({first?.Channel}) at {firstAt}",
            context.Reason ?? zone.Source, from.ToString(), to.ToString());
        await ScheduleSequenceReminderAsync();
        var snapshot = await AcceptAsync(activity, context);

        // The workspace's mailboxes start reading their inboxes (if they do not yet): answers may come any time.
        await GrainFactory.GetGrain<IOutreachDirectoryGrain>(0).Mailboxes(workspaceId);
        return snapshot.Enrollment!;
    }

    public async Task<EnrollmentSnapshot> ChangeEnrollment(EnrollmentChange change, CommandContext context)
    {
        if (Contact.AppliedCommands.TryGet(context.IdempotencyKey, out var earlier) && earlier.Enrollment is { } answered)
        {
            return answered;
        }

        RequireRegisteredContact();
        var enrollment = Contact.Enrollment ?? throw new CommandRejectedException("enrollment", "The contact is not enrolled in a sequence.", true);
        var now = time.GetUtcNow();
        if (change.Trigger == EnrollmentTrigger.PauseUntil && (change.Until is not { } until || until <= now))
        {
            throw new CommandRejectedException("until", "Pausing until a date needs a date in the future.", true);
        }

        var from = enrollment.Status;
        enrollment.Status = SalesStateMachines.Enrollment.Next(from, change.Trigger);
        var reason = change.Reason ?? $"{change.Trigger} by {context.Actor}";
        switch (change.Trigger)
        {
            case EnrollmentTrigger.Pause:
                enrollment.PausedUntil = null;
                break;
            case EnrollmentTrigger.PauseUntil:
                enrollment.PausedUntil = change.Until;
                reason = $"{reason} (until {change.Until:u})";
                break;
            case EnrollmentTrigger.Resume:
                await ResumeAsync(enrollment, now);
                break;
        }

        enrollment.StatusReason = reason;
        await ScheduleSequenceReminderAsync();
        var activity = NewActivity(context.Actor, "enrolment-" + change.Trigger.ToString().ToLowerInvariant(), $"Enrolment {from} → {enrollment.Status} ({change.Trigger})", reason);
        var snapshot = await AcceptAsync(activity, context);
        return snapshot.Enrollment!;
    }

    public async Task<HandOffPermit> BeginHandOff(string sendId, string messageId, string sender)
    {
        var enrollment = Contact.Enrollment;
        if (enrollment?.Pending is not { } pending || pending.SendId != sendId)
        {
            return HandOffPermit.AlreadyDone;
        }

        if (enrollment.Status != EnrollmentStatus.Active || Unreachable.Contains(Contact.State))
        {
            return HandOffPermit.Refused;
        }

        if (pending.Phase == StepPhase.HandingOff)
        {
            return HandOffPermit.Reconcile;
        }

        pending.Phase = StepPhase.HandingOff;
        pending.MessageId = messageId;
        pending.Sender = sender;
        pending.Since = time.GetUtcNow();
        await state.WriteStateAsync();
        return HandOffPermit.Go;
    }

    public async Task<EnrollmentSnapshot?> ReportStep(StepReport report, CommandContext context)
    {
        var enrollment = Contact.Enrollment;
        if (enrollment?.Pending is not { } pending || pending.SendId != report.SendId)
        {
            return enrollment?.Snapshot();
        }

        var now = time.GetUtcNow();
        var sequence = await Playbook.GetSequence(enrollment.SequenceId);
        var stepLabel = $"Step {pending.Index + 1} of {enrollment.StepCount} ({pending.Channel}{(pending.VariantId is null ? "" : $", variant {pending.VariantId}")})";
        Activity activity;
        switch (report.Outcome)
        {
            case StepOutcome.Sent or StepOutcome.SentUnverified or StepOutcome.TaskDone or StepOutcome.TaskSkipped or StepOutcome.Skipped:
                var run = new StepRun(pending.Index + 1, pending.Channel, pending.SendId, pending.VariantId, report.Outcome, now, report.Detail,
                    report.MessageId ?? pending.MessageId, report.Sender ?? pending.Sender, ProviderId: report.ProviderId);
                enrollment.Steps.Add(run);
                if (pending.Channel == OutreachChannel.Email && report.Outcome is StepOutcome.Sent or StepOutcome.SentUnverified)
                {
                    AddEngagement(TouchKind.EmailSent, now);
                    enrollment.Sender ??= run.Sender;
                    enrollment.ThreadMessageId ??= run.MessageId;
                    enrollment.ThreadSubject ??= report.Subject;
                }

                enrollment.Pending = null;
                enrollment.NextStep = pending.Index + 1;
                enrollment.LastStepAt = now;
                Contact.SequenceStep = enrollment.NextStep + 1;
                var messageId = run.MessageId is { } id && pending.Channel == OutreachChannel.Email ? $", Message-ID <{id}>" : "";
                activity = NewActivity(context.Actor, StepKind(pending.Channel, report.Outcome), $"{stepLabel}: {Describe(report.Outcome)}{messageId}", report.Detail);
                if (sequence is null || enrollment.NextStep >= sequence.Steps.Count)
                {
                    CompleteEnrollment(enrollment, sequence is null ? "its sequence no longer exists" : "every step ran");
                }
                else
                {
                    PlanNextStep(enrollment, sequence, now);
                }

                break;
            case StepOutcome.TaskCreated:
                pending.Phase = StepPhase.AwaitingTask;
                pending.TaskId = report.ProviderId;
                pending.TaskDueOn = report.RetryAt is { } due ? DateOnly.FromDateTime(due.UtcDateTime) : null;
                pending.Note = report.Detail;
                activity = NewActivity(context.Actor, "task-created", $"{stepLabel}: task for a rep", report.Detail);
                break;
            case StepOutcome.Deferred:
                // Not taken this time (no free slot, throttling, settings missing): handed over again later.
                // A hand-off that may have reached the transport stays a hand-off, so the next try reconciles.
                var retryAt = report.RetryAt ?? now + Outreach.RecheckPeriod;
                var quiet = pending.Note == report.Detail;
                pending.Phase = report.MayHaveSent && pending.Phase == StepPhase.HandingOff ? StepPhase.HandingOff : StepPhase.Dispatched;
                pending.Note = report.Detail;
                pending.Sender = report.Sender ?? pending.Sender;
                pending.RetryAt = retryAt;
                pending.Since = now;
                if (quiet)
                {
                    await ScheduleSequenceReminderAsync();
                    await state.WriteStateAsync();
                    return enrollment.Snapshot();
                }

                activity = NewActivity(context.Actor, "step-waiting", $"{stepLabel} waits until {retryAt:u}", report.Detail);
                break;
            case StepOutcome.Bounced:
                enrollment.Steps.Add(new StepRun(pending.Index + 1, pending.Channel, pending.SendId, pending.VariantId, StepOutcome.Bounced, now, report.Detail, report.MessageId ?? pending.MessageId, report.Sender ?? pending.Sender));
                enrollment.Pending = null;
                await HardBounceAsync(report.Detail);
                activity = NewActivity(context.Actor, "email-bounced", $"{stepLabel}: the recipient's server refused the address", report.Detail, null, Contact.State.ToString());
                break;
            default:
                enrollment.Steps.Add(new StepRun(pending.Index + 1, pending.Channel, pending.SendId, pending.VariantId, StepOutcome.Failed, now, report.Detail, report.MessageId ?? pending.MessageId, report.Sender ?? pending.Sender));
                enrollment.Pending = null;
                StopEnrollment(enrollment, $"step {pending.Index + 1} failed: {report.Detail}");
                activity = NewActivity(context.Actor, "step-failed", $"{stepLabel} failed; enrolment stopped", report.Detail);
                break;
        }

        await ScheduleSequenceReminderAsync();
        var snapshot = await AcceptAsync(activity, new CommandContext(context.Actor));
        return snapshot.Enrollment;
    }

    public async Task RecordTouch(EngagementTouch touch, CommandContext context)
    {
        if (!Contact.Registered || !Contact.SeenKeys.Add($"touch:{touch.Type}:{touch.SendId}:{touch.At.UtcTicks}:{touch.Url}"))
        {
            return;
        }

        if (touch.Type == TouchType.PageVisit && !touch.ByMachine)
        {
            // A visit to the seller's website (reported by its analytics), with or without a send behind it.
            AddEngagement(TouchKind.PageVisit, touch.At);
            await AcceptAsync(NewActivity(context.Actor, "page-visit", $"Visited {touch.Url}", touch.Detail), new CommandContext(context.Actor));
            return;
        }

        var (owner, index) = FindRun(touch.SendId);
        if (owner is null)
        {
            return;
        }

        var run = owner.Steps[index];
        if (touch.ByMachine)
        {
            // Scanners and prefetchers are counted, never taken for a person (and never change the timeline).
            Contact.MachineTouches++;
            await state.WriteStateAsync();
            return;
        }

        Activity activity;
        switch (touch.Type)
        {
            case TouchType.Open when run.OpenedAt is null:
                owner.Steps[index] = run with { OpenedAt = touch.At };
                AddEngagement(TouchKind.EmailOpened, touch.At);
                activity = NewActivity(context.Actor, "email-opened", $"Opened step {run.Step} ({run.VariantId ?? "single variant"})", touch.Detail);
                break;
            case TouchType.Open:
                return;
            case TouchType.Click:
                owner.Steps[index] = run with { ClickedAt = run.ClickedAt ?? touch.At, OpenedAt = run.OpenedAt ?? touch.At };
                AddEngagement(TouchKind.EmailClicked, touch.At);
                activity = NewActivity(context.Actor, "email-clicked", $"Clicked {touch.Url} in step {run.Step}", touch.Detail);
                break;
            default:
                return;
        }

        await AcceptAsync(activity, new CommandContext(context.Actor));
    }

    public async Task RecordChannelEvent(ChannelEvent channelEvent, CommandContext context)
    {
        if (!Contact.Registered || !Contact.SeenKeys.Add($"channel:{channelEvent.ProviderId}:{channelEvent.Kind}"))
        {
            return;
        }

        if (channelEvent.Connected)
        {
            AddEngagement(TouchKind.CallConnected, channelEvent.At);
        }

        await AcceptAsync(NewActivity(context.Actor, channelEvent.Kind, $"{channelEvent.Kind.Replace('-', ' ')} ({channelEvent.SendId})", channelEvent.Detail), new CommandContext(context.Actor));
    }

    public async Task<EnrollmentSnapshot?> RecordInbound(InboundVerdict verdict, CommandContext context)
    {
        if (!Contact.Registered || !Contact.SeenKeys.Add("inbound:" + verdict.MessageId))
        {
            return Contact.Enrollment?.Snapshot();
        }

        var now = time.GetUtcNow();
        var enrollment = Contact.Enrollment;
        MarkReplied(verdict);
        var from = Contact.State;
        Activity activity;
        switch (verdict.Kind)
        {
            case InboundKind.Bounce when verdict.Bounce is { Hard: false } soft:
                activity = await SoftBounceAsync(enrollment, verdict, soft, now);
                break;
            case InboundKind.Bounce:
                await HardBounceAsync(verdict.Reason);
                activity = NewActivity(context.Actor, "email-bounced", $"Hard bounce: {verdict.Bounce?.Reason ?? "undeliverable"} {verdict.Bounce?.Status}".TrimEnd(), verdict.Reason, from.ToString(), Contact.State.ToString());
                break;
            case InboundKind.Complaint:
                await UnsubscribeAsync("complained (marked as spam)");
                activity = NewActivity(context.Actor, "complaint", "Marked our message as spam: suppressed and out of every sequence", verdict.Reason, from.ToString(), Contact.State.ToString());
                break;
            case InboundKind.OutOfOffice:
                activity = OutOfOffice(enrollment, verdict, now);
                break;
            case InboundKind.AutoReply:
                activity = NewActivity(context.Actor, "auto-reply", $"Automatic answer ignored: {verdict.Subject}", verdict.Reason);
                break;
            default:
                activity = await ReplyAsync(enrollment, verdict);
                break;
        }

        await ScheduleSequenceReminderAsync();
        var snapshot = await AcceptAsync(activity, new CommandContext(context.Actor));
        return snapshot.Enrollment;
    }

    /// <summary>The follow-up reminder's tick: resumes a dated pause, hands a due step over, and notices a silent agent.</summary>
    private async Task AdvanceEnrollmentAsync()
    {
        var enrollment = Contact.Enrollment;
        if (!Contact.Registered || enrollment is not { IsRunning: true })
        {
            await ScheduleSequenceReminderAsync();
            await state.WriteStateAsync();
            return;
        }

        var now = time.GetUtcNow();
        if (enrollment.Status == EnrollmentStatus.Paused)
        {
            if (enrollment.PausedUntil is { } until && until <= now)
            {
                var reason = $"back after {enrollment.StatusReason}";
                enrollment.Status = SalesStateMachines.Enrollment.Next(enrollment.Status, EnrollmentTrigger.Resume);
                await ResumeAsync(enrollment, now);
                enrollment.StatusReason = reason;
                await ScheduleSequenceReminderAsync();
                await AcceptAsync(NewActivity("agent:sequencer", "enrolment-resume", "Enrolment Paused → Active (the pause's date came)", reason), new CommandContext("agent:sequencer"));
            }

            return;
        }

        if (enrollment.Pending is { } pending)
        {
            await CheckPendingAsync(enrollment, pending, now);
            return;
        }

        if (enrollment.NextStepAt is not { } due || due > now)
        {
            await ScheduleSequenceReminderAsync();
            return;
        }

        await StartDueStepAsync(enrollment, now);
    }

    private async Task CheckPendingAsync(EnrollmentRecord enrollment, PendingStep pending, DateTimeOffset now)
    {
        switch (pending.Phase)
        {
            case StepPhase.AwaitingTask when pending.TaskDueOn is { } dueOn && dueOn.AddDays(Outreach.TaskExpiryDays) < DateOnly.FromDateTime(now.UtcDateTime):
                var why = $"the rep's task was not done within {Outreach.TaskExpiryDays} days of its due date ({dueOn:yyyy-MM-dd})";
                if (pending.TaskId is { } taskId)
                {
                    // Expiring does not call back (this contact is the one asking).
                    await GrainFactory.GetGrain<IRepTaskQueueGrain>(WorkspaceKey.For(workspaceId, RepTaskQueues.For(pending.Channel)))
                        .Close(taskId, RepTaskQueues.Expired, why, new CommandContext("agent:sequencer"));
                }

                await ReportStep(new StepReport(pending.SendId, StepOutcome.TaskSkipped, why), new CommandContext("agent:sequencer"));
                return;
            case StepPhase.AwaitingTask:
                break;
            case StepPhase.Dispatched or StepPhase.HandingOff when now >= (pending.RetryAt ?? pending.Since + Outreach.DispatchTimeout):
                // Due again: deferred by its agent, or handed over and never heard of (its silo may have died).
                pending.RetryAt = null;
                pending.Dispatches++;
                pending.Since = now;
                await ScheduleSequenceReminderAsync();
                await state.WriteStateAsync();
                await DispatchAsync(enrollment, pending);
                return;
        }

        await ScheduleSequenceReminderAsync();
    }

    private async Task StartDueStepAsync(EnrollmentRecord enrollment, DateTimeOffset now)
    {
        var sequence = await Playbook.GetSequence(enrollment.SequenceId);
        if (sequence is null)
        {
            StopEnrollment(enrollment, $"sequence '{enrollment.SequenceId}' no longer exists");
            await ScheduleSequenceReminderAsync();
            await AcceptAsync(NewActivity("agent:sequencer", "enrolment-stop", "Enrolment stopped", enrollment.StatusReason), new CommandContext("agent:sequencer"));
            return;
        }

        enrollment.StepCount = sequence.Steps.Count;
        var zone = ZoneOf(enrollment);
        while (true)
        {
            if (enrollment.NextStep >= sequence.Steps.Count)
            {
                CompleteEnrollment(enrollment, "every step ran");
                await ScheduleSequenceReminderAsync();
                await AcceptAsync(NewActivity("agent:sequencer", "enrolment-complete", $"Sequence '{sequence.Name}' completed", enrollment.StatusReason), new CommandContext("agent:sequencer"));
                return;
            }

            var index = enrollment.NextStep;
            var step = sequence.Steps[index];
            var window = step.Window ?? sequence.Window;
            if (SkipReason(enrollment, step) is { } skip)
            {
                enrollment.Steps.Add(new StepRun(index + 1, step.Channel, $"{enrollment.Id}-{index + 1}", null, StepOutcome.Skipped, now, skip));
                enrollment.NextStep = index + 1;
                enrollment.LastStepAt = now;
                PlanNextStep(enrollment, sequence, now);
                await AcceptAsync(NewActivity("agent:sequencer", "step-skipped", $"Step {index + 1} of {sequence.Steps.Count} ({step.Channel}) skipped", skip), new CommandContext("agent:sequencer"));
                if (enrollment.NextStepAt is { } next && next > now)
                {
                    await ScheduleSequenceReminderAsync();
                    return;
                }

                continue;
            }

            if (!SendWindows.IsOpen(now, window, zone))
            {
                enrollment.NextStepAt = SendWindows.NextOpening(now, window, zone);
                await ScheduleSequenceReminderAsync();
                await state.WriteStateAsync();
                return;
            }

            var variant = step.Variants.Count == 0 ? null : VariantPicker.Pick(step.Variants, $"{identity}:{enrollment.Id}:{index}");
            var pending = new PendingStep
            {
                Index = index,
                SendId = $"{enrollment.Id}-{index + 1}",
                Channel = step.Channel,
                VariantId = variant?.Id,
                Phase = StepPhase.Dispatched,
                Since = now,
                Sender = enrollment.Sender,
                Dispatches = 1,
                Window = window,
            };
            enrollment.Pending = pending;
            await ScheduleSequenceReminderAsync();
            await state.WriteStateAsync();
            await DispatchAsync(enrollment, pending);
            return;
        }
    }

    private Task DispatchAsync(EnrollmentRecord enrollment, PendingStep pending)
    {
        var dispatch = new StepDispatch(this.GetPrimaryKeyString(), pending.SendId, enrollment.SequenceId, pending.Index, pending.Channel, pending.VariantId,
            pending.Sender ?? enrollment.Sender, enrollment.ThreadMessageId, enrollment.ThreadSubject, enrollment.TimeZone, pending.Window ?? SendWindow.BusinessHours, pending.Dispatches, enrollment.MarketId);
        IChannelAgentGrain agent = pending.Channel switch
        {
            OutreachChannel.Email => GrainFactory.GetGrain<IEmailAgentGrain>(0),
            OutreachChannel.Sms => GrainFactory.GetGrain<ISmsAgentGrain>(0),
            OutreachChannel.Phone => GrainFactory.GetGrain<IVoiceAgentGrain>(0),
            _ => GrainFactory.GetGrain<ILinkedInAgentGrain>(0),
        };
        logger.LogDebug("Contact {Contact}: step {Step} ({Channel}) handed to its agent, dispatch {Dispatch}", this.GetPrimaryKeyString(), pending.Index + 1, pending.Channel, pending.Dispatches);
        return agent.Run(dispatch);
    }

    /// <summary>Why a due step cannot reach this contact, or null.</summary>
    private string? SkipReason(EnrollmentRecord enrollment, SequenceStep step)
    {
        if (!StepConditions.Holds(step.Condition, new EngagementSoFar(enrollment.Replied, enrollment.Opened, enrollment.Clicked)))
        {
            return $"its condition '{step.Condition}' does not hold (opened: {enrollment.Opened}, clicked: {enrollment.Clicked}, replied: {enrollment.Replied})";
        }

        if (!enrollment.Channels.Contains(step.Channel))
        {
            return $"{step.Channel} is not in this contact's channel plan ({string.Join(", ", enrollment.Channels)})";
        }

        return step.Channel switch
        {
            OutreachChannel.Email when Contact.Email is null => "the contact has no email address",
            OutreachChannel.Email when Contact.State == ContactState.Invalid => "the email address is invalid",
            OutreachChannel.LinkedIn when Contact.LinkedInUrl is null => "the contact has no LinkedIn profile",
            OutreachChannel.Phone or OutreachChannel.Sms when Contact.Phone is null => "the contact has no phone number",
            OutreachChannel.Sms when !string.Equals(Contact.LawfulBasis, "consent", StringComparison.OrdinalIgnoreCase)
                => "SMS needs the person's consent (lawful basis 'consent'), which is not recorded",
            _ => null,
        };
    }

    private void PlanNextStep(EnrollmentRecord enrollment, SequenceDefinition sequence, DateTimeOffset previous)
    {
        if (enrollment.NextStep >= sequence.Steps.Count)
        {
            enrollment.NextStepAt = null;
            return;
        }

        var step = sequence.Steps[enrollment.NextStep];
        enrollment.NextStepAt = StepScheduler.DueAt(previous, step, step.Window ?? sequence.Window, ZoneOf(enrollment), $"{identity}:{enrollment.Id}:{enrollment.NextStep}");
    }

    private async Task ResumeAsync(EnrollmentRecord enrollment, DateTimeOffset now)
    {
        enrollment.PausedUntil = null;
        if (enrollment.Pending is { Phase: not StepPhase.AwaitingTask } pending)
        {
            // Handed over again at once; a hand-off in progress keeps its phase and is reconciled.
            pending.Note = "resumed";
            pending.RetryAt = now;
            return;
        }

        if (enrollment.Pending is null && await Playbook.GetSequence(enrollment.SequenceId) is { } sequence && enrollment.NextStep < sequence.Steps.Count)
        {
            // The next step keeps its delay, counted from the day the contact is back.
            PlanNextStep(enrollment, sequence, now);
        }
    }

    private Activity OutOfOffice(EnrollmentRecord? enrollment, InboundVerdict verdict, DateTimeOffset now)
    {
        if (enrollment is not { IsRunning: true })
        {
            return NewActivity("agent:email", "out-of-office", $"Out of office{(verdict.ReturnDate is { } r ? $" until {r:yyyy-MM-dd}" : "")}; no sequence running", verdict.Reason);
        }

        var zone = ZoneOf(enrollment);
        var until = verdict.ReturnDate is { } back
            ? new DateTimeOffset(back.AddDays(1).ToDateTime(new TimeOnly(8, 0)), zone.GetUtcOffset(back.AddDays(1).ToDateTime(new TimeOnly(8, 0))))
            : now.AddDays(7);
        if (until <= now)
        {
            return NewActivity("agent:email", "out-of-office", $"Out of office notice with a past return date ({verdict.ReturnDate:yyyy-MM-dd}); sequence continues", verdict.Reason);
        }

        enrollment.Status = SalesStateMachines.Enrollment.Next(enrollment.Status, EnrollmentTrigger.PauseUntil);
        enrollment.PausedUntil = until;
        enrollment.StatusReason = verdict.ReturnDate is { } date ? $"out of office until {date:yyyy-MM-dd}" : "out of office, no return date found: paused for 7 days";
        return NewActivity("agent:email", "out-of-office", $"Enrolment paused until {until:u}", enrollment.StatusReason);
    }

    private async Task<Activity> SoftBounceAsync(EnrollmentRecord? enrollment, InboundVerdict verdict, BounceDetails bounce, DateTimeOffset now)
    {
        if (enrollment is not { IsRunning: true })
        {
            return NewActivity("agent:email", "email-soft-bounced", $"Soft bounce ({bounce.Reason}) after the sequence ended", verdict.Reason);
        }

        enrollment.SoftBounces++;
        var index = enrollment.Steps.FindLastIndex(s => s.MessageId is not null && s.MessageId == verdict.InReplyTo);
        if (enrollment.SoftBounces >= 2)
        {
            StopEnrollment(enrollment, $"soft-bounced twice ({bounce.Reason})");
            return NewActivity("agent:email", "email-soft-bounced", "Soft bounce again: enrolment stopped (the address is kept)", verdict.Reason);
        }

        if (index >= 0 && enrollment.Pending is null && await Playbook.GetSequence(enrollment.SequenceId) is { } sequence)
        {
            // The message did not arrive: the same step runs again after a business day.
            var bounced = enrollment.Steps[index];
            enrollment.Steps[index] = bounced with { Outcome = StepOutcome.Bounced, Detail = $"soft bounce: {bounce.Reason}" };
            enrollment.NextStep = bounced.Step - 1;
            if (bounced.MessageId == enrollment.ThreadMessageId)
            {
                enrollment.ThreadMessageId = null;
                enrollment.ThreadSubject = null;
            }

            var step = sequence.Steps[enrollment.NextStep] with { DelayBusinessDays = 1 };
            enrollment.NextStepAt = StepScheduler.DueAt(now, step, step.Window ?? sequence.Window, ZoneOf(enrollment), $"{identity}:{enrollment.Id}:{enrollment.NextStep}:retry");
        }

        return NewActivity("agent:email", "email-soft-bounced", $"Soft bounce ({bounce.Reason} {bounce.Status}); the step runs again after a business day".TrimEnd(), verdict.Reason);
    }

    private async Task<Activity> ReplyAsync(EnrollmentRecord? enrollment, InboundVerdict verdict)
    {
        var kind = verdict.ReplyKind ?? ReplyKind.Other;
        var from = Contact.State;
        Contact.LastReply = kind;
        if (kind == ReplyKind.Unsubscribe)
        {
            await UnsubscribeAsync("asked to be removed");
            return NewActivity("agent:email", "reply", "Replied asking to be removed: unsubscribed and suppressed", verdict.ReplyText ?? verdict.Reason, from.ToString(), Contact.State.ToString());
        }

        if (enrollment is { IsRunning: true })
        {
            StopEnrollment(enrollment, $"replied ({kind})");
        }

        AddEngagement(kind switch { ReplyKind.Interested => TouchKind.ReplyInterested, ReplyKind.NotInterested => TouchKind.ReplyNotInterested, _ => TouchKind.Replied }, verdict.ReceivedAt);
        var trigger = kind == ReplyKind.Interested ? ContactTrigger.Engage : ContactTrigger.RecordReply;
        if (SalesStateMachines.Contact.IsAllowed(Contact.State, trigger))
        {
            Contact.State = SalesStateMachines.Contact.Next(Contact.State, trigger);
        }

        return NewActivity("agent:email", "reply", $"Replied: {kind} ({verdict.Confidence:0.00}, {verdict.ClassifiedBy})", Truncate(verdict.ReplyText ?? verdict.Reason, 2000),
            from == Contact.State ? null : from.ToString(), from == Contact.State ? null : Contact.State.ToString());
    }

    private async Task HardBounceAsync(string reason)
    {
        if (Contact.Enrollment is { IsRunning: true } enrollment)
        {
            StopEnrollment(enrollment, $"hard bounce: {reason}");
        }

        if (SalesStateMachines.Contact.IsAllowed(Contact.State, ContactTrigger.Bounce))
        {
            Contact.State = SalesStateMachines.Contact.Next(Contact.State, ContactTrigger.Bounce);
        }

        if (Contact.Email is not null)
        {
            await GrainFactory.GetGrain<IWorkspaceGrain>(workspaceId).Suppress(Contact.Email, "hard bounce");
        }
    }

    private async Task UnsubscribeAsync(string why)
    {
        if (Contact.Enrollment is { IsRunning: true } enrollment)
        {
            StopEnrollment(enrollment, why);
        }

        if (SalesStateMachines.Contact.IsAllowed(Contact.State, ContactTrigger.Unsubscribe))
        {
            Contact.State = SalesStateMachines.Contact.Next(Contact.State, ContactTrigger.Unsubscribe);
        }

        await SuppressEverywhereAsync(why);
    }

    /// <summary>Puts the contact on the workspace's suppression list by every way it can be reached: identity, email and phone.</summary>
    private async Task SuppressEverywhereAsync(string why)
    {
        var workspace = GrainFactory.GetGrain<IWorkspaceGrain>(workspaceId);
        await workspace.Suppress(identity, why);
        if (Contact.Email is not null)
        {
            await workspace.Suppress(Contact.Email, why);
        }

        if (Contact.Phone is not null)
        {
            await workspace.Suppress(Contact.Phone, why);
        }
    }

    public async Task<bool> Unsubscribe(string how, CommandContext context)
    {
        var actor = context.Actor;
        if (!Contact.Registered || Contact.State == ContactState.Unsubscribed)
        {
            return false;
        }

        var from = Contact.State;
        await UnsubscribeAsync(how);
        await ScheduleSequenceReminderAsync();
        await AcceptAsync(NewActivity(actor, "unsubscribed", $"{from} → {Contact.State} (Unsubscribe)", how, from.ToString(), Contact.State.ToString()), new CommandContext(actor));
        return true;
    }

    private void MarkReplied(InboundVerdict verdict)
    {
        if (verdict.Kind != InboundKind.Reply)
        {
            return;
        }

        var (owner, index) = verdict.InReplyTo is { } id ? FindRunByMessageId(id) : (Contact.Enrollment, Contact.Enrollment?.Steps.FindLastIndex(s => s.Outcome == StepOutcome.Sent) ?? -1);
        if (owner is not null && index >= 0 && owner.Steps[index].RepliedAt is null)
        {
            owner.Steps[index] = owner.Steps[index] with { RepliedAt = verdict.ReceivedAt, ReplyKind = verdict.ReplyKind };
        }
    }

    private static void StopEnrollment(EnrollmentRecord enrollment, string reason)
    {
        enrollment.Status = SalesStateMachines.Enrollment.Next(enrollment.Status, EnrollmentTrigger.Stop);
        enrollment.StatusReason = reason;
        enrollment.PausedUntil = null;
        enrollment.NextStepAt = null;
    }

    private static void CompleteEnrollment(EnrollmentRecord enrollment, string reason)
    {
        enrollment.Status = SalesStateMachines.Enrollment.Next(enrollment.Status, EnrollmentTrigger.Complete);
        enrollment.StatusReason = reason;
        enrollment.NextStepAt = null;
    }

    private void ArchiveEnrollment()
    {
        if (Contact.Enrollment is { } old)
        {
            Contact.PastEnrollments.Add(old);
            if (Contact.PastEnrollments.Count > PastEnrollmentsKept)
            {
                Contact.PastEnrollments.RemoveAt(0);
            }
        }

        Contact.Enrollment = null;
    }

    private (EnrollmentRecord? Owner, int Index) FindRun(string sendId)
    {
        foreach (var enrollment in Enrollments())
        {
            var index = enrollment.Steps.FindLastIndex(s => s.SendId == sendId && s.Outcome is StepOutcome.Sent or StepOutcome.SentUnverified);
            if (index >= 0)
            {
                return (enrollment, index);
            }
        }

        return (null, -1);
    }

    private (EnrollmentRecord? Owner, int Index) FindRunByMessageId(string messageId)
    {
        foreach (var enrollment in Enrollments())
        {
            var index = enrollment.Steps.FindLastIndex(s => s.MessageId == messageId);
            if (index >= 0)
            {
                return (enrollment, index);
            }
        }

        return (Contact.Enrollment, Contact.Enrollment?.Steps.FindLastIndex(s => s.Outcome == StepOutcome.Sent) ?? -1);
    }

    private IEnumerable<EnrollmentRecord> Enrollments()
    {
        if (Contact.Enrollment is { } current)
        {
            yield return current;
        }

        for (var i = Contact.PastEnrollments.Count - 1; i >= 0; i--)
        {
            yield return Contact.PastEnrollments[i];
        }
    }

    /// <summary>
    /// Keeps the follow-up reminder in line with the enrolment: due when the next step is (or the pause
    /// ends), ticking every <see cref="OutreachOptions.RecheckPeriod"/> while a step is being worked on;
    /// gone when nothing is waiting.
    /// </summary>
    private async Task ScheduleSequenceReminderAsync()
    {
        var enrollment = Contact.Enrollment;
        DateTimeOffset? wakeAt = enrollment switch
        {
            { Status: EnrollmentStatus.Paused, PausedUntil: { } until } => until,
            { Status: EnrollmentStatus.Active, Pending: null } => enrollment.NextStepAt,
            { Status: EnrollmentStatus.Active, Pending: { Phase: not StepPhase.AwaitingTask } pending } => pending.RetryAt ?? pending.Since + Outreach.DispatchTimeout,
            { Status: EnrollmentStatus.Active } => time.GetUtcNow() + Outreach.RecheckPeriod,
            _ => null,
        };
        sequenceTimer?.Dispose();
        sequenceTimer = null;
        if (wakeAt is null)
        {
            if (Contact.SequenceReminderDueAt is not null)
            {
                var reminder = await this.GetReminder(SequenceReminder);
                if (reminder is not null)
                {
                    await this.UnregisterReminder(reminder);
                }

                Contact.SequenceReminderDueAt = null;
            }

            return;
        }

        var wait = wakeAt.Value - time.GetUtcNow();
        var period = Outreach.RecheckPeriod;
        if (Outreach.MaxReminderDelay > TimeSpan.Zero)
        {
            // Tests: tick often and look at the (fake) clock each time.
            wait = wait < Outreach.MaxReminderDelay ? wait : Outreach.MaxReminderDelay;
            period = Outreach.MaxReminderDelay;
            if (Contact.SequenceReminderDueAt is not null)
            {
                return;
            }
        }
        else
        {
            if (wait < TimerHorizon)
            {
                sequenceTimer = this.RegisterGrainTimer(OnSequenceTimerAsync, new GrainTimerCreationOptions(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan) { KeepAlive = true });
            }

            // Registered for this moment or up to a second after it; an earlier registration would tick too soon and then wait its period.
            if (Contact.SequenceReminderDueAt is { } registered && registered >= wakeAt.Value && registered - wakeAt.Value < TimeSpan.FromSeconds(1))
            {
                return;
            }
        }

        await this.RegisterOrUpdateReminder(SequenceReminder, wait > TimeSpan.Zero ? wait : TimeSpan.Zero, period);
        Contact.SequenceReminderDueAt = wakeAt;
    }

    private Task OnSequenceTimerAsync(CancellationToken cancellationToken)
    {
        sequenceTimer?.Dispose();
        sequenceTimer = null;
        return AdvanceEnrollmentAsync();
    }

    /// <summary>Adds a touch to the contact's decayed engagement score (order-independent, so late touches count the same).</summary>
    private void AddEngagement(TouchKind kind, DateTimeOffset at)
    {
        var next = EngagementScore.Add(new EngagementState(Contact.EngagementValue, Contact.EngagementAt ?? at), kind, at, null);
        Contact.EngagementValue = next.Value;
        Contact.EngagementAt = next.At;
        Contact.EngagementExplanation = EngagementScore.Explain(next, at);
    }

    private static TimeZoneInfo ZoneOf(EnrollmentRecord enrollment)
        => ProspectTimeZones.TryParseZone(enrollment.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    private void RequireRegisteredContact()
    {
        if (!Contact.Registered)
        {
            throw new CommandRejectedException("contact", "No such contact in this workspace.", true);
        }
    }

    private Activity NewActivity(string actor, string kind, string summary, string? reason = null, string? fromState = null, string? toState = null)
        => new(Guid.NewGuid(), time.GetUtcNow(), actor, kind, summary, reason, fromState, toState);

    private static string NewEnrollmentId(DateTimeOffset now)
        => $"e{now.UtcDateTime:yyMMdd}{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4))}";

    private static string StepKind(OutreachChannel channel, StepOutcome outcome) => (channel, outcome) switch
    {
        (_, StepOutcome.Skipped) => "step-skipped",
        (_, StepOutcome.TaskDone or StepOutcome.TaskSkipped) => "task-closed",
        (OutreachChannel.Email, _) => "email-sent",
        (OutreachChannel.Sms, _) => "sms-sent",
        (OutreachChannel.Phone, _) => "call-placed",
        _ => "step-done",
    };

    private static string Describe(StepOutcome outcome) => outcome switch
    {
        StepOutcome.Sent => "sent",
        StepOutcome.SentUnverified => "possibly sent before a restart and not verifiable; not sent again",
        StepOutcome.TaskDone => "done by the rep",
        StepOutcome.TaskSkipped => "skipped by the rep",
        StepOutcome.Skipped => "skipped",
        _ => outcome.ToString(),
    };

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}
