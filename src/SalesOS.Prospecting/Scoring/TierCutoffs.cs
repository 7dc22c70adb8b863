namespace SalesOS.Prospecting.Scoring;

/// <summary>
/// Tiers by percentile within a market: the top <c>tier1Share</c> of priorities is Tier 1, the next
/// <c>tier2Share</c> Tier 2, the rest Tier 3. Kept as a histogram of priorities (1,000 bins), so
/// placing a company and reading the cut-offs cost the same at 100 or 100,000 companies.
/// </summary>
public sealed class TierCutoffs(double tier1Share, double tier2Share, double hysteresis = 0.02)
{
    private const int Bins = 1000;
    private readonly int[] histogram = new int[Bins];

    public int Count { get; private set; }

    public double Hysteresis { get; } = hysteresis;

    public void Add(double priority)
    {
        histogram[Bin(priority)]++;
        Count++;
    }

    public void Remove(double priority)
    {
        var bin = Bin(priority);
        if (histogram[bin] > 0)
        {
            histogram[bin]--;
            Count--;
        }
    }

    /// <summary>The lowest priority still in Tier 1, and in Tier 2.</summary>
    public (double Tier1, double Tier2) Cutoffs()
    {
        if (Count == 0)
        {
            return (1, 1);
        }

        var tier1Rank = Math.Max(1, (int)Math.Ceiling(Count * tier1Share));
        var tier2Rank = Math.Max(tier1Rank, (int)Math.Ceiling(Count * (tier1Share + tier2Share)));
        double? tier1 = null;
        var seen = 0;
        for (var bin = Bins - 1; bin >= 0; bin--)
        {
            seen += histogram[bin];
            if (tier1 is null && seen >= tier1Rank)
            {
                tier1 = (double)bin / Bins;
            }

            if (seen >= tier2Rank)
            {
                return (tier1 ?? (double)bin / Bins, (double)bin / Bins);
            }
        }

        return (tier1 ?? 0, 0);
    }

    /// <summary>
    /// The tier for a priority. With a <paramref name="current"/> tier, a priority within the
    /// hysteresis band of a cut-off keeps it, so companies near a boundary do not flip back and forth
    /// as the market grows.
    /// </summary>
    public int TierOf(double priority, int? current = null)
    {
        var (tier1, tier2) = Cutoffs();
        var tier = priority >= tier1 ? 1 : priority >= tier2 ? 2 : 3;
        if (current is not (1 or 2 or 3) || current == tier)
        {
            return tier;
        }

        var boundary = Math.Min(tier, current.Value) == 1 ? tier1 : tier2;
        return Math.Abs(priority - boundary) <= Hysteresis ? current.Value : tier;
    }

    private static int Bin(double priority) => Math.Clamp((int)(priority * Bins), 0, Bins - 1);
}
