using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesOS.Contracts;
using SalesOS.Contracts.Companies;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Errors;
using SalesOS.Domain.StateMachines;
using SalesOS.Grains.Entities;
using SalesOS.Grains.Eventing;

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
    ILogger<CompanyGrain> logger) : Grain, ICompanyGrain, IRemindable
{
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

        Merge(registration);
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

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == Outbox<CompanyChanged>.ReminderName && await outbox.DrainAsync())
        {
            await state.WriteStateAsync();
        }
    }

    private Task<CompanySnapshot> AcceptAsync(Activity activity, CommandContext context)
        => EntityChanges.AcceptAsync(Company, state.WriteStateAsync, outbox, activity, context, Snapshot,
            (sequence, snapshot) => new CompanyChanged(Guid.NewGuid(), sequence, activity, snapshot));

    private void Merge(CompanyRegistration registration)
    {
        // A later source fills gaps; it does not overwrite what an earlier one said (per-field
        // provenance with conflict rules comes with the enrichment waterfall).
        Company.Industry ??= registration.Industry;
        Company.EmployeeCount ??= registration.EmployeeCount;
        Company.AnnualRevenueUsd ??= registration.AnnualRevenueUsd;
        Company.Country ??= registration.Country;
        Company.Owner ??= registration.Owner;
        AddDistinct(Company.Technologies, registration.Technologies ?? []);
        AddDistinct(Company.MarketIds, registration.MarketId is null ? [] : [registration.MarketId]);
        AddDistinct(Company.Sources, [registration.Source]);
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
        Company.Signals.ToList(), Company.Fit, Company.Intent);
}
