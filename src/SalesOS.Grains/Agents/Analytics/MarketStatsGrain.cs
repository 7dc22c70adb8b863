using SalesOS.Contracts;
using SalesOS.Contracts.Prospecting;

namespace SalesOS.Grains.Agents.Analytics;

[GenerateSerializer]
[Alias("SalesOS.Prospecting.MarketStatsRecord")]
public sealed class MarketStatsRecord
{
    [Id(0)] public Dictionary<ProspectingStep, long> Succeeded { get; set; } = [];
    [Id(1)] public Dictionary<ProspectingStep, long> Failed { get; set; } = [];
    [Id(2)] public Dictionary<string, long> ErrorsByReason { get; set; } = [];
    [Id(3)] public DateTimeOffset? FirstStepAt { get; set; }
    [Id(4)] public DateTimeOffset? LastStepAt { get; set; }
}

/// <summary>
/// Counts a market's agent steps. Counting is in memory and the totals are written at most every few
/// seconds, so a busy market costs one write per interval, not one per step; a crash loses at most
/// those seconds of counts, never business state.
/// </summary>
public sealed class MarketStatsGrain(
    [PersistentState("market-stats", StorageNames.Grains)] IPersistentState<MarketStatsRecord> state,
    TimeProvider clock) : Grain, IMarketStatsGrain
{
    private const int MaxReasons = 50;
    private static readonly TimeSpan WriteEvery = TimeSpan.FromSeconds(5);

    // Completions per step and minute (Unix minutes) for the last 15 minutes.
    private readonly Dictionary<(ProspectingStep Step, long Minute), int> perMinute = [];
    private bool dirty;
    private IGrainTimer? writer;

    public Task Record(ProspectingStep step, bool succeeded, string? error)
    {
        var now = clock.GetUtcNow();
        var totals = succeeded ? state.State.Succeeded : state.State.Failed;
        totals[step] = totals.GetValueOrDefault(step) + 1;
        state.State.FirstStepAt ??= now;
        state.State.LastStepAt = now;
        if (!succeeded && !string.IsNullOrWhiteSpace(error))
        {
            var reason = Reason(error);
            if (state.State.ErrorsByReason.ContainsKey(reason) || state.State.ErrorsByReason.Count < MaxReasons)
            {
                state.State.ErrorsByReason[reason] = state.State.ErrorsByReason.GetValueOrDefault(reason) + 1;
            }
            else
            {
                state.State.ErrorsByReason["other"] = state.State.ErrorsByReason.GetValueOrDefault("other") + 1;
            }
        }

        if (succeeded)
        {
            var minute = now.ToUnixTimeSeconds() / 60;
            perMinute[(step, minute)] = perMinute.GetValueOrDefault((step, minute)) + 1;
            if (perMinute.Count > 64)
            {
                foreach (var old in perMinute.Keys.Where(k => k.Minute <= minute - 15).ToList())
                {
                    perMinute.Remove(old);
                }
            }
        }

        dirty = true;
        writer ??= this.RegisterGrainTimer(WriteAsync, new GrainTimerCreationOptions(WriteEvery, WriteEvery));
        return Task.CompletedTask;
    }

    public Task<MarketThroughput> Get()
    {
        var minute = clock.GetUtcNow().ToUnixTimeSeconds() / 60;
        var steps = Enum.GetValues<ProspectingStep>().Select(step =>
        {
            var last1 = perMinute.Where(m => m.Key.Step == step && m.Key.Minute >= minute - 1).Sum(m => m.Value);
            var last15 = perMinute.Where(m => m.Key.Step == step && m.Key.Minute > minute - 15).Sum(m => m.Value);
            return new StepThroughput(step, state.State.Succeeded.GetValueOrDefault(step), state.State.Failed.GetValueOrDefault(step), last1 / 2.0, last15 / 15.0);
        }).ToList();
        return Task.FromResult(new MarketThroughput(steps, new Dictionary<string, long>(state.State.ErrorsByReason), state.State.FirstStepAt, state.State.LastStepAt));
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => await WriteAsync();

    private async Task WriteAsync()
    {
        if (!dirty)
        {
            writer?.Dispose();
            writer = null;
            return;
        }

        dirty = false;
        await state.WriteStateAsync();
    }

    // "Enrich: connection refused (shop.example)" and "... (other.example)" are one reason: the
    // words before any parenthesis or colon detail, bounded.
    private static string Reason(string error)
    {
        var text = error.Split('(', 2)[0].Trim();
        return text.Length <= 120 ? text : text[..120];
    }
}
