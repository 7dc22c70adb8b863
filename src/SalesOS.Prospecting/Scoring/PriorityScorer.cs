using SalesOS.Contracts.Companies;

namespace SalesOS.Prospecting.Scoring;

/// <summary>
/// Whom to work first: a weighted blend of fit, intent, the buying authority of the best contact and,
/// once outreach has begun, engagement. A part that is not known yet (engagement before any touch)
/// passes its weight to the others rather than counting as zero.
/// </summary>
public static class PriorityScorer
{
    public const double FitWeight = 0.40;
    public const double IntentWeight = 0.25;
    public const double AuthorityWeight = 0.25;
    public const double EngagementWeight = 0.10;

    public static ScoreExplanation Score(double fit, double intent, double? authority, double? engagement, string? authorityReason = null)
    {
        var parts = new List<(string Criterion, double Weight, double Value, string Reason)>
        {
            ("fit", FitWeight, fit, $"Fit {fit:0.00}"),
            ("intent", IntentWeight, intent, $"Intent {intent:0.00}"),
        };
        parts.Add(authority is { } a
            ? ("authority", AuthorityWeight, a, authorityReason ?? $"Best contact's buying authority {a:0.00}")
            : ("authority", AuthorityWeight, 0, "No contact found who could buy"));
        if (engagement is { } e)
        {
            parts.Add(("engagement", EngagementWeight, e, $"Engagement {e:0.00}"));
        }

        var total = parts.Sum(p => p.Weight);
        var factors = parts.Select(p => new ScoreFactor(p.Criterion, Math.Round(p.Weight / total * Math.Clamp(p.Value, 0, 1), 4), p.Reason)).ToList();
        return new ScoreExplanation(Math.Round(Math.Clamp(factors.Sum(f => f.Contribution), 0, 1), 4), factors);
    }
}
