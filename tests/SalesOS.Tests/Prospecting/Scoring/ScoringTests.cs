using SalesOS.Contracts.Companies;
using SalesOS.Contracts.Markets;
using SalesOS.Contracts.Prospecting;
using SalesOS.Prospecting.Scoring;

namespace SalesOS.Tests.Prospecting.Scoring;

public sealed class FitScorerTests
{
    private static readonly MarketDefinition Market = new()
    {
        Industries = ["Software"],
        Employees = new EmployeeRange(50, 500),
        Geographies = ["DACH", "US"],
        Technologies = ["Salesforce", "HubSpot"],
        GrowthSignals = ["hiring sales reps"],
        Exclusions = ["agencies"],
    };

    private static CompanyProfile Company(string? industry = "B2B software", int? employees = 120, string? country = "DE", string[]? technologies = null, CompanySignal[]? signals = null)
        => new("acme.example", "Acme", industry, employees, null, country, technologies ?? ["HubSpot"], signals ?? []);

    [Fact]
    public void APerfectMatch_ScoresNearOne_AndExplainsEveryCriterion()
    {
        var fit = FitScorer.Score(Company(signals: [new CompanySignal(SignalKinds.Hiring, "Hiring 3 sales roles", null, null, DateTimeOffset.UtcNow)]), Market);

        Assert.Equal(1.0, fit.Score, 3);
        Assert.Equal(["industry", "size", "geography", "technology", "signals"], fit.Factors.Select(f => f.Criterion));
        Assert.Contains("DE is in DACH", fit.Factors.Single(f => f.Criterion == "geography").Reason, StringComparison.Ordinal);
        Assert.Equal(fit.Score, fit.Factors.Sum(f => f.Contribution), 3);
    }

