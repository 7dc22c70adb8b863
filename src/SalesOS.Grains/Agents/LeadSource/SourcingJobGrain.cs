using System.Text;
using Microsoft.Extensions.Logging;
using SalesOS.Contracts;
using SalesOS.Contracts.Companies;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Errors;
using SalesOS.Contracts.Markets;
using SalesOS.Prospecting.Demo;
using SalesOS.Prospecting.Ports;
using SalesOS.Storage.ReadModel;

namespace SalesOS.Grains.Agents.LeadSource;

[Alias("SalesOS.Agents.ISourcingJobGrain")]
public interface ISourcingJobGrain : IGrainWithStringKey
{
    /// <summary>Starts (or, after a crash, resumes) sourcing for one activation of a market; starting it again changes nothing.</summary>
    [Alias("Start")]
    Task Start(string marketId);
}

[GenerateSerializer]
[Alias("SalesOS.Agents.SourcingJobRecord")]
public sealed class SourcingJobRecord
{
    [Id(0)] public string? MarketId { get; set; }
    [Id(1)] public bool Done { get; set; }
    [Id(2)] public bool ResumedWaiting { get; set; }
    [Id(3)] public Dictionary<string, int> SourcedBySource { get; set; } = [];
    [Id(4)] public List<string> FinishedSources { get; set; } = [];
    [Id(5)] public string? LastError { get; set; }
}

/// <summary>
/// One activation's sourcing, keyed "{workspaceId}/{marketId}@{version}": first nudges the market's
/// companies that were sourced before it was active, then runs each configured source. Registrations
/// carry idempotency keys ("{source}:{market}:{domain}"), progress is checkpointed per source, and a
/// reminder resumes the job after a crash.
/// </summary>
public sealed class SourcingJobGrain(
    [PersistentState("sourcing-job", StorageNames.Grains)] IPersistentState<SourcingJobRecord> state,
    CompanyReadModel readModel,
    IEnumerable<ICompanySearchProvider> providers,
    TimeProvider clock,
    ILogger<SourcingJobGrain> logger) : Grain, ISourcingJobGrain, IRemindable
{
    public const string DemoSource = "demo";
    private const string Actor = "agent:lead-source";
    private const string ResumeReminder = "sourcing-resume";
    private string workspaceId = "";
    private Task? running;

    private SourcingJobRecord Job => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        workspaceId = WorkspaceKey.Parse(this.GetPrimaryKeyString()).WorkspaceId;
        return Task.CompletedTask;
    }

    public async Task Start(string marketId)
    {
        if (Job.MarketId is null)
        {
            Job.MarketId = marketId;
            await this.RegisterOrUpdateReminder(ResumeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            await state.WriteStateAsync();
        }

        EnsureRunning();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!Job.Done && Job.MarketId is not null)
        {
            EnsureRunning();
            return;
        }

        if (await this.GetReminder(ResumeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private void EnsureRunning()
    {
        if (!Job.Done && (running is null || running.IsCompleted))
        {
            running = RunAsync();
        }
    }

    private async Task RunAsync()
    {
        var marketId = Job.MarketId!;
        try
        {
            var market = await GrainFactory.GetGrain<IMarketGrain>(WorkspaceKey.For(workspaceId, marketId)).Get();
            if (market is null || market.State != MarketState.Active)
            {
                Job.Done = true;
                await state.WriteStateAsync();
                return;
            }

            if (!Job.ResumedWaiting)
            {
                await ResumeWaitingAsync(marketId);
                Job.ResumedWaiting = true;
                await state.WriteStateAsync();
            }

            foreach (var source in market.Settings.Sources.Where(s => !Job.FinishedSources.Contains(s)))
            {
                var count = source == DemoSource
                    ? await SourceDemoAsync(market)
                    : await SourceFromProviderAsync(market, source);
                Job.SourcedBySource[source] = count;
                Job.FinishedSources.Add(source);
                await state.WriteStateAsync();
            }

            Job.Done = true;
            await state.WriteStateAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The resume reminder tries again; what was registered stays registered (idempotent keys).
            logger.LogWarning(e, "Sourcing {Job} stopped; it resumes on the next reminder tick", this.GetPrimaryKeyString());
            Job.LastError = e.Message;
            await state.WriteStateAsync();
        }
    }

    /// <summary>Companies of the market sourced (imported) before it was active have waited: start their steps now.</summary>
    private async Task ResumeWaitingAsync(string marketId)
    {
        string? cursor = null;
        do
        {
            var page = await readModel.QueryAsync(new CompanyQuery(workspaceId, CompanyState.Sourced, marketId, Limit: 500, Cursor: cursor));
            await Parallel.ForEachAsync(page.Items, new ParallelOptions { MaxDegreeOfParallelism = 16, TaskScheduler = TaskScheduler.Current }, async (company, _) =>
                await GrainFactory.GetGrain<ICompanyGrain>(WorkspaceKey.For(workspaceId, company.Domain))
                    .Nudge(new CommandContext(Actor, $"activate:{this.GetPrimaryKeyString()}", $"Market {marketId} activated")));
            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }

    /// <summary>
    /// The demo source: sample companies (clearly marked as sample data, domains under the reserved
    /// .example TLD) whose websites SalesOS itself serves, so the whole flow runs without keys.
    /// </summary>
    private async Task<int> SourceDemoAsync(MarketSnapshot market)
    {
        var seed = DemoSeed(workspaceId, market.MarketId);
        var profiles = DemoCompanies.For(market.Definition, market.Settings.DemoCompanies, seed, clock.GetUtcNow());
        await Parallel.ForEachAsync(profiles, new ParallelOptions { MaxDegreeOfParallelism = 16, TaskScheduler = TaskScheduler.Current }, async (profile, _) =>
            await GrainFactory.GetGrain<ICompanyGrain>(WorkspaceKey.For(workspaceId, profile.Domain)).Register(
                new CompanyRegistration("demo (sample data)", profile.Name, profile.Industry, profile.Employees, null, profile.Country, [], market.MarketId),
                new CommandContext(Actor, $"demo:{market.MarketId}:{profile.Domain}", "Sample data from the demo source")));
        return profiles.Count;
    }

    private async Task<int> SourceFromProviderAsync(MarketSnapshot market, string source)
    {
        var provider = providers.FirstOrDefault(p => p.Name.Equals(source, StringComparison.OrdinalIgnoreCase));
        if (provider is null || !provider.IsConfigured)
        {
            logger.LogWarning("Market {Market} names source {Source}, which is not configured; skipped", market.MarketId, source);
            return 0;
        }

        var count = 0;
        await foreach (var company in provider.SearchCompaniesAsync(market.Definition, market.Settings.SourceLimit, CancellationToken.None))
        {
            try
            {
                await GrainFactory.GetGrain<ICompanyGrain>(WorkspaceKey.For(workspaceId, Domain.Identity.CompanyDomain.Normalize(company.Domain))).Register(
                    new CompanyRegistration(source, company.Name, company.Industry, company.EmployeeCount, company.AnnualRevenueUsd, company.Country, company.Technologies, market.MarketId),
                    new CommandContext(Actor, $"{source}:{market.MarketId}:{company.Domain}"));
                count++;
            }
            catch (Exception e) when (e is ArgumentException or CommandRejectedException)
            {
                logger.LogInformation("{Source} returned an unusable company {Domain}: {Reason}", source, company.Domain, e.Message);
            }
        }

        return count;
    }

    private static int DemoSeed(string workspaceId, string marketId)
        => BitConverter.ToInt32(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes($"{workspaceId}/{marketId}")));
}
