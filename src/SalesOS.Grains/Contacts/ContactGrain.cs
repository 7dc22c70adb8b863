using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesOS.Contracts;
using SalesOS.Contracts.Companies;
using SalesOS.Contracts.Contacts;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Errors;
using SalesOS.Contracts.Workspaces;
using SalesOS.Domain.StateMachines;
using SalesOS.Grains.Commands;
using SalesOS.Grains.Entities;
using SalesOS.Grains.Eventing;
using SalesOS.Grains.Outreach;
using SalesOS.Storage.ReadModel;

namespace SalesOS.Grains.Contacts;

[GenerateSerializer]
[Alias("SalesOS.Contacts.ContactRecord")]
public sealed class ContactRecord : IEntityRecord<ContactSnapshot, ContactChanged>
{
    [Id(0)] public bool Registered { get; set; }
    [Id(1)] public bool Erased { get; set; }
    [Id(2)] public ContactState State { get; set; }
    [Id(3)] public string? Email { get; set; }
    [Id(4)] public string? LinkedInUrl { get; set; }
    [Id(5)] public string? FirstName { get; set; }
    [Id(6)] public string? LastName { get; set; }
    [Id(7)] public string? Title { get; set; }
    [Id(8)] public string? Seniority { get; set; }
    [Id(9)] public string? Department { get; set; }
    [Id(10)] public string? Phone { get; set; }
    [Id(11)] public string? CompanyDomain { get; set; }
    [Id(12)] public string? LawfulBasis { get; set; }
    [Id(13)] public int? Tier { get; set; }
    [Id(14)] public string? SequenceId { get; set; }
    [Id(15)] public int SequenceStep { get; set; }
    [Id(16)] public ReplyKind? LastReply { get; set; }
    [Id(17)] public List<string> Sources { get; set; } = [];
    [Id(18)] public long Version { get; set; }
    [Id(19)] public DateTimeOffset CreatedAt { get; set; }
    [Id(20)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(21)] public List<Activity> Timeline { get; set; } = [];
    [Id(22)] public IdempotencyLog<ContactSnapshot> AppliedCommands { get; set; } = new();
    [Id(23)] public OutboxState<ContactChanged> Outbox { get; set; } = new();
    [Id(24)] public double? BuyingAuthority { get; set; }
    [Id(25)] public string? EmailVerification { get; set; }
    [Id(26)] public string? PhoneVerification { get; set; }
    [Id(27)] public ScoreExplanation? Priority { get; set; }
    [Id(28)] public EnrollmentRecord? Enrollment { get; set; }
    [Id(29)] public List<EnrollmentRecord> PastEnrollments { get; set; } = [];
    [Id(30)] public string? TimeZoneOverride { get; set; }
    [Id(31)] public SeenKeys SeenKeys { get; set; } = new();
    [Id(32)] public long MachineTouches { get; set; }
    [Id(33)] public DateTimeOffset? SequenceReminderDueAt { get; set; }
    [Id(34)] public double EngagementValue { get; set; }
    [Id(35)] public DateTimeOffset? EngagementAt { get; set; }
    [Id(36)] public string? EngagementExplanation { get; set; }
}

