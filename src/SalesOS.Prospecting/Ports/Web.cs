namespace SalesOS.Prospecting.Ports;

/// <summary>Reads a company's public website: home, careers/jobs, blog/news/press, pricing, about/team pages.</summary>
public interface IWebsiteCrawler
{
    Task<WebsiteCrawl> CrawlAsync(string domain, CancellationToken cancellationToken);
}

public enum PageKind
{
    Home,
    Careers,
    Blog,
    News,
    Press,
    Pricing,
    About,
    Team,
    Other,
}

/// <summary>One fetched page: the final URL after redirects, the HTML, and what the server said.</summary>
public sealed record CrawledPage(
    Uri Url,
    PageKind Kind,
    int StatusCode,
    string Html,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyList<string> Cookies,
    string Fingerprint,
    DateTimeOffset FetchedAt);

public sealed record CrawlError(Uri Url, string Reason, bool Transient);

/// <summary>What a crawl brought back. <see cref="Errors"/> with Transient=true are worth retrying later.</summary>
public sealed record WebsiteCrawl(
    string Domain,
    IReadOnlyList<CrawledPage> Pages,
    IReadOnlyList<CrawlError> Errors,
    bool DisallowedByRobots)
{
    public bool Reachable => Pages.Count > 0;

    public bool FailedTransiently => Pages.Count == 0 && Errors.Any(e => e.Transient);
}
