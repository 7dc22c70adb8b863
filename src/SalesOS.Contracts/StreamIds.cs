namespace SalesOS.Contracts;

/// <summary>Names of the Orleans stream provider and the stream namespaces every publisher and consumer share.</summary>
public static class StreamIds
{
    /// <summary>The stream provider every SalesOS event travels on.</summary>
    public const string Provider = "SalesOS";

    /// <summary>Events of the plumbing probe (<see cref="Diagnostics.IProbeGrain"/>), keyed by probe id.</summary>
    public const string ProbeEvents = "probe-events";

    /// <summary>Changes of companies, keyed by workspace id: one ordered stream per workspace.</summary>
    public const string CompanyEvents = "company-events";

    /// <summary>Changes of contacts, keyed by workspace id.</summary>
    public const string ContactEvents = "contact-events";

    /// <summary>Changes of deals, keyed by workspace id.</summary>
    public const string DealEvents = "deal-events";

    /// <summary>Changes of markets, keyed by workspace id.</summary>
    public const string MarketEvents = "market-events";
}
