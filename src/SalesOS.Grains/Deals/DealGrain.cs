using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesOS.Contracts;
using SalesOS.Contracts.Deals;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Errors;
using SalesOS.Domain.StateMachines;
using SalesOS.Grains.Commands;
using SalesOS.Grains.Entities;
using SalesOS.Grains.Eventing;

namespace SalesOS.Grains.Deals;

[GenerateSerializer]
[Alias("SalesOS.Deals.DealRecord")]
public sealed class DealRecord : IEntityRecord<DealSnapshot, DealChanged>
{
    [Id(0)] public bool Opened { get; set; }
    [Id(1)] public DealState State { get; set; }
    [Id(2)] public string Name { get; set; } = "";
    [Id(3)] public string? CompanyDomain { get; set; }
    [Id(4)] public decimal? Amount { get; set; }
    [Id(5)] public string Currency { get; set; } = "USD";
    [Id(6)] public double? Probability { get; set; }
    [Id(7)] public DateOnly? ExpectedCloseDate { get; set; }
    [Id(8)] public List<string> Requirements { get; set; } = [];
    [Id(9)] public string? NextStep { get; set; }
    [Id(10)] public string? Owner { get; set; }
    [Id(11)] public string? LossReason { get; set; }
    [Id(12)] public List<StageChange> StageHistory { get; set; } = [];
    [Id(13)] public long Version { get; set; }
    [Id(14)] public DateTimeOffset CreatedAt { get; set; }
    [Id(15)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(16)] public List<Activity> Timeline { get; set; } = [];
    [Id(17)] public IdempotencyLog<DealSnapshot> AppliedCommands { get; set; } = new();
    [Id(18)] public OutboxState<DealChanged> Outbox { get; set; } = new();
}

