using Microsoft.Extensions.Options;
using SalesOS.Prospecting.Ports;

namespace SalesOS.Grains.Agents.RateLimiting;

/// <summary>Requests per minute allowed per provider across the whole cluster (section <c>SalesOS:RateLimits</c>, e.g. <c>SalesOS:RateLimits:apollo=100</c>).</summary>
public sealed class ProviderRateLimitOptions
{
    public const string SectionName = "SalesOS:RateLimits";

    public Dictionary<string, int> RequestsPerMinute { get; init; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["apollo"] = 100,
        ["hunter"] = 300,
    };

    /// <summary>For a provider not listed.</summary>
    public int DefaultRequestsPerMinute { get; set; } = 60;

    public int For(string provider) => Math.Max(1, RequestsPerMinute.TryGetValue(provider, out var limit) ? limit : DefaultRequestsPerMinute);
}

[Alias("SalesOS.Agents.IProviderRateLimitGrain")]
public interface IProviderRateLimitGrain : IGrainWithStringKey
{
    /// <summary>Books the next free slot for one call and returns how long the caller must wait for it.</summary>
    [Alias("Reserve")]
    Task<TimeSpan> Reserve();
}

/// <summary>
/// One provider's rate limit for the whole cluster: a single activation (keyed by provider name)
/// hands out evenly spaced call slots, so however many silos call the provider, together they stay
/// within its published limit. A small burst (a tenth of a minute's allowance) is allowed after idle time.
/// </summary>
public sealed class ProviderRateLimitGrain(IOptions<ProviderRateLimitOptions> options, TimeProvider clock) : Grain, IProviderRateLimitGrain
{
    private DateTimeOffset nextSlot = DateTimeOffset.MinValue;

    public Task<TimeSpan> Reserve()
    {
        var perMinute = options.Value.For(this.GetPrimaryKeyString());
        var interval = TimeSpan.FromMinutes(1) / perMinute;
        var burst = interval * Math.Max(1, perMinute / 10);
        var now = clock.GetUtcNow();
        var slot = nextSlot < now - burst ? now - burst : nextSlot;
        nextSlot = slot + interval;
        return Task.FromResult(slot > now ? slot - now : TimeSpan.Zero);
    }
}

/// <summary>The <see cref="IProviderRateLimiter"/> the connectors use inside a silo: asks the provider's cluster-wide grain for a slot and waits for it.</summary>
public sealed class ClusterProviderRateLimiter(IGrainFactory grains, TimeProvider clock) : IProviderRateLimiter
{
    public async ValueTask AcquireAsync(string provider, CancellationToken cancellationToken)
    {
        var wait = await grains.GetGrain<IProviderRateLimitGrain>(provider.ToLowerInvariant()).Reserve();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock, cancellationToken);
        }
    }
}
