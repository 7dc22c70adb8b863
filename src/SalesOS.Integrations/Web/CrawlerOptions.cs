namespace SalesOS.Integrations.Web;

/// <summary>Options of the website crawler, section "SalesOS:Crawler".</summary>
public sealed class CrawlerOptions
{
    public const string SectionName = "SalesOS:Crawler";

    /// <summary>Sent on every request; its product token (before '/') is the robots.txt user-agent we answer to.</summary>
    public string UserAgent { get; set; } = "SalesOSBot/1.0 (+https://salesos.dev/bot)";

    /// <summary>Minimum time between two requests to the same host, shared by all crawls; zero disables.</summary>
    public TimeSpan PolitenessDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A page is read up to this many bytes; what was read is kept.</summary>
    public int MaxPageBytes { get; set; } = 1024 * 1024;

    public TimeSpan PageTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan CrawlTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>HTML pages fetched per site, home page included.</summary>
    public int MaxPages { get; set; } = 12;

    public int MaxRedirects { get; set; } = 5;

    /// <summary>"https" (default) or "http": the scheme every page of a site is requested with.</summary>
    public string Scheme { get; set; } = "https";

    /// <summary>
    /// Optional "host:port": every TCP connection goes there whatever the URL's host (like curl --connect-to).
    /// For loopback fixture servers and the sample-data websites.
    /// </summary>
    public string? ConnectTo { get; set; }

    /// <summary>Page URLs taken from sitemaps at most (sitemap indexes are followed three files deep at most).</summary>
    public int MaxSitemapUrls { get; set; } = 500;

    /// <summary>These options with another endpoint and scheme: what a crawler route uses.</summary>
    public CrawlerOptions RoutedTo(string connectTo, string? scheme)
    {
        var routed = (CrawlerOptions)MemberwiseClone();
        routed.ConnectTo = connectTo;
        routed.Scheme = scheme ?? Scheme;
        return routed;
    }
}
