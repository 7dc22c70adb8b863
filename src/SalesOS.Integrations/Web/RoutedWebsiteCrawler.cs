using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesOS.Prospecting.Ports;

namespace SalesOS.Integrations.Web;

/// <summary>
/// Sends some sites somewhere other than where DNS would: each route names a domain suffix and the
/// endpoint and scheme its sites are read from. SalesOS routes the demo source's sample websites
/// (".example") to its own HTTP port; tests route their fixture sites to a loopback server. Sites no
/// route matches are crawled as configured in "SalesOS:Crawler".
/// </summary>
public sealed class RoutedWebsiteCrawler : IWebsiteCrawler, IDisposable
{
    private readonly WebsiteCrawler fallback;
    private readonly List<(string Suffix, WebsiteCrawler Crawler)> routes = [];

    public RoutedWebsiteCrawler(WebsiteCrawler fallback, IOptions<CrawlerOptions> options, IOptions<CrawlerRouteOptions> routeOptions, TimeProvider time, ILogger<WebsiteCrawler>? logger = null)
    {
        this.fallback = fallback;
        foreach (var route in routeOptions.Value.Routes.Where(r => r.Suffix is not null && r.ConnectTo is not null).OrderByDescending(r => r.Suffix!.Length))
        {
            var routed = options.Value.RoutedTo(route.ConnectTo!, route.Scheme);
            routes.Add((route.Suffix!.ToLowerInvariant(), new WebsiteCrawler(Options.Create(routed), time, logger)));
        }
    }

    public Task<WebsiteCrawl> CrawlAsync(string domain, CancellationToken cancellationToken)
    {
        foreach (var (suffix, crawler) in routes)
        {
            if (domain.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return crawler.CrawlAsync(domain, cancellationToken);
            }
        }

        return fallback.CrawlAsync(domain, cancellationToken);
    }

    public void Dispose()
    {
        foreach (var (_, crawler) in routes)
        {
            crawler.Dispose();
        }
    }
}

/// <summary>Routes from "SalesOS:Crawler:Routes": e.g. Routes:0:Suffix=.example, Routes:0:ConnectTo=127.0.0.1:5080, Routes:0:Scheme=http.</summary>
public sealed class CrawlerRouteOptions
{
    public List<CrawlerRoute> Routes { get; init; } = [];
}

public sealed class CrawlerRoute
{
    /// <summary>Domain suffix such as ".example"; "" matches every site.</summary>
    public string? Suffix { get; set; }

    public string? ConnectTo { get; set; }

    public string? Scheme { get; set; }
}
