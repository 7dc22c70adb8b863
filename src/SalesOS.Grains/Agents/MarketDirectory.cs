using System.Collections.Concurrent;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Markets;

namespace SalesOS.Grains.Agents;

/// <summary>
/// The agents' view of the markets: definitions and states, read from the market grains and kept for
/// a few seconds per silo, so a hundred thousand companies do not each ask their market the same thing.
/// </summary>
public sealed class MarketDirectory(IGrainFactory grains, TimeProvider clock)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(3);
    private readonly ConcurrentDictionary<string, (MarketSnapshot? Market, DateTimeOffset ReadAt)> cache = new();

    public async Task<MarketSnapshot?> GetAsync(string workspaceId, string marketId)
    {
        var key = WorkspaceKey.For(workspaceId, marketId);
        var now = clock.GetUtcNow();
        if (cache.TryGetValue(key, out var entry) && now - entry.ReadAt < Freshness)
        {
            return entry.Market;
        }

        var market = await grains.GetGrain<IMarketGrain>(key).Get();
        cache[key] = (market, now);
        return market;
    }

    /// <summary>The first of the company's markets that is active, or null when none is (nothing to do yet).</summary>
    public async Task<MarketSnapshot?> FirstActiveAsync(string workspaceId, IEnumerable<string> marketIds)
    {
        foreach (var marketId in marketIds)
        {
            if (await GetAsync(workspaceId, marketId) is { State: MarketState.Active } market)
            {
                return market;
            }
        }

        return null;
    }

    public void Forget(string workspaceId, string marketId) => cache.TryRemove(WorkspaceKey.For(workspaceId, marketId), out _);
}
