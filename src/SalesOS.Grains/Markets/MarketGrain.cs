using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesOS.Contracts;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Errors;
using SalesOS.Contracts.Markets;
using SalesOS.Contracts.Prospecting;
using SalesOS.Domain.Markets;
using SalesOS.Domain.StateMachines;
using SalesOS.Grains.Commands;
using SalesOS.Grains.Entities;
using SalesOS.Grains.Eventing;

namespace SalesOS.Grains.Markets;

[GenerateSerializer]
[Alias("SalesOS.Markets.MarketRecord")]
public sealed class MarketRecord : IEntityRecord<MarketSnapshot, MarketChanged>
{
    [Id(0)] public bool Created { get; set; }
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public string? Description { get; set; }
    [Id(3)] public MarketState State { get; set; }
    [Id(4)] public MarketDefinition Definition { get; set; } = new();
    [Id(5)] public long Version { get; set; }
    [Id(6)] public DateTimeOffset CreatedAt { get; set; }
    [Id(7)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(8)] public List<Activity> Timeline { get; set; } = [];
    [Id(9)] public IdempotencyLog<MarketSnapshot> AppliedCommands { get; set; } = new();
    [Id(10)] public OutboxState<MarketChanged> Outbox { get; set; } = new();
    [Id(11)] public ProspectingSettings? Prospecting { get; set; }
}

