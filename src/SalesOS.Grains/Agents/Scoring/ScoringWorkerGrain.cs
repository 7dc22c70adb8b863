using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using SalesOS.Contracts.Companies;
using SalesOS.Contracts.Contacts;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Markets;
using SalesOS.Contracts.Prospecting;
using SalesOS.Prospecting.Scoring;

namespace SalesOS.Grains.Agents.Scoring;

[Alias("SalesOS.Agents.IScoringWorkerGrain")]
public interface IScoringWorkerGrain : IGrainWithIntegerKey
{
    /// <summary>Scores the company as it was at <paramref name="version"/> (ignored when it has moved on).</summary>
    [Alias("Score"), OneWay]
    Task Score(string companyKey, long version);

    /// <summary>Scores the company again as it is now, saying why.</summary>
    [Alias("Rescore"), OneWay]
    Task Rescore(string companyKey, string why);
}

/// <summary>
/// Does the Scoring agent's work: priority from fit, intent and the best contact's buying authority;
/// the tier from the market's distribution; the channel plan and sequence for that tier; then the
/// company's scoring (its enrolment event) and each verified contact's.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class ScoringWorkerGrain(AgentSlots slots, MarketDirectory markets, ILogger<ScoringWorkerGrain> logger)
    : CompanyStepWorker(slots, markets, logger), IScoringWorkerGrain
{
    protected override ProspectingStep Step => ProspectingStep.Score;

    protected override string Actor => "agent:scoring";

    public Task Score(string companyKey, long version) => RunStepAsync(companyKey, version);

    public async Task Rescore(string companyKey, string why)
    {
        if (await GrainFactory.GetGrain<ICompanyGrain>(companyKey).Get() is { } company)
        {
            await RunStepAsync(companyKey, company.Version, why);
        }
    }

    protected override async Task RunAsync(ICompanyGrain companyGrain, CompanySnapshot company, MarketSnapshot market, int attempt, string? why, CancellationToken cancellationToken)
    {
        var contacts = company.Contacts ?? [];
        var best = contacts.OrderByDescending(c => c.BuyingAuthority).FirstOrDefault();
        double? engagement = company.EngagementAt is { } engagedAt
            ? SalesOS.Outreach.Engagement.EngagementScore.Normalised(new SalesOS.Outreach.Engagement.EngagementState(company.EngagementValue, engagedAt), engagedAt)
            : null;
        var priority = PriorityScorer.Score(company.FitScore ?? 0, company.IntentScore ?? 0, best?.BuyingAuthority,
            engagement, best is null ? null : $"{best.Name} ({best.Title}) has buying authority {best.BuyingAuthority:0.00}");
        var tiers = GrainFactory.GetGrain<IMarketTiersGrain>(WorkspaceKey.For(company.WorkspaceId, market.MarketId));
        var tier = await tiers.Place(company.Domain, priority.Score, company.Tier);
        var plan = market.Settings.Plans.First(p => p.Tier == tier);
        var scored = await companyGrain.ApplyPriority(new CompanyPriority(market.MarketId, priority, tier, plan.Channels, plan.SequenceId),
            new CommandContext(Actor, Reason: why));

        foreach (var contact in contacts)
        {
            var contactPriority = PriorityScorer.Score(company.FitScore ?? 0, company.IntentScore ?? 0, contact.BuyingAuthority, null, $"{contact.Name}: {contact.Reason}");
            var grain = GrainFactory.GetGrain<IContactGrain>(WorkspaceKey.For(company.WorkspaceId, contact.Identity));

            // Only verified contacts are scored (an invalid address is never enrolled); a contact
            // already scored keeps its tier until the outreach layer re-plans it.
            if ((await grain.Get())?.State == ContactState.Verified)
            {
                await grain.Transition(new ContactTransition(ContactTrigger.Score, tier, Priority: contactPriority),
                    new CommandContext(Actor, $"score:{company.Domain}:{scored.Version}", $"Tier {tier} with {company.Name}; {plan.SequenceId}"));
            }
        }
    }
}
