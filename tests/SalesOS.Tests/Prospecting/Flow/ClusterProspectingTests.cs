using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Markets;
using SalesOS.Contracts.Prospecting;
using SalesOS.Contracts.Workspaces;
using SalesOS.Prospecting.Ports;
using SalesOS.Testing;
using SalesOS.Tests.Infrastructure;

namespace SalesOS.Tests.Prospecting.Flow;

/// <summary>The prospecting flow on the cluster profile: two silos on PostgreSQL sharing the work, and provider rate limits that hold for the cluster as a whole.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterProspectingTests(PostgresFixture postgres)
{
    private static readonly string[] Tuned =
    [
        "--SalesOS:Prospecting:WatchdogPeriod=00:00:01",
        "--SalesOS:Prospecting:StepTimeout=00:00:20",
        "--SalesOS:Crawler:PolitenessDelay=00:00:00",
        "--SalesOS:RateLimits:RequestsPerMinute:slowvendor=120",
    ];

    [Fact]
    public async Task ADemoMarket_FlowsToScoredOnATwoSiloCluster_AndProviderLimitsHoldClusterWide()
    {
        var connectionString = postgres.ConnectionString(PostgresServer.NewDatabaseName("prospect"));
        var clusterId = "prospect-" + Guid.NewGuid().ToString("N")[..8];
        await using var first = await TestSilo.StartClusterAsync(connectionString, clusterId, Tuned);
        await using var second = await TestSilo.StartClusterAsync(connectionString, clusterId, Tuned);
        await Eventually.Get(() => first.Client.GetGrain<Orleans.Runtime.IManagementGrain>(0).GetHosts(onlyActive: true), h => h.Count == 2, TimeSpan.FromSeconds(30), "both silos to be active");

        await first.Client.GetGrain<IWorkspaceGrain>("cluster-ws").Create("Cluster workspace");
        var market = first.Client.GetGrain<IMarketGrain>(WorkspaceKey.For("cluster-ws", "fintech"));
        var user = new CommandContext("user:test");
        await market.Create("Fintech", "Fintech companies in France and the UK with 10-1000 employees, targeting CFO or VP Sales", null, user);
        await market.ConfigureProspecting(new ProspectingSettings { Sources = ["demo"], DemoCompanies = 40 }, user);
        await market.Transition(MarketTrigger.Activate, user);

        var overview = await Eventually.Get(
            () => second.Client.GetGrain<IProspectingQueryGrain>(0).Overview("cluster-ws", "fintech", 5),
            o => o.CompaniesByState[CompanyState.Scored] + o.CompaniesByState[CompanyState.InOutreach] == 40,
            TimeSpan.FromSeconds(120), "40 demo companies scored (and in outreach) on the cluster");
        Assert.Equal(0, overview.CompaniesByState[CompanyState.Failed]);
        Assert.Equal(5, overview.TopCompanies.Count);
        overview = await Eventually.Get(
            () => first.Client.GetGrain<IProspectingQueryGrain>(0).Overview("cluster-ws", "fintech", 5),
            o => o.TopContacts.Count > 0, TimeSpan.FromSeconds(30), "scored contacts in the PostgreSQL read model");
        var throughput = overview.Throughput.Steps.ToDictionary(s => s.Step);
        Assert.Equal(40, throughput[ProspectingStep.Enrich].Succeeded);
        Assert.Equal(40, throughput[ProspectingStep.Score].Succeeded);

        // 120 calls a minute for the whole cluster: a burst of 12, then one every 0.5 s, whichever silo asks.
        var limiters = new[] { first, second }.Select(s => s.Services.GetRequiredService<IProviderRateLimiter>()).ToArray();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(limiters.Select(limiter => Task.Run(async () =>
        {
            for (var i = 0; i < 12; i++)
            {
                await limiter.AcquireAsync("slowvendor", CancellationToken.None);
            }
        })));
        Assert.InRange(watch.Elapsed.TotalSeconds, 5.0, 9.0);
    }
}
