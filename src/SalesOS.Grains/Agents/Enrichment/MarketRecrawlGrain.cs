using Microsoft.Extensions.Options;
using SalesOS.Contracts.Companies;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Markets;
using SalesOS.Grains.Prospecting;
using SalesOS.Storage.ReadModel;

namespace SalesOS.Grains.Agents.Enrichment;

[Alias("SalesOS.Agents.IMarketRecrawlGrain")]
public interface IMarketRecrawlGrain : IGrainWithStringKey
{
    /// <summary>Starts the market's recrawl sweep (idempotent).</summary>
    [Alias("Start")]
    Task Start();
}

/// <summary>
/// Website change detection for one market, keyed "{workspaceId}/{marketId}": one reminder per market
/// (not one per company) sweeps the read model for the market's scored companies that have not changed
/// for the recrawl interval and asks each to be read again; the enrichment agent re-crawls it, and a
/// page whose fingerprint changed becomes a signal (which rescores the company). The sweep stops with
/// the market.
/// </summary>
public sealed class MarketRecrawlGrain(CompanyReadModel readModel, IOptions<ProspectingOptions> options, TimeProvider clock) : Grain, IMarketRecrawlGrain, IRemindable
{
    private const string SweepReminder = "recrawl-sweep";
    private static readonly CompanyState[] Swept = [CompanyState.Scored, CompanyState.InOutreach, CompanyState.Engaged];

    public async Task Start()
    {
        var interval = options.Value.RecrawlInterval;
        if (interval > TimeSpan.Zero)
        {
            var period = interval < TimeSpan.FromHours(1) ? interval : TimeSpan.FromHours(1);
            await this.RegisterOrUpdateReminder(SweepReminder, period, period);
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var (workspaceId, marketId) = WorkspaceKey.Parse(this.GetPrimaryKeyString());
        var market = await GrainFactory.GetGrain<IMarketGrain>(this.GetPrimaryKeyString()).Get();
        if (market?.State is not MarketState.Active || options.Value.RecrawlInterval <= TimeSpan.Zero)
        {
            if (await this.GetReminder(SweepReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            return;
        }

        var cutoff = clock.GetUtcNow() - options.Value.RecrawlInterval;
        var context = new CommandContext("agent:enrichment", Reason: $"unchanged since {cutoff:yyyy-MM-dd}");
        foreach (var state in Swept)
        {
            string? cursor = null;
            do
            {
                var page = await readModel.QueryAsync(new CompanyQuery(workspaceId, state, marketId, Sort: CompanySort.UpdatedAt, Limit: 500, Cursor: cursor));
                var stale = page.Items.TakeWhile(c => c.UpdatedAt < cutoff).ToList();
                foreach (var company in stale)
                {
                    await GrainFactory.GetGrain<ICompanyGrain>(WorkspaceKey.For(workspaceId, company.Domain)).RequestRecrawl(context);
                }

                cursor = stale.Count == page.Items.Count ? page.NextCursor : null;
            }
            while (cursor is not null);
        }
    }
}
