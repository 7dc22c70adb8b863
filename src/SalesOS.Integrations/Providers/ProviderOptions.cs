namespace SalesOS.Integrations.Providers;

/// <summary>
/// What every data-provider connector is configured with: its key, where it lives, what a call costs and
/// how hard to retry. A vendor's own options derive from this and add what only that vendor has.
/// </summary>
public abstract class ProviderOptions
{
    /// <summary>Empty means the connector is not configured: it is registered but never called.</summary>
    public string? ApiKey { get; set; }

    public string BaseUrl { get; set; } = "";

    /// <summary>The vendor's published limit for this key; 0 means no local limit.</summary>
    public int RequestsPerMinute { get; set; }

    /// <summary>How many requests may go at once before the per-minute pace applies (token bucket size).</summary>
    public int Burst { get; set; } = 1;

    /// <summary>Credits (or currency) one successful billable call costs.</summary>
    public decimal CostPerCall { get; set; } = 1m;

    public int PageSize { get; set; } = 100;

    /// <summary>Attempts per request including the first; 1 disables retries.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>First back-off delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A Retry-After longer than this is not waited for: the call fails as transient instead.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Share of failed calls in the sampling window that opens the circuit.</summary>
    public double CircuitFailureRatio { get; set; } = 0.5;

    public int CircuitMinimumThroughput { get; set; } = 20;

    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    public bool HasApiKey => !string.IsNullOrWhiteSpace(ApiKey);
}
