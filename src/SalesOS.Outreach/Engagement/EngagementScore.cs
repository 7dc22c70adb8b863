using System.Globalization;

namespace SalesOS.Outreach.Engagement;

/// <summary>Something a contact did (or we did to them) that says how engaged they are.</summary>
public enum TouchKind
{
    EmailSent,
    EmailOpened,
    EmailClicked,

    /// <summary>A reply not (yet) classified; record the classified kind instead when it is known.</summary>
    Replied,
    ReplyInterested,
    ReplyNotInterested,
    CallConnected,
    CallConversation,
    SmsReplied,
    PageVisit,
    MeetingBooked,
    LinkedInAccepted,
    LinkedInReplied,
}

/// <summary>
/// How much each touch counts and how fast engagement fades. The defaults, and why:
/// a send is our action, not theirs (0); an open is weak evidence because privacy proxies open mail by
/// themselves (1); a click or a page visit is a deliberate look (3, 2); an accepted LinkedIn invitation or a
/// call picked up is a small yes (2); any reply, a LinkedIn reply or an SMS reply is a conversation (5, 5, 4);
/// a real call conversation more (6); an interested reply is the goal of outreach (10) and a booked meeting
/// beyond it (15). "Not interested" is −10: it must outweigh the opens and clicks before it so the contact
/// drops to the bottom of the queue, and like every touch it fades, because a no this quarter is often a
/// maybe next quarter.
/// </summary>
public sealed record EngagementWeights(IReadOnlyDictionary<TouchKind, double> Weights, TimeSpan HalfLife)
{
    public static EngagementWeights Default { get; } = new(new Dictionary<TouchKind, double>
    {
        [TouchKind.EmailSent] = 0,
        [TouchKind.EmailOpened] = 1,
        [TouchKind.EmailClicked] = 3,
        [TouchKind.Replied] = 5,
        [TouchKind.ReplyInterested] = 10,
        [TouchKind.ReplyNotInterested] = -10,
        [TouchKind.CallConnected] = 2,
        [TouchKind.CallConversation] = 6,
        [TouchKind.SmsReplied] = 4,
        [TouchKind.PageVisit] = 2,
        [TouchKind.MeetingBooked] = 15,
        [TouchKind.LinkedInAccepted] = 2,
        [TouchKind.LinkedInReplied] = 5,
    }, TimeSpan.FromDays(14));

    public double WeightOf(TouchKind kind) =>
        Weights.TryGetValue(kind, out var weight) ? weight : throw new ArgumentOutOfRangeException(nameof(kind), kind, "No weight for this touch.");
}

/// <summary>A contact's engagement: <see cref="Value"/> as it stood at <see cref="At"/> (the latest touch).</summary>
public sealed record EngagementState(double Value, DateTimeOffset At)
{
    public static EngagementState None { get; } = new(0, DateTimeOffset.MinValue);
}

/// <summary>
/// Engagement as a decayed sum: each touch adds its weight, and everything halves every half-life.
/// Value(t) = Σ weightᵢ · 0.5^((t − tᵢ) / halfLife), so touches may arrive in any order (a late webhook,
/// a replayed event) and give the same value.
/// </summary>
public static class EngagementScore
{
    /// <summary>The engagement at which <see cref="Normalised"/> reaches 1 − 1/e ≈ 0.63: one interested reply.</summary>
    public const double Scale = 10;

    /// <summary>The state after a touch at <paramref name="at"/>, which may be earlier than the state's own time.</summary>
    public static EngagementState Add(EngagementState state, TouchKind kind, DateTimeOffset at, EngagementWeights? weights = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        weights ??= EngagementWeights.Default;
        var weight = weights.WeightOf(kind);
        if (at >= state.At)
        {
            return new EngagementState((state.Value * Decay(at - state.At, weights.HalfLife)) + weight, at);
        }

        // A touch from before the latest one: add what is left of it by the state's time.
        return state with { Value = state.Value + (weight * Decay(state.At - at, weights.HalfLife)) };
    }

    /// <summary>The engagement at <paramref name="at"/>; a time before the latest touch is read as that touch's time.</summary>
    public static double ValueAt(EngagementState state, DateTimeOffset at, EngagementWeights? weights = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        weights ??= EngagementWeights.Default;
        return at <= state.At ? state.Value : state.Value * Decay(at - state.At, weights.HalfLife);
    }

    /// <summary>
    /// Engagement on 0–1 for the priority: 1 − e^(−value / <see cref="Scale"/>), 0 for no or negative
    /// engagement. Two opens ≈ 0.18, a click and a visit ≈ 0.39, an interested reply ≈ 0.63, a meeting ≈ 0.78.
    /// </summary>
    public static double Normalised(EngagementState state, DateTimeOffset at, EngagementWeights? weights = null)
    {
        var value = ValueAt(state, at, weights);
        return value <= 0 ? 0 : 1 - Math.Exp(-value / Scale);
    }

    /// <summary>A line for people: the value now, on 0–1, and how long ago the latest touch was.</summary>
    public static string Explain(EngagementState state, DateTimeOffset at, EngagementWeights? weights = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        weights ??= EngagementWeights.Default;
        if (state.At == DateTimeOffset.MinValue)
        {
            return "No engagement yet.";
        }

        var value = ValueAt(state, at, weights);
        var ago = at > state.At ? at - state.At : TimeSpan.Zero;
        var mood = value switch
        {
            <= -0.5 => "declined",
            < 0.5 => "cold",
            < 5 => "warming",
            < 10 => "engaged",
            _ => "hot",
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"Engagement {value:0.0} ({Normalised(state, at, weights):0.00} of 1, {mood}); latest touch {ago.TotalDays:0.#} days ago, when it stood at {state.Value:0.0}; halves every {weights.HalfLife.TotalDays:0.#} days.");
    }

    private static double Decay(TimeSpan elapsed, TimeSpan halfLife) =>
        halfLife <= TimeSpan.Zero ? throw new ArgumentOutOfRangeException(nameof(halfLife), halfLife, "The half-life must be positive.")
            : Math.Pow(0.5, elapsed / halfLife);
}
