using Microsoft.Extensions.Logging;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Markets;
using SalesOS.Contracts.Prospecting;
using SalesOS.Prospecting.Scoring;
using SalesOS.Storage.ReadModel;

namespace SalesOS.Grains.Agents.Scoring;

/// <summary>
/// A market's priority distribution and tiers. It keeps no state of its own: on activation it reads
/// the market's scored companies from the read model. As the market grows it checks every few
/// seconds whether the cut-offs moved; companies whose tier then changes (beyond the hysteresis band)
/// are re-scored, so tiers stay percentiles without flapping.
/// </summary>
public sealed class MarketTiersGrain(CompanyReadModel readModel, ILogger<MarketTiersGrain> logger) : Grain, IMarketTiersGrain
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(5);
    private readonly Dictionary<string, (double Priority, int Tier)> companies = new(StringComparer.Ordinal);
    private TierCutoffs cutoffs = new(0.2, 0.3);
    private string workspaceId = "";
    private string marketId = "";
    private int countAtLastRetier;
    private (double Tier1, double Tier2) cutoffsAtLastRetier = (1, 1);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (workspaceId, marketId) = WorkspaceKey.Parse(this.GetPrimaryKeyString());
        var settings = (await GrainFactory.GetGrain<IMarketGrain>(this.GetPrimaryKeyString()).Get())?.Settings ?? new ProspectingSettings();
        cutoffs = new TierCutoffs(settings.Tier1Share, settings.Tier2Share);
        foreach (var (domain, priority, tier) in await readModel.PrioritiesAsync(workspaceId, marketId, cancellationToken))
        {
            companies[domain] = (priority, tier ?? 3);
            cutoffs.Add(priority);
        }

        countAtLastRetier = companies.Count;
        cutoffsAtLastRetier = cutoffs.Cutoffs();
        this.RegisterGrainTimer(RetierIfMovedAsync, new GrainTimerCreationOptions(CheckEvery, CheckEvery));
    }

    public Task<int> Place(string domain, double priority, int? currentTier)
    {
        if (companies.TryGetValue(domain, out var known))
        {
            cutoffs.Remove(known.Priority);
            currentTier ??= known.Tier;
        }

        cutoffs.Add(priority);
        var tier = cutoffs.TierOf(priority, currentTier);
        companies[domain] = (priority, tier);
        return Task.FromResult(tier);
    }

    public Task<TierSummary> GetSummary()
    {
        var (tier1, tier2) = cutoffs.Cutoffs();
        var counts = companies.Values.GroupBy(c => c.Tier).ToDictionary(g => g.Key, g => g.Count());
        return Task.FromResult(new TierSummary(companies.Count, tier1, tier2, counts.GetValueOrDefault(1), counts.GetValueOrDefault(2), counts.GetValueOrDefault(3)));
    }

    private Task RetierIfMovedAsync()
    {
        var now = cutoffs.Cutoffs();
        var grew = companies.Count >= 10 && companies.Count >= countAtLastRetier * 1.1;
        var moved = Math.Abs(now.Tier1 - cutoffsAtLastRetier.Tier1) > cutoffs.Hysteresis || Math.Abs(now.Tier2 - cutoffsAtLastRetier.Tier2) > cutoffs.Hysteresis;
        if (!grew && !moved)
        {
            return Task.CompletedTask;
        }

        countAtLastRetier = companies.Count;
        cutoffsAtLastRetier = now;
        var changed = 0;
        var worker = GrainFactory.GetGrain<IScoringWorkerGrain>(0);
        foreach (var (domain, (priority, tier)) in companies)
        {
            if (cutoffs.TierOf(priority, tier) != tier)
            {
                changed++;
                _ = worker.Rescore(WorkspaceKey.For(workspaceId, domain), "the market's tiers moved as it grew");
            }
        }

        if (changed > 0)
        {
            logger.LogInformation("Market {Market}: cut-offs now {Tier1:0.000}/{Tier2:0.000} over {Count} companies; re-tiering {Changed}", this.GetPrimaryKeyString(), now.Tier1, now.Tier2, companies.Count, changed);
        }

        return Task.CompletedTask;
    }
}