/// <summary>A market's definition and its lifecycle (draft → active ⇄ paused → archived).</summary>
public sealed class MarketGrain(
    [PersistentState("market", StorageNames.Grains)] IPersistentState<MarketRecord> state,
    [FromKeyedServices(DomainClock.Key)] TimeProvider time,
    TimeProvider runtimeClock,
    IOptions<EventDeliveryOptions> eventOptions,
    ILogger<MarketGrain> logger) : Grain, IMarketGrain, IRemindable
{
    private Outbox<MarketChanged> outbox = null!;
    private string workspaceId = "";
    private string marketId = "";

    private MarketRecord Market => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (workspaceId, marketId) = WorkspaceKey.Parse(this.GetPrimaryKeyString());
        var stream = this.GetStreamProvider(StreamIds.Provider).GetStream<MarketChanged>(StreamId.Create(StreamIds.MarketEvents, workspaceId));
        outbox = new Outbox<MarketChanged>(this, Market.Outbox, stream, runtimeClock, eventOptions.Value, logger);
        await outbox.PublishAsync();
    }

    public Task<MarketSnapshot?> Get() => Task.FromResult(Market.Created ? Snapshot() : null);

    public Task<IReadOnlyList<Activity>> GetTimeline() => Task.FromResult<IReadOnlyList<Activity>>(Market.Timeline.ToList());

    public async Task<MarketSnapshot> Create(string name, string? description, MarketDefinition? definition, CommandContext context)
    {
        if (Market.AppliedCommands.TryGet(context.IdempotencyKey, out var earlier))
        {
            return earlier;
        }

        if (Market.Created)
        {
            throw new CommandRejectedException("marketId", $"Market '{marketId}' already exists.", true);
        }

        var parsed = string.IsNullOrWhiteSpace(description) ? new MarketDefinition() : MarketDescriptionParser.Parse(description);
        var now = time.GetUtcNow();
        Market.Created = true;
        Market.Name = name;
        Market.Description = description;
        Market.State = MarketState.Draft;
        Market.CreatedAt = now;
        Market.Definition = definition is null ? parsed : Merge(definition, parsed);
        var summary = Market.Definition.Unparsed.Count == 0 ? "Market drafted" : $"Market drafted; not understood: {string.Join("; ", Market.Definition.Unparsed)}";
        return await AcceptAsync(new Activity(Guid.NewGuid(), now, context.Actor, "drafted", summary, context.Reason, null, nameof(MarketState.Draft)), context);
    }

    public async Task<MarketSnapshot> Define(MarketDefinition definition, CommandContext context)
    {
        if (Market.AppliedCommands.TryGet(context.IdempotencyKey, out var earlier))
        {
            return earlier;
        }

        RequireCreated();
        if (Market.State == MarketState.Archived)
        {
            throw new TransitionRefusedException("market", Market.State.ToString(), "Define");
        }

        Market.Definition = definition;
        return await AcceptAsync(new Activity(Guid.NewGuid(), time.GetUtcNow(), context.Actor, "defined", "Definition changed", context.Reason), context);
    }

    public async Task<MarketSnapshot> Transition(MarketTrigger trigger, CommandContext context)
    {
        if (Market.AppliedCommands.TryGet(context.IdempotencyKey, out var earlier))
        {
            return earlier;
        }

        RequireCreated();
        var from = Market.State;
        var to = SalesStateMachines.Market.Next(from, trigger);
        if (to == MarketState.Active && Market.Definition is { Industries.Count: 0, Technologies.Count: 0, Geographies.Count: 0, Employees: null })
        {
            throw new CommandRejectedException("definition", "A market needs at least an industry, a technology, a geography or a company size before it can be activated.", true);
        }

        Market.State = to;
        return await AcceptAsync(new Activity(Guid.NewGuid(), time.GetUtcNow(), context.Actor, "transition", $"{from} → {to} ({trigger})", context.Reason, from.ToString(), to.ToString()), context);
    }

    public async Task<MarketSnapshot> ConfigureProspecting(ProspectingSettings settings, CommandContext context)
    {
        if (Market.AppliedCommands.TryGet(context.IdempotencyKey, out var earlier))
        {
            return earlier;
        }

        RequireCreated();
        Validate(settings);
        Market.Prospecting = settings;
        var summary = $"Prospecting: sources {(settings.Sources.Count == 0 ? "none (imports only)" : string.Join(", ", settings.Sources))}, "
            + $"{settings.ContactsPerCompany} contacts per company, Tier 1 top {settings.Tier1Share:P0}, Tier 2 next {settings.Tier2Share:P0}";
        return await AcceptAsync(new Activity(Guid.NewGuid(), time.GetUtcNow(), context.Actor, "configured", summary, context.Reason), context);
    }

    private static void Validate(ProspectingSettings settings)
    {
        if (settings.ContactsPerCompany is < 1 or > 25)
        {
            throw new CommandRejectedException("contactsPerCompany", "Between 1 and 25 contacts per company.", true);
        }

        if (settings.Tier1Share is <= 0 or >= 1 || settings.Tier2Share is < 0 or >= 1 || settings.Tier1Share + settings.Tier2Share > 1)
        {
            throw new CommandRejectedException("tier1Share", "Tier shares are fractions above 0 whose sum is at most 1 (e.g. 0.2 and 0.3).", true);
        }

        if (settings.DemoCompanies is < 1 or > 10_000)
        {
            throw new CommandRejectedException("demoCompanies", "The demo source creates between 1 and 10,000 sample companies.", true);
        }

        if (settings.SourceLimit is < 1 or > 100_000)
        {
            throw new CommandRejectedException("sourceLimit", "A provider source brings between 1 and 100,000 companies per activation.", true);
        }

        var tiers = settings.Plans.Select(p => p.Tier).Order().ToList();
        if (!tiers.SequenceEqual([1, 2, 3]) || settings.Plans.Any(p => p.Channels.Count == 0 || string.IsNullOrWhiteSpace(p.SequenceId)
            || p.Channels.Any(c => c is not ("email" or "linkedin" or "phone" or "sms"))))
        {
            throw new CommandRejectedException("plans", "One plan per tier 1, 2 and 3, each with a sequence id and channels from email, linkedin, phone, sms.", true);
        }

        var unknown = settings.Sources.FirstOrDefault(s => string.IsNullOrWhiteSpace(s) || s.Length > 40 || !s.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'));
        if (unknown is not null)
        {
            throw new CommandRejectedException("sources", $"\"{unknown}\" is not a source name (lowercase letters, digits and '-', such as \"demo\" or \"apollo\").", true);
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == Outbox<MarketChanged>.ReminderName)
        {
            await outbox.DrainAsync();
        }
    }

    // Structured fields win; the description fills what they leave empty.
    private static MarketDefinition Merge(MarketDefinition fields, MarketDefinition parsed) => new()
    {
        Industries = fields.Industries.Count > 0 ? fields.Industries : parsed.Industries,
        BusinessModels = fields.BusinessModels.Count > 0 ? fields.BusinessModels : parsed.BusinessModels,
        Employees = fields.Employees ?? parsed.Employees,
        Revenue = fields.Revenue ?? parsed.Revenue,
        Geographies = fields.Geographies.Count > 0 ? fields.Geographies : parsed.Geographies,
        Technologies = fields.Technologies.Count > 0 ? fields.Technologies : parsed.Technologies,
        GrowthSignals = fields.GrowthSignals.Count > 0 ? fields.GrowthSignals : parsed.GrowthSignals,
        PainPoints = fields.PainPoints.Count > 0 ? fields.PainPoints : parsed.PainPoints,
        Personas = fields.Personas.Count > 0 ? fields.Personas : parsed.Personas,
        Exclusions = fields.Exclusions.Count > 0 ? fields.Exclusions : parsed.Exclusions,
        Unparsed = parsed.Unparsed,
    };

    private void RequireCreated()
    {
        if (!Market.Created)
        {
            throw new CommandRejectedException("marketId", $"No market '{marketId}' in this workspace.", true);
        }
    }

    private Task<MarketSnapshot> AcceptAsync(Activity activity, CommandContext context)
        => EntityChanges.AcceptAsync(Market, state.WriteStateAsync, outbox, activity, context, Snapshot,
            (sequence, snapshot) => new MarketChanged(Guid.NewGuid(), sequence, activity, snapshot));

    private MarketSnapshot Snapshot() => new(workspaceId, marketId, Market.Name, Market.Description, Market.State, Market.Definition, Market.Version, Market.CreatedAt, Market.UpdatedAt, Market.Prospecting);
}
