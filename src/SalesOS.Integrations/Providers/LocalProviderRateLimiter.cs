using System.Collections.Frozen;
using System.Threading.RateLimiting;
using SalesOS.Prospecting.Ports;

namespace SalesOS.Integrations.Providers;

/// <summary>A provider's pace: so many requests a minute, with a burst of so many at once.</summary>
public sealed record ProviderRate(string Provider, int RequestsPerMinute, int Burst);

/// <summary>
/// One token bucket per provider, for a single process. A cluster registers its shared limiter (a grain)
/// before <c>AddSalesOSProviders</c>, and then this one is not used. Providers without a rate are not held.
/// </summary>
public sealed class LocalProviderRateLimiter : IProviderRateLimiter, IDisposable
{
    private readonly FrozenDictionary<string, TokenBucketRateLimiter> buckets;

    public LocalProviderRateLimiter(IEnumerable<ProviderRate> rates)
    {
        var map = new Dictionary<string, TokenBucketRateLimiter>(StringComparer.OrdinalIgnoreCase);
        foreach (var rate in rates)
        {
            if (rate.RequestsPerMinute <= 0)
            {
                continue;
            }

            map[rate.Provider] = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, rate.Burst),
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1) / rate.RequestsPerMinute,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
        }

        buckets = map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    public async ValueTask AcquireAsync(string provider, CancellationToken cancellationToken)
    {
        if (!buckets.TryGetValue(provider, out var bucket))
        {
            return;
        }

        using var lease = await bucket.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            throw new InvalidOperationException($"Rate limiter for {provider} refused a permit.");
        }
    }

    public void Dispose()
    {
        foreach (var bucket in buckets.Values)
        {
            bucket.Dispose();
        }
    }
}
