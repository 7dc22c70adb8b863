using SalesOS.Outreach.Engagement;
using static SalesOS.Tests.Outreach.Sequences.SendWindowsTests;

namespace SalesOS.Tests.Outreach.Engagement;

/// <summary>Engagement as a decayed sum of touches: decay, order independence, the 0–1 scale.</summary>
public sealed class EngagementScoreTests
{
    private static readonly DateTimeOffset T0 = Instant("2025-06-02T09:00:00Z");

    [Fact]
    public void ValueAt_HalvesEveryHalfLife()
    {
        var state = EngagementScore.Add(EngagementState.None, TouchKind.ReplyInterested, T0);

        Assert.Equal(10, EngagementScore.ValueAt(state, T0), 12);
        Assert.Equal(5, EngagementScore.ValueAt(state, T0.AddDays(14)), 12);
        Assert.Equal(2.5, EngagementScore.ValueAt(state, T0.AddDays(28)), 12);
        Assert.Equal(10 * Math.Pow(0.5, 3.5 / 14), EngagementScore.ValueAt(state, T0.AddDays(3.5)), 12);
    }

    [Fact]
    public void Add_DecaysTheOldValue_ThenAddsTheWeight()
    {
        var state = EngagementScore.Add(EngagementState.None, TouchKind.EmailClicked, T0);
        state = EngagementScore.Add(state, TouchKind.EmailOpened, T0.AddDays(14));

        Assert.Equal(T0.AddDays(14), state.At);
        Assert.Equal((3 * 0.5) + 1, state.Value, 12);
    }

    [Fact]
    public void TouchesInAnyOrder_GiveTheSameValue()
    {
        var random = new Random(7);
        var kinds = Enum.GetValues<TouchKind>();
        var touches = Enumerable.Range(0, 60)
            .Select(_ => (Kind: kinds[random.Next(kinds.Length)], At: T0.AddMinutes(random.Next(0, 60 * 24 * 90))))
            .ToList();
        var readAt = T0.AddDays(100);

        double Apply(IEnumerable<(TouchKind Kind, DateTimeOffset At)> order) =>
            EngagementScore.ValueAt(order.Aggregate(EngagementState.None, (s, t) => EngagementScore.Add(s, t.Kind, t.At)), readAt);

        var direct = touches.Sum(t => EngagementWeights.Default.WeightOf(t.Kind) * Math.Pow(0.5, (readAt - t.At) / TimeSpan.FromDays(14)));
        var chronological = Apply(touches.OrderBy(t => t.At));
        var reversed = Apply(touches.OrderByDescending(t => t.At));
        var shuffled = Apply(touches.OrderBy(_ => random.Next()));

        Assert.Equal(direct, chronological, 9);
        Assert.Equal(direct, reversed, 9);
        Assert.Equal(direct, shuffled, 9);
    }

    [Fact]
    public void ALateTouch_KeepsTheStatesTime()
    {
        var state = EngagementScore.Add(EngagementState.None, TouchKind.Replied, T0.AddDays(14));
        state = EngagementScore.Add(state, TouchKind.ReplyInterested, T0);

        Assert.Equal(T0.AddDays(14), state.At);
        Assert.Equal(5 + (10 * 0.5), state.Value, 12);
    }

    [Fact]
    public void Normalised_RunsFrom0To1_AlongTheDocumentedScale()
    {
        Assert.Equal(0, EngagementScore.Normalised(EngagementState.None, T0));
        Assert.Equal(1 - Math.Exp(-1), EngagementScore.Normalised(new EngagementState(EngagementScore.Scale, T0), T0), 12);

        var previous = 0.0;
        for (var value = 0.5; value < 200; value *= 1.5)
        {
            var normalised = EngagementScore.Normalised(new EngagementState(value, T0), T0);
            Assert.InRange(normalised, previous, 1);
            Assert.True(normalised > previous);
            previous = normalised;
        }
    }

    [Fact]
    public void NotInterested_OutweighsEarlierOpensAndClicks()
    {
        var state = EngagementState.None;
        state = EngagementScore.Add(state, TouchKind.EmailOpened, T0);
        state = EngagementScore.Add(state, TouchKind.EmailOpened, T0.AddHours(2));
        state = EngagementScore.Add(state, TouchKind.EmailClicked, T0.AddHours(3));
        state = EngagementScore.Add(state, TouchKind.ReplyNotInterested, T0.AddDays(1));

        Assert.True(EngagementScore.ValueAt(state, T0.AddDays(1)) < 0);
        Assert.Equal(0, EngagementScore.Normalised(state, T0.AddDays(1)));
        Assert.Contains("declined", EngagementScore.Explain(state, T0.AddDays(1)), StringComparison.Ordinal);
    }

    [Fact]
    public void SendingAlone_IsNotEngagement()
    {
        var state = EngagementScore.Add(EngagementState.None, TouchKind.EmailSent, T0);

        Assert.Equal(0, EngagementScore.Normalised(state, T0));
    }

    [Fact]
    public void EveryTouchKind_HasADefaultWeight()
    {
        foreach (var kind in Enum.GetValues<TouchKind>())
        {
            _ = EngagementWeights.Default.WeightOf(kind);
        }

        Assert.True(EngagementWeights.Default.WeightOf(TouchKind.MeetingBooked) > EngagementWeights.Default.WeightOf(TouchKind.ReplyInterested));
        Assert.True(EngagementWeights.Default.WeightOf(TouchKind.ReplyInterested) > EngagementWeights.Default.WeightOf(TouchKind.EmailClicked));
        Assert.True(EngagementWeights.Default.WeightOf(TouchKind.EmailClicked) > EngagementWeights.Default.WeightOf(TouchKind.EmailOpened));
    }

    [Fact]
    public void CustomWeights_AndHalfLife_AreUsed()
    {
        var weights = new EngagementWeights(new Dictionary<TouchKind, double> { [TouchKind.PageVisit] = 4 }, TimeSpan.FromDays(7));

        var state = EngagementScore.Add(EngagementState.None, TouchKind.PageVisit, T0, weights);

        Assert.Equal(2, EngagementScore.ValueAt(state, T0.AddDays(7), weights), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => EngagementScore.Add(state, TouchKind.MeetingBooked, T0, weights));
    }

    [Fact]
    public void ValueAt_BeforeTheLatestTouch_IsTheValueAtThatTouch()
    {
        var state = EngagementScore.Add(EngagementState.None, TouchKind.MeetingBooked, T0);

        Assert.Equal(15, EngagementScore.ValueAt(state, T0.AddDays(-3)), 12);
    }

    [Fact]
    public void Explain_SaysTheValueTheScaleAndTheAge()
    {
        var state = EngagementScore.Add(EngagementState.None, TouchKind.ReplyInterested, T0);

        Assert.Equal("No engagement yet.", EngagementScore.Explain(EngagementState.None, T0));
        Assert.Equal("Engagement 5.0 (0.39 of 1, engaged); latest touch 14 days ago, when it stood at 10.0; halves every 14 days.",
            EngagementScore.Explain(state, T0.AddDays(14)));
    }
}