/// <summary>A deal's stages (discovery → proposal → negotiation → won | lost), terms and stage history.</summary>
public sealed class DealGrain(
    [PersistentState("deal", StorageNames.Grains)] IPersistentState<DealRecord> state,
    [FromKeyedServices(DomainClock.Key)] TimeProvider time,
    TimeProvider runtimeClock,
    IOptions<EventDeliveryOptions> eventOptions,
    ILogger<DealGrain> logger) : Grain, IDealGrain, IRemindable
{
    private Outbox<DealChanged> outbox = null!;
    private string workspaceId = "";
    private string dealId = "";

    private DealRecord Deal => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (workspaceId, dealId) = WorkspaceKey.Parse(this.GetPrimaryKeyString());
        var stream = this.GetStreamProvider(StreamIds.Provider).GetStream<DealChanged>(StreamId.Create(StreamIds.DealEvents, workspaceId));
        outbox = new Outbox<DealChanged>(this, Deal.Outbox, stream, runtimeClock, eventOptions.Value, logger);
        await outbox.PublishAsync();
    }

    public Task<DealSnapshot?> Get() => Task.FromResult(Deal.Opened ? Snapshot() : null);

    public Task<IReadOnlyList<Activity>> GetTimeline() => Task.FromResult<IReadOnlyList<Activity>>(Deal.Timeline.ToList());

    public async Task<DealSnapshot> Open(DealTerms terms, CommandContext context)
    {
        if (Deal.AppliedCommands.TryGet(context.IdempotencyKey, out var earlier))
        {
            return earlier;
        }

        if (Deal.Opened)
        {
            throw new CommandRejectedException("dealId", $"Deal '{dealId}' is already open; update it instead.", true);
        }

        if (string.IsNullOrWhiteSpace(terms.Name))
        {
            throw new CommandRejectedException("name", "A deal needs a name.", true);
        }

        var now = time.GetUtcNow();
        Deal.Opened = true;
        Deal.State = DealState.Discovery;
        Deal.CreatedAt = now;
        Apply(terms);
        Deal.StageHistory.Add(new StageChange(DealState.Discovery, now, context.Actor));
        return await AcceptAsync(new Activity(Guid.NewGuid(), now, context.Actor, "opened", $"Deal opened: {Deal.Name}", context.Reason, null, nameof(DealState.Discovery)), context);
    }

    public async Task<DealSnapshot> Update(DealTerms terms, CommandContext context)
    {
        if (Deal.AppliedCommands.TryGet(context.IdempotencyKey, out var earlier))
        {
            return earlier;
        }

        RequireOpen();
        if (Deal.State is DealState.ClosedWon or DealState.ClosedLost)
        {
            throw new TransitionRefusedException("deal", Deal.State.ToString(), "Update");
        }

        Apply(terms);
        return await AcceptAsync(new Activity(Guid.NewGuid(), time.GetUtcNow(), context.Actor, "updated", "Terms updated", context.Reason), context);
    }

    public async Task<DealSnapshot> Transition(DealTrigger trigger, CommandContext context)
    {
        if (Deal.AppliedCommands.TryGet(context.IdempotencyKey, out var earlier))
        {
            return earlier;
        }

        RequireOpen();
        if (trigger == DealTrigger.Lose && string.IsNullOrWhiteSpace(context.Reason))
        {
            throw new CommandRejectedException("reason", "A lost deal needs a reason.", true);
        }

        var from = Deal.State;
        var to = SalesStateMachines.Deal.Next(from, trigger);
        var now = time.GetUtcNow();
        Deal.State = to;
        Deal.LossReason = to == DealState.ClosedLost ? context.Reason : null;
        Deal.StageHistory.Add(new StageChange(to, now, context.Actor));
        return await AcceptAsync(new Activity(Guid.NewGuid(), now, context.Actor, "transition", $"{from} → {to} ({trigger})", context.Reason, from.ToString(), to.ToString()), context);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == Outbox<DealChanged>.ReminderName)
        {
            await outbox.DrainAsync();
        }
    }

    private void RequireOpen()
    {
        if (!Deal.Opened)
        {
            throw new CommandRejectedException("dealId", $"No deal '{dealId}' in this workspace.", true);
        }
    }

    private void Apply(DealTerms terms)
    {
        if (terms.Probability is < 0 or > 1)
        {
            throw new CommandRejectedException("probability", "A probability is between 0 and 1.", true);
        }

        if (terms.Amount is < 0)
        {
            throw new CommandRejectedException("amount", "An amount is not negative.", true);
        }

        Deal.Name = terms.Name?.Trim() ?? Deal.Name;
        Deal.CompanyDomain = terms.CompanyDomain ?? Deal.CompanyDomain;
        Deal.Amount = terms.Amount ?? Deal.Amount;
        Deal.Currency = terms.Currency?.ToUpperInvariant() ?? Deal.Currency;
        Deal.Probability = terms.Probability ?? Deal.Probability;
        Deal.ExpectedCloseDate = terms.ExpectedCloseDate ?? Deal.ExpectedCloseDate;
        Deal.Requirements = terms.Requirements?.ToList() ?? Deal.Requirements;
        Deal.NextStep = terms.NextStep ?? Deal.NextStep;
        Deal.Owner = terms.Owner ?? Deal.Owner;
    }

    // Stage defaults until someone sets a probability of their own.
    private double Probability => Deal.State switch
    {
        DealState.ClosedWon => 1,
        DealState.ClosedLost => 0,
        _ => Deal.Probability ?? Deal.State switch
        {
            DealState.Discovery => 0.1,
            DealState.Proposal => 0.4,
            _ => 0.7,
        },
    };

    private Task<DealSnapshot> AcceptAsync(Activity activity, CommandContext context)
        => EntityChanges.AcceptAsync(Deal, state.WriteStateAsync, outbox, activity, context, Snapshot,
            (sequence, snapshot) => new DealChanged(Guid.NewGuid(), sequence, activity, snapshot));

    private DealSnapshot Snapshot() => new(
        workspaceId, dealId, Deal.State, Deal.Name, Deal.CompanyDomain, Deal.Amount, Deal.Currency, Probability, Deal.ExpectedCloseDate,
        Deal.Requirements.ToList(), Deal.NextStep, Deal.Owner, Deal.LossReason, Deal.StageHistory.ToList(), Deal.Version, Deal.CreatedAt, Deal.UpdatedAt);
}