    [Fact]
    public void EachMismatch_LowersTheScore_AndSaysWhy()
    {
        var perfect = FitScorer.Score(Company(), Market).Score;
        var wrongIndustry = FitScorer.Score(Company(industry: "Hospitality"), Market);
        var tooSmall = FitScorer.Score(Company(employees: 5), Market);
        var elsewhere = FitScorer.Score(Company(country: "BR"), Market);
        var otherStack = FitScorer.Score(Company(technologies: ["Zendesk"]), Market);

        Assert.All(new[] { wrongIndustry, tooSmall, elsewhere, otherStack }, fit => Assert.True(fit.Score < perfect));
        Assert.Contains("not among", wrongIndustry.Factors.Single(f => f.Criterion == "industry").Reason, StringComparison.Ordinal);
        Assert.Contains("outside 50–500", tooSmall.Factors.Single(f => f.Criterion == "size").Reason, StringComparison.Ordinal);
        Assert.Contains("outside DACH, US", elsewhere.Factors.Single(f => f.Criterion == "geography").Reason, StringComparison.Ordinal);
        Assert.Contains("none of Salesforce, HubSpot", otherStack.Factors.Single(f => f.Criterion == "technology").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownData_CountsHalf_NotZero()
    {
        var unknown = FitScorer.Score(Company(industry: null, employees: null, country: null, technologies: []), Market);

        Assert.InRange(unknown.Score, 0.3, 0.5);
        Assert.Contains(unknown.Factors, f => f.Reason.Contains("unknown", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void AnExcludedCompany_IsCappedNearZero()
    {
        var fit = FitScorer.Score(Company(industry: "Marketing agencies"), Market);

        Assert.True(fit.Score <= 0.05, $"fit {fit.Score}");
        Assert.Contains(fit.Factors, f => f.Criterion == "exclusion");
    }

    [Fact]
    public void AMarketWithoutCriteria_SaysSo()
    {
        var fit = FitScorer.Score(Company(), new MarketDefinition());

        Assert.Equal(0.5, fit.Score);
        Assert.Equal("market", Assert.Single(fit.Factors).Criterion);
    }
}

public sealed class IntentScorerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NoSignals_IsZero_WithAReason()
    {
        var intent = IntentScorer.Score([], Now);

        Assert.Equal(0, intent.Score);
        Assert.Single(intent.Factors);
    }

    [Fact]
    public void RecentFunding_OutweighsOldFunding_AndQuotesItsEvidence()
    {
        var recent = IntentScorer.Score([new CompanySignal(SignalKinds.Funding, "Raised $20M Series B", "https://acme.example/news/series-b", "Acme raised $20M", Now.AddDays(-10))], Now);
        var old = IntentScorer.Score([new CompanySignal(SignalKinds.Funding, "Raised $20M Series B", "https://acme.example/news/series-b", "Acme raised $20M", Now.AddDays(-700))], Now);

        Assert.True(recent.Score > old.Score * 5, $"{recent.Score} vs {old.Score}");
        var factor = Assert.Single(recent.Factors);
        Assert.Contains("https://acme.example/news/series-b", factor.Reason, StringComparison.Ordinal);
        Assert.Contains("2026-10-22", factor.Reason, StringComparison.Ordinal);
        Assert.Contains("Acme raised $20M", factor.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ManySignals_ApproachButNeverPassOne()
    {
        var signals = Enumerable.Range(0, 40).Select(i => new CompanySignal(i % 2 == 0 ? SignalKinds.Funding : SignalKinds.Hiring, $"signal {i}", null, null, Now)).ToList();

        var intent = IntentScorer.Score(signals, Now);

        Assert.InRange(intent.Score, 0.95, 1.0);
    }

    [Fact]
    public void HiringInTheBuyersDepartment_CountsMore()
    {
        CompanySignal[] signals = [new(SignalKinds.Hiring, "Hiring 4 sales roles: AE, SDR", null, null, Now)];

        Assert.True(IntentScorer.Score(signals, Now, ["Sales"]).Score > IntentScorer.Score(signals, Now, ["Finance"]).Score);
    }
}

public sealed class PriorityAndTierTests
{
    [Fact]
    public void Priority_BlendsFitIntentAndAuthority_AndLeavesUnknownEngagementOut()
    {
        var priority = PriorityScorer.Score(fit: 1, intent: 0, authority: 1, engagement: null);

        Assert.Equal((PriorityScorer.FitWeight + PriorityScorer.AuthorityWeight) / (PriorityScorer.FitWeight + PriorityScorer.IntentWeight + PriorityScorer.AuthorityWeight), priority.Score, 3);
        Assert.DoesNotContain(priority.Factors, f => f.Criterion == "engagement");
        Assert.Contains(PriorityScorer.Score(1, 0, 1, 0.5).Factors, f => f.Criterion == "engagement");
    }

    [Fact]
    public void Tiers_FollowTheConfiguredPercentiles()
    {
        var tiers = new TierCutoffs(0.2, 0.3);
        var random = new Random(7);
        var priorities = Enumerable.Range(0, 10_000).Select(_ => random.NextDouble()).ToList();
        priorities.ForEach(tiers.Add);

        var counts = priorities.GroupBy(p => tiers.TierOf(p)).ToDictionary(g => g.Key, g => g.Count());

        Assert.InRange(counts[1], 1_950, 2_100);
        Assert.InRange(counts[2], 2_900, 3_100);
        Assert.InRange(counts[3], 4_850, 5_100);
    }

    [Fact]
    public void ACompanyNearACutoff_KeepsItsTier_WhileTheMarketGrows()
    {
        var tiers = new TierCutoffs(0.2, 0.3, hysteresis: 0.02);
        for (var i = 0; i < 1000; i++)
        {
            tiers.Add(i / 1000.0);
        }

        var (tier1, _) = tiers.Cutoffs();
        var justBelow = tier1 - 0.01;
        Assert.Equal(2, tiers.TierOf(justBelow));
        Assert.Equal(1, tiers.TierOf(justBelow, current: 1));
        Assert.Equal(2, tiers.TierOf(tier1 - 0.05, current: 1));

        // Growth that moves the cut-off by less than the band flips nobody.
        for (var i = 0; i < 10; i++)
        {
            tiers.Add(0.995);
        }

        Assert.Equal(1, tiers.TierOf(justBelow, current: 1));

        // Growth that moves it further does move the company.
        for (var i = 0; i < 100; i++)
        {
            tiers.Add(0.995);
        }

        Assert.Equal(2, tiers.TierOf(justBelow, current: 1));
    }

    [Fact]
    public void RemovingAPriority_UndoesAdding()
    {
        var tiers = new TierCutoffs(0.2, 0.3);
        tiers.Add(0.9);
        tiers.Add(0.1);
        tiers.Remove(0.9);

        Assert.Equal(1, tiers.Count);
        Assert.Equal(1, tiers.TierOf(0.1));
    }
}
