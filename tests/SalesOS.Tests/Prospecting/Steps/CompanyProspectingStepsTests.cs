using SalesOS.Contracts.Companies;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Prospecting;
using SalesOS.Testing;
using SalesOS.Tests.Infrastructure;

namespace SalesOS.Tests.Prospecting.Steps;

/// <summary>
/// The company side of the automatic steps, driven by hand (the company's market is not active, so no
/// agent interferes): claims, failures with retries timed by the watchdog reminder, the last attempt
/// failing the company with its error, and website change detection.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CompanyProspectingStepsTests(ClusterFixture fixture)
{
    private static readonly CommandContext Agent = new("agent:test");

    private async Task<ICompanyGrain> RegisterAsync()
    {
        var grain = fixture.Client.GetGrain<ICompanyGrain>(WorkspaceKey.For("steps", $"c{Guid.NewGuid():N}.example"));
        await grain.Register(new CompanyRegistration("test", "Steps Inc", MarketId: "not-active"), new CommandContext("user:test"));
        return grain;
    }

    [Fact]
    public async Task AStepIsGrantedOncePerVersion_AndClaimingEnrichmentMovesTheCompany()
    {
        var company = await RegisterAsync();
        var sourced = (await company.Get())!;

        var first = await company.ClaimStep(ProspectingStep.Enrich, sourced.Version);
        var again = await company.ClaimStep(ProspectingStep.Enrich, sourced.Version);
        var stale = await company.ClaimStep(ProspectingStep.FindContacts, sourced.Version);

        Assert.Equal(1, first);
        Assert.Null(again);
        Assert.Null(stale);
        var enriching = (await company.Get())!;
        Assert.Equal(CompanyState.Enriching, enriching.State);
        Assert.Null(await company.ClaimStep(ProspectingStep.Enrich, enriching.Version));
    }

    [Fact]
    public async Task TransientFailures_AreRetriedByTheWatchdog_UntilTheLastAttemptFailsTheCompany()
    {
        var company = await RegisterAsync();
        var attempt = await company.ClaimStep(ProspectingStep.Enrich, (await company.Get())!.Version);
        for (var expected = 1; expected < 4; expected++)
        {
            Assert.Equal(expected, attempt);
            var failed = await company.ReportStepFailure(ProspectingStep.Enrich, expected, "connection refused (site.example)", transient: true, Agent);
            Assert.Equal(CompanyState.Enriching, failed.State);
            Assert.NotNull(failed.NextAttemptAt);

            // The retry is due after the backoff (1, 2, 4 minutes of business time); the watchdog ticks every second.
            ClusterFixture.Time.Advance(TimeSpan.FromMinutes(Math.Pow(2, expected - 1)) + TimeSpan.FromSeconds(1));
            var retried = await Eventually.Get(() => company.Get(), c => c!.Version > failed.Version, TimeSpan.FromSeconds(20), "the watchdog to retry");
            Assert.Equal("retry", (await company.GetTimeline())[^1].Kind);
            attempt = await company.ClaimStep(ProspectingStep.Enrich, retried!.Version);
        }

        var last = await company.ReportStepFailure(ProspectingStep.Enrich, attempt!.Value, "connection refused (site.example)", transient: true, Agent);

        Assert.Equal(CompanyState.Failed, last.State);
        Assert.Equal("Enrich failed 4 times: connection refused (site.example)", last.FailureReason);
        Assert.Equal("Enrich: connection refused (site.example)", last.LastError);
    }

    [Fact]
    public async Task APermanentFailure_FailsAtOnce_AndRetryStartsAgain()
    {
        var company = await RegisterAsync();
        var attempt = await company.ClaimStep(ProspectingStep.Enrich, (await company.Get())!.Version);

        var failed = await company.ReportStepFailure(ProspectingStep.Enrich, attempt!.Value, "provider refused the API key", transient: false, Agent);
        var retried = await company.Transition(CompanyTrigger.Retry, new CommandContext("user:test"));

        Assert.Equal(CompanyState.Failed, failed.State);
        Assert.Equal(CompanyState.Sourced, retried.State);
        Assert.Equal(1, await company.ClaimStep(ProspectingStep.Enrich, retried.Version));
    }

    [Fact]
    public async Task EnrichmentKeepsProvenance_AndAChangedPageBecomesASignal()
    {
        var company = await RegisterAsync();
        var attempt = await company.ClaimStep(ProspectingStep.Enrich, (await company.Get())!.Version);
        var fit = new ScoreExplanation(0.7, [new ScoreFactor("industry", 0.7, "Software")]);
        var intent = new ScoreExplanation(0.2, [new ScoreFactor("hiring", 0.2, "Hiring 2 sales roles")]);
        var enrichment = new CompanyEnrichment(attempt!.Value,
            [new FieldSource("industry", "Software", "apollo", ClusterFixture.Time.GetUtcNow()), new FieldSource("name", "Guessed Name", "website", ClusterFixture.Time.GetUtcNow())],
            ["HubSpot"], [new CompanySignal(SignalKinds.Hiring, "Hiring 2 sales roles", "https://x.example/careers", null, ClusterFixture.Time.GetUtcNow())],
            new Dictionary<string, string> { ["https://x.example/pricing"] = "aaa" }, fit, intent, "website: 5 pages", 0.1m,
            [new WebPerson("Ada Lovelace", "CTO", "https://x.example/team")], ["ada@x.example"]);

        var enriched = await company.CompleteEnrichment(enrichment, Agent);

        Assert.Equal(CompanyState.Enriched, enriched.State);
        Assert.Equal("Software", enriched.Industry);
        Assert.Equal("Steps Inc", enriched.Name);
        Assert.Contains(enriched.Provenance!, p => p.Field == "industry" && p.Source == "apollo");
        Assert.Contains(enriched.Provenance!, p => p.Field == "name" && p.Source == "test");
        Assert.Contains(enriched.Claims!, c => c.Field == "name" && c.Source == "website" && c.Value == "Guessed Name");
        Assert.Equal(0.7, enriched.FitScore);
        Assert.Equal(0.1m, enriched.ProviderSpend);
        Assert.Equal("Ada Lovelace", Assert.Single((await company.GetWebFindings()).People).Name);

        var recrawl = await company.CompleteEnrichment(enrichment with { PageFingerprints = new Dictionary<string, string> { ["https://x.example/pricing"] = "bbb" } }, Agent);

        Assert.Contains(recrawl.Signals!, s => s.Kind == SignalKinds.WebsiteChange && s.EvidenceUrl == "https://x.example/pricing");
        Assert.Equal(0.2m, recrawl.ProviderSpend);
        Assert.Equal("signal", (await company.GetTimeline())[^1].Kind);
    }
}
