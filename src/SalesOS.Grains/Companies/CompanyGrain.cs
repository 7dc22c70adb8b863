using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesOS.Contracts;
using SalesOS.Contracts.Companies;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Errors;
using SalesOS.Contracts.Prospecting;
using SalesOS.Domain.StateMachines;
using SalesOS.Grains.Entities;
using SalesOS.Grains.Eventing;
using SalesOS.Grains.Prospecting;
using SalesOS.Outreach.Engagement;

namespace SalesOS.Grains.Companies;

/// <summary>
/// A company's state machine. Every accepted command: asks the machine, changes the state, appends to
/// the timeline, raises a <see cref="CompanyChanged"/> into the outbox, persists all of it in one
/// write, then publishes. A refused command changes nothing.
/// </summary>
public sealed class CompanyGrain(
    [PersistentState("company", StorageNames.Grains)] IPersistentState<CompanyRecord> state,
    [FromKeyedServices(DomainClock.Key)] TimeProvider time,
    TimeProvider runtimeClock,
    IOptions<EventDeliveryOptions> eventOptions,
    IOptions<ProspectingOptions> prospectingOptions,
    ILogger<CompanyGrain> logger) : Grain, ICompanyGrain, IRemindable
{
    public const string WatchdogReminder = "prospecting-watchdog";
    private const int MaxClaims = 60;

    // A rescore is asked for when the normalised engagement moved at least this much.
    private const double EngagementRescoreStep = 0.05;

    private static readonly CompanyState[] PipelineStates = [CompanyState.Sourced, CompanyState.Enriching, CompanyState.Enriched, CompanyState.ContactsFound];

    // Steps handed to an agent and not finished yet, by step: the version they were claimed at and when.
    // In memory on purpose: losing it (a new activation) at worst lets a step run twice, and every step is idempotent.
    private readonly Dictionary<ProspectingStep, (long Version, DateTimeOffset At)> claims = [];
    private Outbox<CompanyChanged> outbox = null!;
    private string workspaceId = "";
    private string domain = "";

    private CompanyRecord Company => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (workspaceId, domain) = WorkspaceKey.Parse(this.GetPrimaryKeyString());
        var stream = this.GetStreamProvider(StreamIds.Provider)
            .GetStream<CompanyChanged>(StreamId.Create(StreamIds.CompanyEvents, workspaceId));
        outbox = new Outbox<CompanyChanged>(this, Company.Outbox, stream, runtimeClock, eventOptions.Value, logger);
        await outbox.PublishAsync();
    }

    public Task<CompanySnapshot?> Get() => Task.FromResult(Company.Registered ? Snapshot() : null);

    public Task<IReadOnlyList<Activity>> GetTimeline() => Task.FromResult<IReadOnlyList<Activity>>(Company.Timeline.ToList());

    public async Task<CompanySnapshot> Register(CompanyRegistration registration, CommandContext context)
    {
        if (Company.AppliedCommands.TryGet(context.IdempotencyKey, out var earlier))
        {
            return earlier;
        }

        var now = time.GetUtcNow();
        var isNew = !Company.Registered;
        string summary;
        if (isNew)
        {
            Company.Registered = true;
            Company.State = CompanyState.Sourced;
            Company.CreatedAt = now;
            Company.Name = string.IsNullOrWhiteSpace(registration.Name) ? domain : registration.Name.Trim();
            summary = $"Sourced from {registration.Source}";
        }
        else
        {
            summary = $"Seen again by {registration.Source}; merged";
        }

        Merge(registration, now);
        return await AcceptAsync(new Activity(Guid.NewGuid(), now, context.Actor, isNew ? "sourced" : "merged", summary, context.Reason), context);
    }

    public async Task<CompanySnapshot> Transition(CompanyTrigger trigger, CommandContext context)
    {
        if (Company.AppliedCommands.TryGet(context.IdempotencyKey, out var earlier))
        {
            return earlier;
        }

        RequireRegistered();
        if (trigger == CompanyTrigger.Fail && string.IsNullOrWhiteSpace(context.Reason))
        {
            throw new CommandRejectedException("reason", "A company only fails with a reason.", true);
        }

        var from = Company.State;
        var to = SalesStateMachines.Company.Next(from, trigger);
        Company.State = to;
        Company.FailureReason = to == CompanyState.Failed ? context.Reason : null;
        var activity = new Activity(Guid.NewGuid(), time.GetUtcNow(), context.Actor, "transition", $"{from} → {to} ({trigger})", context.Reason, from.ToString(), to.ToString());
        return await AcceptAsync(activity, context);
    }

    public async Task<CompanySnapshot> AddSignal(CompanySignal signal, CommandContext context)
    {
        if (Company.AppliedCommands.TryGet(context.IdempotencyKey, out var earlier))
        {
            return earlier;
        }

        RequireRegistered();
        Company.Signals.Add(signal);
        var activity = new Activity(Guid.NewGuid(), time.GetUtcNow(), context.Actor, "signal", $"{signal.Kind}: {signal.Summary}", signal.EvidenceUrl);
        return await AcceptAsync(activity, context);
    }

    public async Task<CompanySnapshot> RecordScore(ScoreKind kind, ScoreExplanation score, CommandContext context)
    {
        if (Company.AppliedCommands.TryGet(context.IdempotencyKey, out var earlier))
        {
            return earlier;
        }

        RequireRegistered();
        if (score.Score is < 0 or > 1 || double.IsNaN(score.Score))
        {
            throw new CommandRejectedException("score", "A score is between 0 and 1.", true);
        }

        if (kind == ScoreKind.Fit)
        {
            Company.Fit = score;
            Company.FitScore = score.Score;
        }
        else
        {
            Company.Intent = score;
            Company.IntentScore = score.Score;
        }

        var reasons = string.Join("; ", score.Factors.Select(f => $"{f.Criterion} {f.Contribution:+0.00;-0.00}: {f.Reason}"));
        var activity = new Activity(Guid.NewGuid(), time.GetUtcNow(), context.Actor, "scored", $"{kind} score {score.Score:0.00}", reasons);
        return await AcceptAsync(activity, context);
    }

    private void RequireRegistered()
    {
        if (!Company.Registered)
        {
            throw new CommandRejectedException("domain", $"No company {domain} is registered in this workspace.", true);
        }
    }

    public async Task<int?> ClaimStep(ProspectingStep step, long seenVersion)
    {
        if (!Company.Registered || seenVersion != Company.Version)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var options = prospectingOptions.Value;
        var live = claims.TryGetValue(step, out var claim) && now - claim.At < options.StepTimeout;
        if (live && claim.Version == seenVersion)
        {
            return null;
        }

        // An Enriching company whose claim is gone (a new activation after its silo died) or stale is
        // claimable again: the redelivered event of its outbox is what brings the agent back. A
        // retry waits for its time.
        var retryDue = Company.NextAttemptAt is not { } next || next <= now;
        var due = step switch
        {
            ProspectingStep.Enrich => Company.State == CompanyState.Sourced
                || (Company.State == CompanyState.Enriching && retryDue && (Company.RetryStep == step || !live))
                || (Company.RecrawlDue && Company.State is CompanyState.Enriched or CompanyState.ContactsFound or CompanyState.Scored or CompanyState.InOutreach or CompanyState.Engaged),
            ProspectingStep.FindContacts => Company.State == CompanyState.Enriched && retryDue,
            ProspectingStep.Score => Company.State is CompanyState.ContactsFound or CompanyState.Scored or CompanyState.InOutreach or CompanyState.Engaged && retryDue,
            _ => false,
        };
        if (!due)
        {
            return null;
        }

        if (Company.RetryStep != step)
        {
            Company.Attempts = 0;
        }

        Company.Attempts++;
        Company.RetryStep = null;
        Company.NextAttemptAt = null;
        claims[step] = (Company.Version, now);
        if (step == ProspectingStep.Enrich && Company.State is CompanyState.Sourced or CompanyState.Enriching)
        {
            // The one step with a state of its own: claiming it is a change.
            var from = Company.State;
            if (from == CompanyState.Sourced)
            {
                Company.State = SalesStateMachines.Company.Next(from, CompanyTrigger.StartEnrichment);
            }

            var summary = Company.Attempts == 1 ? "Enrichment started" : $"Enrichment attempt {Company.Attempts} of {options.MaxAttempts} started";
            await AcceptAsync(new Activity(Guid.NewGuid(), now, "agent:enrichment", "transition", $"{from} → {Company.State} (StartEnrichment)", summary, from.ToString(), Company.State.ToString()),
                new CommandContext("agent:enrichment"));
            claims[step] = (Company.Version, now);
        }

        return Company.Attempts;
    }

    public async Task<CompanySnapshot> CompleteEnrichment(CompanyEnrichment enrichment, CommandContext context)
    {
        if (Company.AppliedCommands.TryGet(context.IdempotencyKey, out var earlier))
        {
            return earlier;
        }

        RequireRegistered();
        var now = time.GetUtcNow();
        var from = Company.State;
        var firstPass = from == CompanyState.Enriching;
        if (!firstPass && from is not (CompanyState.Enriched or CompanyState.ContactsFound or CompanyState.Scored or CompanyState.InOutreach or CompanyState.Engaged))
        {
            throw new TransitionRefusedException("company", from.ToString(), nameof(CompanyTrigger.CompleteEnrichment));
        }

        foreach (var field in enrichment.Fields)
        {
            ApplyField(field);
        }

        AddDistinct(Company.Technologies, enrichment.Technologies);
        var newSignals = enrichment.Signals.Where(s => !Company.Signals.Any(known => SameSignal(known, s))).ToList();

        // Website change detection: a page whose content fingerprint differs from the last crawl's.
        foreach (var (url, fingerprint) in enrichment.PageFingerprints)
        {
            if (Company.PageFingerprints.TryGetValue(url, out var before) && before != fingerprint)
            {
                newSignals.Add(new CompanySignal(SignalKinds.WebsiteChange, $"{url} changed since the last crawl", url, null, now));
            }

            Company.PageFingerprints[url] = fingerprint;
        }

        Company.Signals.AddRange(newSignals);
        if (enrichment.People is { Count: > 0 } people)
        {
            Company.WebPeople = people.Take(100).ToList();
        }

        if (enrichment.EmailsSeen is { Count: > 0 } emails)
        {
            Company.EmailsSeen = emails.Take(100).ToList();
        }

        Company.RecrawlDue = false;
        Company.ProviderSpend += enrichment.ProviderCost;

        Company.Fit = enrichment.Fit;
        Company.FitScore = enrichment.Fit.Score;
        Company.Intent = enrichment.Intent;
        Company.IntentScore = enrichment.Intent.Score;
        Company.LastError = null;
        claims.Remove(ProspectingStep.Enrich);
        Activity activity;
        if (firstPass)
        {
            Company.State = SalesStateMachines.Company.Next(from, CompanyTrigger.CompleteEnrichment);
            Company.Attempts = 0;
            activity = new Activity(Guid.NewGuid(), now, context.Actor, "transition", $"{from} → {Company.State} (CompleteEnrichment)", enrichment.Summary, from.ToString(), Company.State.ToString());
        }
        else
        {
            // A re-crawl of a company further down the funnel: new signals are news, the rest is quiet.
            activity = newSignals.Count > 0
                ? new Activity(Guid.NewGuid(), now, context.Actor, "signal", $"{newSignals.Count} new signal(s): {string.Join("; ", newSignals.Select(s => s.Summary))}", enrichment.Summary)
                : new Activity(Guid.NewGuid(), now, context.Actor, "recrawled", "Website checked again; nothing new", enrichment.Summary);
        }

        return await AcceptAsync(activity, context);
    }

    public async Task<CompanySnapshot> ReportStepFailure(ProspectingStep step, int attempt, string error, bool transient, CommandContext context)
    {
        if (Company.AppliedCommands.TryGet(context.IdempotencyKey, out var earlier))
        {
            return earlier;
        }

        RequireRegistered();
        claims.Remove(step);
        var options = prospectingOptions.Value;
        var now = time.GetUtcNow();
        Company.LastError = $"{step}: {error}";
        if (transient && attempt < options.MaxAttempts && PipelineStates.Contains(Company.State))
        {
            var wait = options.RetryBaseDelay * Math.Pow(2, Math.Max(0, attempt - 1));
            Company.RetryStep = step;
            Company.NextAttemptAt = now + wait;
            await EnsureWatchdogAsync();
            return await AcceptAsync(new Activity(Guid.NewGuid(), now, context.Actor, "step-failed",
                $"{step} attempt {attempt} of {options.MaxAttempts} failed; next attempt at {Company.NextAttemptAt:u}", error), context);
        }

        var from = Company.State;
        if (!PipelineStates.Contains(from))
        {
            return await AcceptAsync(new Activity(Guid.NewGuid(), now, context.Actor, "step-failed", $"{step} failed", error), context);
        }

        Company.State = SalesStateMachines.Company.Next(from, CompanyTrigger.Fail);
        Company.FailureReason = transient ? $"{step} failed {attempt} times: {error}" : $"{step} failed: {error}";
        Company.RetryStep = null;
        Company.NextAttemptAt = null;
        await StopWatchdogAsync();
        return await AcceptAsync(new Activity(Guid.NewGuid(), now, context.Actor, "transition", $"{from} → {Company.State} (Fail)", Company.FailureReason, from.ToString(), Company.State.ToString()), context);
    }

    public async Task<CompanySnapshot> RecordContacts(IReadOnlyList<ChosenContact> contacts, string summary, CommandContext context)
    {
        if (Company.AppliedCommands.TryGet(context.IdempotencyKey, out var earlier))
        {
            return earlier;
        }

        RequireRegistered();
        var from = Company.State;
        Company.State = SalesStateMachines.Company.Next(from, CompanyTrigger.RecordContactsFound);
        Company.Contacts = contacts.ToList();
        Company.Attempts = 0;
        Company.LastError = null;
        claims.Remove(ProspectingStep.FindContacts);
        return await AcceptAsync(new Activity(Guid.NewGuid(), time.GetUtcNow(), context.Actor, "transition", $"{from} → {Company.State} (RecordContactsFound)", summary, from.ToString(), Company.State.ToString()), context);
    }

    public async Task<CompanySnapshot> ApplyPriority(CompanyPriority priority, CommandContext context)
    {
        if (Company.AppliedCommands.TryGet(context.IdempotencyKey, out var earlier))
        {
            return earlier;
        }

        RequireRegistered();
        if (priority.Priority.Score is < 0 or > 1 || double.IsNaN(priority.Priority.Score))
        {
            throw new CommandRejectedException("priority", "A priority is between 0 and 1.", true);
        }

        var from = Company.State;
        var first = from == CompanyState.ContactsFound;
        if (first)
        {
            Company.State = SalesStateMachines.Company.Next(from, CompanyTrigger.Score);
        }
        else if (from is not (CompanyState.Scored or CompanyState.InOutreach or CompanyState.Engaged))
        {
            throw new TransitionRefusedException("company", from.ToString(), nameof(CompanyTrigger.Score));
        }

        var tierChanged = Company.Tier != priority.Tier;
        Company.Priority = priority.Priority;
        Company.Tier = priority.Tier;
        Company.Channels = priority.Channels.ToList();
        Company.SequenceId = priority.SequenceId;
        Company.Attempts = 0;
        Company.LastError = null;
        claims.Remove(ProspectingStep.Score);
        var reasons = string.Join("; ", priority.Priority.Factors.Select(f => $"{f.Criterion} {f.Contribution:0.00}: {f.Reason}"));
        var plan = $"Tier {priority.Tier}, priority {priority.Priority.Score:0.00}, channels {string.Join(" + ", priority.Channels)}, sequence {priority.SequenceId}";
        if (first)
        {
            await StopWatchdogAsync();
        }

        // The first scoring is the enrolment event the outreach layer starts from (kind "enrolment").
        var activity = first
            ? new Activity(Guid.NewGuid(), time.GetUtcNow(), context.Actor, "enrolment", $"{from} → {Company.State} (Score): {plan}", reasons, from.ToString(), Company.State.ToString())
            : new Activity(Guid.NewGuid(), time.GetUtcNow(), context.Actor, tierChanged ? "enrolment" : "rescored", $"Rescored: {plan}", reasons);
        return await AcceptAsync(activity, context);
    }

    public async Task<bool> RequestRecrawl(CommandContext context)
    {
        if (!Company.Registered || Company.RecrawlDue
            || Company.State is not (CompanyState.Enriched or CompanyState.ContactsFound or CompanyState.Scored or CompanyState.InOutreach or CompanyState.Engaged))
        {
            return false;
        }

        claims.Remove(ProspectingStep.Enrich);
        Company.RecrawlDue = true;
        await AcceptAsync(new Activity(Guid.NewGuid(), time.GetUtcNow(), context.Actor, "recrawl", "Time to read the website again for changes", context.Reason), context);
        return true;
    }

    public Task<WebFindings> GetWebFindings() => Task.FromResult(new WebFindings(Company.WebPeople.ToList(), Company.EmailsSeen.ToList()));

    public async Task<bool> Nudge(CommandContext context)
    {
        if (!Company.Registered || !PipelineStates.Contains(Company.State) || Company.AppliedCommands.TryGet(context.IdempotencyKey, out _))
        {
            return false;
        }

        claims.Clear();
        if (Company.State == CompanyState.Enriching)
        {
            Company.RetryStep = ProspectingStep.Enrich;
        }

        await AcceptAsync(new Activity(Guid.NewGuid(), time.GetUtcNow(), context.Actor, "retry", $"Automatic steps resumed at {Company.State}", context.Reason), context);
        return true;
    }

    public async Task<CompanySnapshot> RecordEngagement(string contactIdentity, double value, DateTimeOffset at, CommandContext context)
    {
        if (Company.AppliedCommands.TryGet(context.IdempotencyKey, out var earlier))
        {
            return earlier;
        }

        RequireRegistered();
        if (Company.PeopleEngagement.TryGetValue(contactIdentity, out var known) && known.At > at)
        {
            return Snapshot();
        }

        Company.PeopleEngagement[contactIdentity] = new EngagementPoint(value, at);
        var now = time.GetUtcNow();
        var normalised = EngagementNow(now);
        if (Math.Abs(normalised - Company.EngagementAtLastRescore) < EngagementRescoreStep)
        {
            // Quiet: not enough to move the priority; kept for the next change.
            await state.WriteStateAsync();
            return Snapshot();
        }

        Company.EngagementAtLastRescore = normalised;
        var activity = new Activity(Guid.NewGuid(), now, context.Actor, "engagement", $"Engagement {normalised:0.00} across {Company.PeopleEngagement.Count} contact(s)", $"latest: {contactIdentity} at {value:0.00}");
        return await AcceptAsync(activity, context);
    }

    /// <summary>The company's engagement now, 0–1: the decayed sum over its people, normalised.</summary>
    private double EngagementNow(DateTimeOffset now)
    {
        var total = Company.PeopleEngagement.Values.Sum(p => EngagementScore.ValueAt(new EngagementState(p.Value, p.At), now));
        return EngagementScore.Normalised(new EngagementState(total, now), now);
    }

    /// <summary>The decayed sum over the company's people as of the latest of their scores (null time: no engagement yet).</summary>
    private (double Value, DateTimeOffset? At) EngagementSum()
    {
        if (Company.PeopleEngagement.Count == 0)
        {
            return (0, null);
        }

        var at = Company.PeopleEngagement.Values.Max(p => p.At);
        return (Company.PeopleEngagement.Values.Sum(p => EngagementScore.ValueAt(new EngagementState(p.Value, p.At), at)), at);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == Outbox<CompanyChanged>.ReminderName)
        {
            await outbox.DrainAsync();
        }
        else if (reminderName == WatchdogReminder)
        {
            await WatchAsync();
        }

    }

    /// <summary>
    /// The watchdog's tick: runs a retry that has come due, and starts again a step whose agent went
    /// quiet for longer than the step timeout (its silo died with the work). Leaves once the company is
    /// out of the automatic steps.
    /// </summary>
    private async Task WatchAsync()
    {
        if (!Company.Registered || !PipelineStates.Contains(Company.State))
        {
            await StopWatchdogAsync();
            await state.WriteStateAsync();
            return;
        }

        var now = time.GetUtcNow();
        var options = prospectingOptions.Value;
        string? why = null;
        if (Company.NextAttemptAt is { } due && due <= now)
        {
            why = $"Retrying {Company.RetryStep} (attempt {Company.Attempts + 1} of {options.MaxAttempts})";
        }
        else if (Company.NextAttemptAt is null && now - Company.UpdatedAt >= options.StepTimeout)
        {
            why = $"No progress at {Company.State} for {(now - Company.UpdatedAt).TotalMinutes:0} min; starting the step again";
            if (Company.State == CompanyState.Enriching)
            {
                Company.RetryStep = ProspectingStep.Enrich;
            }
        }

        if (why is null)
        {
            return;
        }

        claims.Clear();
        Company.NextAttemptAt = null;
        await AcceptAsync(new Activity(Guid.NewGuid(), now, "agent:watchdog", "retry", why, Company.LastError),
            new CommandContext("agent:watchdog"));
    }

    private async Task EnsureWatchdogAsync()
    {
        if (!Company.WatchdogRegistered)
        {
            var period = prospectingOptions.Value.WatchdogPeriod;
            await this.RegisterOrUpdateReminder(WatchdogReminder, period, period);
            Company.WatchdogRegistered = true;
        }
    }

    private async Task StopWatchdogAsync()
    {
        if (Company.WatchdogRegistered)
        {
            var reminder = await this.GetReminder(WatchdogReminder);
            if (reminder is not null)
            {
                await this.UnregisterReminder(reminder);
            }

            Company.WatchdogRegistered = false;
        }
    }

    // Per-field provenance: a value replaces another only from a source at least as trusted and newer;
    // an imported or user-entered value is never overwritten by a guess.
    private void ApplyField(FieldSource field)
    {
        Claim(field);
        if (Company.Provenance.TryGetValue(field.Field, out var known) && Trust(known.Source) > Trust(field.Source))
        {
            return;
        }

        switch (field.Field)
        {
            case "name": Company.Name = field.Value; break;
            case "industry": Company.Industry = field.Value; break;
            case "employees" when int.TryParse(field.Value, System.Globalization.CultureInfo.InvariantCulture, out var employees): Company.EmployeeCount = employees; break;
            case "revenue" when decimal.TryParse(field.Value, System.Globalization.CultureInfo.InvariantCulture, out var revenue): Company.AnnualRevenueUsd = revenue; break;
            case "country": Company.Country = field.Value; break;
            default: break;
        }

        Company.Provenance[field.Field] = field;
    }

    private static int Trust(string source) => source.StartsWith("user", StringComparison.Ordinal) || source.StartsWith("import", StringComparison.Ordinal) ? 3
        : source.StartsWith("website", StringComparison.Ordinal) ? 1
        : 2;

    private static bool SameSignal(CompanySignal a, CompanySignal b)
        => a.Kind == b.Kind && a.Summary == b.Summary && a.EvidenceUrl == b.EvidenceUrl;

    private Task<CompanySnapshot> AcceptAsync(Activity activity, CommandContext context)
        => EntityChanges.AcceptAsync(Company, state.WriteStateAsync, outbox, activity, context, Snapshot,
            (sequence, snapshot) => new CompanyChanged(Guid.NewGuid(), sequence, activity, snapshot));

    private void Merge(CompanyRegistration registration, DateTimeOffset now)
    {
        // A later source fills gaps; it does not overwrite what an earlier one said. Each field
        // remembers which source said it, when.
        Fill("name", registration.Name, registration.Source, now);
        Fill("industry", registration.Industry, registration.Source, now);
        Fill("employees", registration.EmployeeCount?.ToString(System.Globalization.CultureInfo.InvariantCulture), registration.Source, now);
        Fill("revenue", registration.AnnualRevenueUsd?.ToString(System.Globalization.CultureInfo.InvariantCulture), registration.Source, now);
        Fill("country", registration.Country, registration.Source, now);
        Company.Industry ??= registration.Industry;
        Company.EmployeeCount ??= registration.EmployeeCount;
        Company.AnnualRevenueUsd ??= registration.AnnualRevenueUsd;
        Company.Country ??= registration.Country;
        Company.Owner ??= registration.Owner;
        AddDistinct(Company.Technologies, registration.Technologies ?? []);
        AddDistinct(Company.MarketIds, registration.MarketId is null ? [] : [registration.MarketId]);
        AddDistinct(Company.Sources, [registration.Source]);
    }

    private void Fill(string field, string? value, string source, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        var claim = new FieldSource(field, value.Trim(), source, now);
        Claim(claim);
        Company.Provenance.TryAdd(field, claim);
    }

    private void Claim(FieldSource claim)
    {
        Company.Claims.RemoveAll(c => c.Field == claim.Field && c.Source == claim.Source && c.Value == claim.Value);
        Company.Claims.Add(claim);
        if (Company.Claims.Count > MaxClaims)
        {
            Company.Claims.RemoveAt(0);
        }
    }

    private static void AddDistinct(List<string> into, IEnumerable<string> values)
    {
        foreach (var value in values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()))
        {
            if (!into.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                into.Add(value);
            }
        }
    }

    private CompanySnapshot Snapshot() => new(
        workspaceId, domain, Company.State, Company.FailureReason, Company.Name, Company.Industry, Company.EmployeeCount,
        Company.AnnualRevenueUsd, Company.Country, Company.Technologies.ToList(), Company.MarketIds.ToList(), Company.Sources.ToList(),
        Company.Owner, Company.FitScore, Company.IntentScore, Company.Version, Company.CreatedAt, Company.UpdatedAt,
        Company.Signals.ToList(), Company.Fit, Company.Intent, Company.Priority, Company.Tier, Company.Channels.ToList(), Company.SequenceId,
        Company.Contacts.ToList(), Company.Provenance.Values.ToList(), Company.Attempts, Company.LastError, Company.NextAttemptAt, Company.Claims.ToList(), Company.ProviderSpend,
        EngagementSum().Value, EngagementSum().At);
}