/// <summary>
/// A contact's state machine (found → verified → scored → enrolled → replied → meeting → converted,
/// with bounce, unsubscribe and do-not-contact exits), its timeline, and its GDPR rights: export and
/// erasure. Erasure deletes the stored state row (whose key holds the address) and the read-model
/// row; the contacts projection drops any late event of a suppressed person.
/// </summary>
public sealed partial class ContactGrain(
    [PersistentState("contact", StorageNames.Grains)] IPersistentState<ContactRecord> state,
    [FromKeyedServices(DomainClock.Key)] TimeProvider time,
    TimeProvider runtimeClock,
    IOptions<EventDeliveryOptions> eventOptions,
    IOptions<OutreachOptions> outreachOptions,
    ContactReadModel readModel,
    OutreachReadModel sends,
    ILogger<ContactGrain> logger) : Grain, IContactGrain, IRemindable
{
    private Outbox<ContactChanged> outbox = null!;
    private string workspaceId = "";
    private string identity = "";

    private ContactRecord Contact => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (workspaceId, identity) = WorkspaceKey.Parse(this.GetPrimaryKeyString());
        var stream = this.GetStreamProvider(StreamIds.Provider).GetStream<ContactChanged>(StreamId.Create(StreamIds.ContactEvents, workspaceId));
        outbox = new Outbox<ContactChanged>(this, Contact.Outbox, stream, runtimeClock, eventOptions.Value, logger);
        await outbox.PublishAsync();
    }

    public Task<ContactSnapshot?> Get() => Task.FromResult(Contact.Registered ? Snapshot() : null);

    public Task<IReadOnlyList<Activity>> GetTimeline() => Task.FromResult<IReadOnlyList<Activity>>(Contact.Timeline.ToList());

    public Task<ContactExport?> Export()
        => Task.FromResult(Contact.Registered ? new ContactExport(Snapshot(), Contact.Timeline.ToList(), time.GetUtcNow()) : null);

    public async Task<ContactSnapshot> Register(ContactRegistration registration, CommandContext context)
    {
        if (Contact.AppliedCommands.TryGet(context.IdempotencyKey, out var earlier))
        {
            return earlier;
        }

        var workspace = GrainFactory.GetGrain<IWorkspaceGrain>(workspaceId);
        if (await workspace.IsSuppressed(identity) || (registration.Email is not null && await workspace.IsSuppressed(registration.Email)))
        {
            throw new CommandRejectedException("email", "This person asked to be forgotten or not contacted; SalesOS will not store or contact them.", true);
        }

        var now = time.GetUtcNow();
        var isNew = !Contact.Registered;
        if (isNew)
        {
            Contact.Registered = true;
            Contact.Erased = false;
            Contact.State = ContactState.Found;
            Contact.CreatedAt = now;
        }

        Contact.Email ??= registration.Email;
        Contact.LinkedInUrl ??= registration.LinkedInUrl;
        Contact.FirstName ??= registration.FirstName;
        Contact.LastName ??= registration.LastName;
        Contact.Title ??= registration.Title;
        Contact.Seniority ??= registration.Seniority;
        Contact.Department ??= registration.Department;
        Contact.Phone ??= registration.Phone;
        Contact.CompanyDomain ??= registration.CompanyDomain;
        Contact.LawfulBasis ??= registration.LawfulBasis;
        // Authority and verification are measurements: the latest one counts.
        Contact.BuyingAuthority = registration.BuyingAuthority ?? Contact.BuyingAuthority;
        Contact.EmailVerification = registration.EmailVerification ?? Contact.EmailVerification;
        Contact.PhoneVerification = registration.PhoneVerification ?? Contact.PhoneVerification;
        if (!Contact.Sources.Contains(registration.Source, StringComparer.OrdinalIgnoreCase))
        {
            Contact.Sources.Add(registration.Source);
        }

        var summary = isNew ? $"Found by {registration.Source}" : $"Seen again by {registration.Source}; merged";
        string? toState = null;
        if (Contact.State == ContactState.Found && VerdictTrigger(registration.EmailVerification) is { } trigger)
        {
            Contact.State = SalesStateMachines.Contact.Next(Contact.State, trigger);
            toState = Contact.State.ToString();
            summary += $"; email {registration.EmailVerification} → {Contact.State}";
        }

        var activity = new Activity(Guid.NewGuid(), now, context.Actor, isNew ? "found" : "merged", summary, context.Reason,
            toState is null ? null : nameof(ContactState.Found), toState);
        return await AcceptAsync(activity, context);
    }

    public async Task<ContactSnapshot> Transition(ContactTransition transition, CommandContext context)
    {
        if (Contact.AppliedCommands.TryGet(context.IdempotencyKey, out var earlier))
        {
            return earlier;
        }

        if (!Contact.Registered)
        {
            throw new CommandRejectedException("contact", "No such contact in this workspace.", true);
        }

        if (transition.Trigger == ContactTrigger.Enroll)
        {
            // Enrolling is the outreach side's: the sequence, its first step and its reminder.
            if (string.IsNullOrWhiteSpace(transition.SequenceId))
            {
                throw new CommandRejectedException("sequenceId", "Enrolling needs a sequence.", true);
            }

            var company = Contact.CompanyDomain is null ? null : await GrainFactory.GetGrain<ICompanyGrain>(WorkspaceKey.For(workspaceId, Contact.CompanyDomain)).Get();
            await Enroll(new Contracts.Outreach.EnrollmentRequest(transition.SequenceId, company?.MarketIds is { Count: > 0 } markets ? markets[0] : null, Country: company?.Country), context);
            return Snapshot();
        }

        var from = Contact.State;
        var to = SalesStateMachines.Contact.Next(from, transition.Trigger);
        switch (transition.Trigger)
        {
            case ContactTrigger.Score when transition.Tier is not (1 or 2 or 3):
                throw new CommandRejectedException("tier", "Scoring needs a tier of 1, 2 or 3.", true);
            case ContactTrigger.Score:
                Contact.Tier = transition.Tier;
                Contact.Priority = transition.Priority ?? Contact.Priority;
                break;
            case ContactTrigger.RecordReply when transition.ReplyKind is null:
                throw new CommandRejectedException("replyKind", "A reply needs its kind.", true);
            case ContactTrigger.RecordReply:
                Contact.LastReply = transition.ReplyKind;
                break;
        }

        Contact.State = to;
        var summary = $"{from} → {to} ({transition.Trigger})";
        if (Contact.Enrollment is { IsRunning: true } enrollment && to is ContactState.Unsubscribed or ContactState.Bounced or ContactState.DoNotContact
                or ContactState.MeetingBooked or ContactState.Converted or ContactState.Engaged or ContactState.Replied)
        {
            // A reply, a meeting, an unsubscribe or a bounce ends the sequence at once, however it was recorded.
            StopEnrollment(enrollment, $"contact {to} ({transition.Trigger} by {context.Actor})");
            summary += "; sequence stopped";
            await ScheduleSequenceReminderAsync();
        }

        if (to is ContactState.Unsubscribed or ContactState.DoNotContact)
        {
            await SuppressEverywhereAsync(to == ContactState.Unsubscribed ? "unsubscribed" : "marked do not contact");
        }

        var activity = new Activity(Guid.NewGuid(), time.GetUtcNow(), context.Actor, "transition", summary, context.Reason, from.ToString(), to.ToString());
        return await AcceptAsync(activity, context);
    }

    public async Task<bool> Erase(CommandContext context)
    {
        if (!Contact.Registered)
        {
            return false;
        }

        // 1. Never again: the suppression list keeps only salted hashes.
        var workspace = GrainFactory.GetGrain<IWorkspaceGrain>(workspaceId);
        await workspace.Suppress(identity, "erased on request");
        if (Contact.Email is not null)
        {
            await workspace.Suppress(Contact.Email, "erased on request");
        }

        // 2. Forget: the stored row goes (its key holds the address), the outbox's pending events
        //    and their reminder with it; the read-model row is deleted now, not by an event that
        //    would have to carry the address through storage.
        foreach (var name in new[] { Outbox<ContactChanged>.ReminderName, SequenceReminder })
        {
            var reminder = await this.GetReminder(name);
            if (reminder is not null)
            {
                await this.UnregisterReminder(reminder);
            }
        }

        await state.ClearStateAsync();
        state.State = new ContactRecord();
        outbox = new Outbox<ContactChanged>(this, state.State.Outbox, this.GetStreamProvider(StreamIds.Provider)
            .GetStream<ContactChanged>(StreamId.Create(StreamIds.ContactEvents, workspaceId)), runtimeClock, eventOptions.Value, logger);
        await readModel.ApplyAsync([(workspaceId, identity, null)]);
        await sends.DeleteAsync(workspaceId, identity);
        logger.LogInformation("A contact of workspace {Workspace} was erased by {Actor}", workspaceId, context.Actor);
        DeactivateOnIdle();
        return true;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == Outbox<ContactChanged>.ReminderName)
        {
            await outbox.DrainAsync();
        }
        else if (reminderName == SequenceReminder)
        {
            await AdvanceEnrollmentAsync();
        }
    }

    private static ContactTrigger? VerdictTrigger(string? verdict) => verdict?.ToLowerInvariant() switch
    {
        "deliverable" or "risky" or "verified" => ContactTrigger.Verify,
        "undeliverable" or "invalid" => ContactTrigger.Invalidate,
        _ => null,
    };

    private Task<ContactSnapshot> AcceptAsync(Activity activity, CommandContext context)
        => EntityChanges.AcceptAsync(Contact, state.WriteStateAsync, outbox, activity, context, Snapshot,
            (sequence, snapshot) => new ContactChanged(Guid.NewGuid(), sequence, workspaceId, identity, activity, snapshot));

    private ContactSnapshot Snapshot() => new(
        workspaceId, identity, Contact.State, Contact.Email, Contact.LinkedInUrl, Contact.FirstName, Contact.LastName, Contact.Title,
        Contact.Seniority, Contact.Department, Contact.Phone, Contact.CompanyDomain, Contact.LawfulBasis, Contact.Tier, Contact.SequenceId,
        Contact.SequenceStep, Contact.LastReply, Contact.Sources.ToList(), Contact.Version, Contact.CreatedAt, Contact.UpdatedAt,
        Contact.BuyingAuthority, Contact.EmailVerification, Contact.PhoneVerification, Contact.Priority, Contact.Enrollment?.Snapshot(),
        Contact.EngagementValue, Contact.EngagementAt, Contact.EngagementExplanation, Contact.TimeZoneOverride ?? Contact.Enrollment?.TimeZone);
}
