using System.Globalization;
using SalesOS.Contracts.Companies;
using SalesOS.Contracts.Prospecting;

namespace SalesOS.Prospecting.Scoring;

/// <summary>
/// How likely a company is to buy now, 0–1, from its signals: each signal adds evidence that fades
/// with age (half-life per kind), combined so that several weak signals approach but never pass 1.
/// Each factor quotes its evidence: what, when, where (URL) and the words seen.
/// </summary>
public static class IntentScorer
{
    private static readonly Dictionary<string, (double Weight, double HalfLifeDays)> Kinds = new(StringComparer.Ordinal)
    {
        [SignalKinds.Funding] = (0.45, 180),
        [SignalKinds.Hiring] = (0.30, 60),
        [SignalKinds.WebsiteChange] = (0.15, 30),
        [SignalKinds.News] = (0.10, 90),
        [SignalKinds.Technology] = (0.10, 120),
    };

    public static ScoreExplanation Score(IEnumerable<CompanySignal> signals, DateTimeOffset now, IReadOnlyCollection<string>? salesRelevantDepartments = null)
    {
        var factors = new List<ScoreFactor>();
        var remaining = 1.0;
        foreach (var signal in signals.OrderByDescending(s => s.ObservedAt))
        {
            if (!Kinds.TryGetValue(signal.Kind, out var kind))
            {
                continue;
            }

            var ageDays = Math.Max(0, (now - signal.ObservedAt).TotalDays);
            var weight = kind.Weight * Math.Pow(0.5, ageDays / kind.HalfLifeDays);
            if (signal.Kind == SignalKinds.Hiring && salesRelevantDepartments is { Count: > 0 }
                && salesRelevantDepartments.Any(d => signal.Summary.Contains(d, StringComparison.OrdinalIgnoreCase)))
            {
                weight = Math.Min(0.6, weight * 1.5);
            }

            if (weight < 0.005)
            {
                continue;
            }

            var contribution = remaining * weight;
            remaining -= contribution;
            var evidence = signal.EvidenceUrl is null ? "" : $" ({signal.EvidenceUrl})";
            var snippet = string.IsNullOrWhiteSpace(signal.Snippet) ? "" : $": \"{signal.Snippet}\"";
            factors.Add(new ScoreFactor(signal.Kind, Math.Round(contribution, 4),
                $"{signal.Summary}, {signal.ObservedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}{evidence}{snippet}"));
        }

        if (factors.Count == 0)
        {
            return new ScoreExplanation(0, [new ScoreFactor("signals", 0, "No buying signal seen yet.")]);
        }

        return new ScoreExplanation(Math.Round(1 - remaining, 4), factors);
    }
}
