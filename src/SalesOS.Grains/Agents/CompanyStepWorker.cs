using Microsoft.Extensions.Logging;
using SalesOS.Contracts.Companies;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Errors;
using SalesOS.Contracts.Markets;
using SalesOS.Contracts.Prospecting;

namespace SalesOS.Grains.Agents;

/// <summary>
/// What every agent's worker does around its step: waits for one of the silo's step slots, checks
/// that the company is still as the event saw it and one of its markets is active, claims the step
/// (so nobody else runs it), runs it, and counts the outcome for the market. A failure is reported to
/// the company: transient ones are retried by its watchdog, the others fail it with the reason.
/// </summary>
public abstract class CompanyStepWorker(AgentSlots slots, MarketDirectory markets, ILogger logger) : Grain
{
    protected abstract ProspectingStep Step { get; }

    protected abstract string Actor { get; }

    /// <summary>The step's work; it ends by telling the company what it found. <paramref name="why"/> is the reason a step was asked for again, if it was.</summary>
    protected abstract Task RunAsync(ICompanyGrain companyGrain, CompanySnapshot company, MarketSnapshot market, int attempt, string? why, CancellationToken cancellationToken);

    /// <summary>Whether trying again later may help (not for a refused command or an impossible transition).</summary>
    protected virtual bool IsTransient(Exception exception) => exception is not (CommandRejectedException or TransitionRefusedException);

    protected virtual TimeSpan Timeout => TimeSpan.FromSeconds(90);

    protected async Task RunStepAsync(string companyKey, long version, string? why = null)
    {
        // A company that has moved on is dropped before it takes a slot, and checked again after.
        var company = GrainFactory.GetGrain<ICompanyGrain>(companyKey);
        if ((await company.Get())?.Version != version)
        {
            return;
        }

        await slots.RunAsync(Step, () => RunClaimedAsync(company, companyKey, version, why));
    }

    private async Task RunClaimedAsync(ICompanyGrain company, string companyKey, long version, string? why)
    {
        var snapshot = await company.Get();
        if (snapshot is null || snapshot.Version != version)
        {
            return;
        }

        var market = await markets.FirstActiveAsync(snapshot.WorkspaceId, snapshot.MarketIds);
        if (market is null || await company.ClaimStep(Step, version) is not { } attempt)
        {
            return;
        }

        if (Step == ProspectingStep.Enrich)
        {
            // Claiming enrichment was itself a change: work on the company as it is now.
            snapshot = await company.Get() ?? snapshot;
        }

        var stats = GrainFactory.GetGrain<IMarketStatsGrain>(WorkspaceKey.For(snapshot.WorkspaceId, market.MarketId));
        try
        {
            using var timeout = new CancellationTokenSource(Timeout);
            await RunAsync(company, snapshot, market, attempt, why, timeout.Token);
            stats.Record(Step, true, null).Ignore();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning(e, "{Step} of {Company} failed (attempt {Attempt})", Step, companyKey, attempt);
            stats.Record(Step, false, $"{Step}: {e.Message}").Ignore();
            await company.ReportStepFailure(Step, attempt, e.Message, IsTransient(e), new CommandContext(Actor));
        }
    }
}
