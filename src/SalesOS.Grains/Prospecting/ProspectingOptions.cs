namespace SalesOS.Grains.Prospecting;

/// <summary>How the prospecting agents pace and retry their work (section <c>SalesOS:Prospecting</c>).</summary>
public sealed class ProspectingOptions
{
    public const string SectionName = "SalesOS:Prospecting";

    /// <summary>A step with no news for this long is taken as lost (its silo died) and run again.</summary>
    public TimeSpan StepTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Period of each company's watchdog reminder while it is in the automatic steps (at least the reminder minimum).</summary>
    public TimeSpan WatchdogPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Attempts of one step before the company fails with the last error.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Wait before the second attempt; doubles for each further attempt.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Enrichment steps (crawls, provider calls) one silo runs at the same time; contact finding and scoring get half as many each.</summary>
    public int ConcurrentSteps { get; set; } = 64;

    /// <summary>Re-crawl an enriched company's website this often to detect changes (0 disables).</summary>
    public TimeSpan RecrawlInterval { get; set; } = TimeSpan.FromDays(7);
}
