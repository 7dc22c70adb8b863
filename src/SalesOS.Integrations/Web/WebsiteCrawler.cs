using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Xml;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SalesOS.Prospecting.Enrichment;
using SalesOS.Prospecting.Ports;

namespace SalesOS.Integrations.Web;

/// <summary>
/// Reads a company's website politely: robots.txt first, then the home page, then the best careers, pricing,
/// news, press, blog, about and team pages found in the home page's links and the sitemap. One HttpClient for
/// all crawls; redirects followed by hand so they stay on the company's site.
/// </summary>
public sealed class WebsiteCrawler : IWebsiteCrawler, IDisposable
{
    private static readonly PageKind[] KindsToFetch = [PageKind.Careers, PageKind.Pricing, PageKind.News, PageKind.Press, PageKind.Blog, PageKind.About, PageKind.Team];

    private readonly CrawlerOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly HttpClient client;
    private readonly HostPoliteness politeness;
    private readonly string robotsToken;

    public WebsiteCrawler(IOptions<CrawlerOptions> options, TimeProvider? timeProvider = null, ILogger<WebsiteCrawler>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        if (this.options.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"SalesOS:Crawler:Scheme must be http or https, not '{this.options.Scheme}'.", nameof(options));
        }

        time = timeProvider ?? TimeProvider.System;
        this.logger = logger ?? NullLogger<WebsiteCrawler>.Instance;
        politeness = new HostPoliteness(time);
        var slash = this.options.UserAgent.IndexOf('/', StringComparison.Ordinal);
        robotsToken = (slash > 0 ? this.options.UserAgent[..slash] : this.options.UserAgent).Trim().ToLowerInvariant();

        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            UseCookies = false,
            ConnectTimeout = this.options.PageTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(20),
            MaxConnectionsPerServer = 8,
        };
        if (!string.IsNullOrWhiteSpace(this.options.ConnectTo))
        {
            var target = ParseEndpoint(this.options.ConnectTo);
            handler.ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(target, cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", this.options.UserAgent);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5");
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "en;q=1.0, *;q=0.5");
    }

    public void Dispose() => client.Dispose();

    public async Task<WebsiteCrawl> CrawlAsync(string domain, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        var host = NormaliseDomain(domain);
        var pages = new List<CrawledPage>();
        var errors = new List<CrawlError>();
        using var crawlCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        crawlCts.CancelAfter(options.CrawlTimeout);
        var token = crawlCts.Token;
        var current = SiteUri(host, "/");
        try
        {
            // robots.txt decides whether and how fast we may read the site.
            var site = new SiteState(host, options.PolitenessDelay);
            var robots = await LoadRobotsAsync(site, errors, token).ConfigureAwait(false);
            if (robots is null)
            {
                return new WebsiteCrawl(host, pages, errors, DisallowedByRobots: false);
            }

            if (!robots.IsAllowed("/"))
            {
                return new WebsiteCrawl(host, pages, errors, DisallowedByRobots: true);
            }

            var home = await FetchAsync(site, current, PageKind.Home, html: true, token).ConfigureAwait(false);
            if (home.Error is not null)
            {
                errors.Add(home.Error);
                return new WebsiteCrawl(host, pages, errors, DisallowedByRobots: false);
            }

            // The home page may live on the www (or apex) host: the rest of the crawl follows it there.
            if (!string.Equals(home.Url.Host, site.Host, StringComparison.OrdinalIgnoreCase))
            {
                site = new SiteState(home.Url.Host, options.PolitenessDelay);
                robots = await LoadRobotsAsync(site, errors, token).ConfigureAwait(false) ?? robots;
            }

            var homeScan = HtmlScan.Parse(home.Body!);
            pages.Add(home.ToPage(PageKind.Home, HtmlScan.FingerprintOfText(homeScan.VisibleText()), time.GetUtcNow()));

            var candidates = new Dictionary<PageKind, (Uri Url, int Score)>();
            var fetched = new HashSet<string>(StringComparer.Ordinal) { home.Url.AbsoluteUri, current.AbsoluteUri };
            foreach (var a in homeScan.Anchors)
            {
                if (Uri.TryCreate(home.Url, a.Href, out var link) && OnSite(site, link))
                {
                    Consider(candidates, Canonical(site, link), a.Text, fromHome: true);
                }
            }

            foreach (var url in await ReadSitemapsAsync(site, robots, errors, token).ConfigureAwait(false))
            {
                Consider(candidates, url, null, fromHome: false);
            }

            foreach (var kind in KindsToFetch)
            {
                if (pages.Count >= options.MaxPages)
                {
                    break;
                }

                if (!candidates.TryGetValue(kind, out var candidate) || !fetched.Add(candidate.Url.AbsoluteUri))
                {
                    continue;
                }

                current = candidate.Url;
                if (!robots.IsAllowed(candidate.Url.PathAndQuery))
                {
                    errors.Add(new CrawlError(candidate.Url, "disallowed by robots.txt", Transient: false));
                    continue;
                }

                var result = await FetchAsync(site, candidate.Url, kind, html: true, token).ConfigureAwait(false);
                if (result.Error is not null)
                {
                    errors.Add(result.Error);
                    continue;
                }

                pages.Add(result.ToPage(kind, HtmlScan.Fingerprint(result.Body!), time.GetUtcNow()));
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            errors.Add(new CrawlError(current, $"crawl timed out after {options.CrawlTimeout.TotalSeconds:0.#} s", Transient: true));
        }

        return new WebsiteCrawl(host, pages, errors, DisallowedByRobots: false);
    }

    /// <summary>The rules to follow, or null when the site must not be crawled now (robots.txt failed transiently).</summary>
    private async Task<RobotsRules?> LoadRobotsAsync(SiteState site, List<CrawlError> errors, CancellationToken token)
    {
        var url = SiteUri(site.Host, "/robots.txt");
        var result = await FetchAsync(site, url, PageKind.Other, html: false, token).ConfigureAwait(false);
        if (result.Error is null)
        {
            var rules = RobotsRules.Parse(result.Body!, robotsToken);
            if (rules.CrawlDelay is { } crawlDelay && crawlDelay > site.Delay)
            {
                site.Delay = crawlDelay;
            }

            return rules;
        }

        if (result.Status is >= 400 and < 500 && result.Status != 429)
        {
            // No robots.txt (or one we may not read) means no restrictions.
            return RobotsRules.AllowAll;
        }

        errors.Add(result.Status >= 500
            ? new CrawlError(url, $"robots.txt answered {result.Status}: the site is treated as disallowed until it answers", Transient: true)
            : result.Error);
        return null;
    }

    private async Task<List<Uri>> ReadSitemapsAsync(SiteState site, RobotsRules robots, List<CrawlError> errors, CancellationToken token)
    {
        var queue = new Queue<Uri>();
        foreach (var s in robots.Sitemaps)
        {
            if (Uri.TryCreate(s, UriKind.Absolute, out var u) && OnSite(site, u))
            {
                queue.Enqueue(Canonical(site, u));
            }
        }

        if (queue.Count == 0)
        {
            queue.Enqueue(SiteUri(site.Host, "/sitemap.xml"));
        }

        var urls = new List<Uri>();
        var files = 0;
        while (queue.Count > 0 && files < 3 && urls.Count < options.MaxSitemapUrls)
        {
            var sitemap = queue.Dequeue();
            files++;
            if (!robots.IsAllowed(sitemap.PathAndQuery))
            {
                continue;
            }

            var result = await FetchAsync(site, sitemap, PageKind.Other, html: false, token).ConfigureAwait(false);
            if (result.Error is not null)
            {
                if (result.Status != 404)
                {
                    errors.Add(result.Error);
                }

                continue;
            }

            try
            {
                using var reader = XmlReader.Create(new StringReader(result.Body!), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true });
                var index = false;
                while (reader.Read() && urls.Count < options.MaxSitemapUrls)
                {
                    if (reader.NodeType != XmlNodeType.Element)
                    {
                        continue;
                    }

                    if (reader.LocalName == "sitemapindex")
                    {
                        index = true;
                    }
                    else if (reader.LocalName == "loc"
                        && Uri.TryCreate(reader.ReadElementContentAsString().Trim(), UriKind.Absolute, out var loc) && OnSite(site, loc))
                    {
                        if (index)
                        {
                            queue.Enqueue(Canonical(site, loc));
                        }
                        else
                        {
                            urls.Add(Canonical(site, loc));
                        }
                    }
                }
            }
            catch (XmlException e)
            {
                errors.Add(new CrawlError(sitemap, $"sitemap is not valid XML: {e.Message}", Transient: false));
            }
        }

        return urls;
    }

    private async Task<FetchResult> FetchAsync(SiteState site, Uri url, PageKind kind, bool html, CancellationToken crawlToken)
    {
        _ = kind;
        var current = url;
        var visited = new HashSet<string>(StringComparer.Ordinal) { url.AbsoluteUri };
        for (var redirects = 0; ; redirects++)
        {
            using var turn = await politeness.TakeTurnAsync(SiteKey(current.Host), site.Delay, crawlToken).ConfigureAwait(false);
            using var pageCts = CancellationTokenSource.CreateLinkedTokenSource(crawlToken);
            pageCts.CancelAfter(options.PageTimeout);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, pageCts.Token).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    var next = new Uri(current, location);
                    if (redirects >= options.MaxRedirects)
                    {
                        return FetchResult.Failed(current, status, $"more than {options.MaxRedirects} redirects", transient: false);
                    }

                    if (!OnSite(site, next) && !SameSite(site.Host, next.Host))
                    {
                        return FetchResult.Failed(current, status, $"redirected off-site to {next}", transient: false);
                    }

                    next = Canonical(new SiteState(next.Host, site.Delay), next);
                    if (!visited.Add(next.AbsoluteUri))
                    {
                        return FetchResult.Failed(current, status, $"redirect loop at {next}", transient: false);
                    }

                    current = next;
                    continue;
                }

                if (status >= 500 || status == 429)
                {
                    return FetchResult.Failed(current, status, $"HTTP {status}", transient: true);
                }

                if (status >= 300)
                {
                    return FetchResult.Failed(current, status, $"HTTP {status}", transient: false);
                }

                var mediaType = response.Content.Headers.ContentType?.MediaType;
                if (html && mediaType is not null && !mediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)
                    && !mediaType.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase))
                {
                    return FetchResult.Failed(current, status, $"content type {mediaType} is not HTML", transient: false);
                }

                var body = await ReadBodyAsync(response.Content, pageCts.Token).ConfigureAwait(false);
                return new FetchResult(current, status, body, Headers(response), Cookies(response), null);
            }
            catch (OperationCanceledException) when (!crawlToken.IsCancellationRequested)
            {
                return FetchResult.Failed(current, 0, $"no answer within {options.PageTimeout.TotalSeconds:0.#} s", transient: true);
            }
            catch (HttpRequestException e)
            {
                logger.LogDebug(e, "Fetching {Url} failed", current);
                return FetchResult.Failed(current, 0, $"connection failed: {e.HttpRequestError} {e.InnerException?.Message ?? e.Message}", transient: true);
            }
            catch (IOException e)
            {
                return FetchResult.Failed(current, 0, $"connection broke: {e.Message}", transient: true);
            }
        }
    }

    private async Task<string> ReadBodyAsync(HttpContent content, CancellationToken token)
    {
        var max = options.MaxPageBytes;
        var stream = await content.ReadAsStreamAsync(token).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var initial = (int)Math.Clamp(content.Headers.ContentLength ?? 32 * 1024, 1024, max);
            var buffer = ArrayPool<byte>.Shared.Rent(initial);
            var length = 0;
            try
            {
                while (length < max)
                {
                    if (length == buffer.Length)
                    {
                        var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(max, buffer.Length * 2));
                        buffer.AsSpan(0, length).CopyTo(bigger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }

                    var read = await stream.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, max) - length), token).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                }

                return EncodingOf(content.Headers.ContentType).GetString(buffer, 0, length);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private static Encoding EncodingOf(MediaTypeHeaderValue? contentType)
    {
        var charset = contentType?.CharSet?.Trim('"', ' ');
        if (string.IsNullOrEmpty(charset) || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return Encoding.UTF8;
        }

        try
        {
            return Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }

    private static Dictionary<string, string> Headers(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.NonValidated)
        {
            if (!name.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase))
            {
                headers[name.ToLowerInvariant()] = string.Join(", ", values);
            }
        }

        foreach (var (name, values) in response.Content.Headers.NonValidated)
        {
            headers[name.ToLowerInvariant()] = string.Join(", ", values);
        }

        return headers;
    }

    private static List<string> Cookies(HttpResponseMessage response)
    {
        var cookies = new List<string>();
        if (response.Headers.NonValidated.TryGetValues("Set-Cookie", out var values))
        {
            foreach (var v in values)
            {
                cookies.Add(v);
            }
        }

        return cookies;
    }

    // ---- Page discovery ----

    private static readonly (PageKind Kind, string[] Segments, string[] Anchors)[] KindRules =
    [
        (PageKind.Careers, ["careers", "career", "jobs", "join-us", "join", "work-with-us", "hiring", "open-positions", "openings", "vacancies"], ["careers", "jobs", "join us", "we're hiring", "we are hiring", "work with us", "open positions"]),
        (PageKind.Blog, ["blog", "articles", "insights"], ["blog"]),
        (PageKind.Press, ["press", "newsroom", "press-releases", "media", "in-the-news"], ["press", "newsroom", "press releases", "media"]),
        (PageKind.News, ["news", "announcements", "updates"], ["news", "announcements"]),
        (PageKind.Pricing, ["pricing", "plans", "prices", "plans-and-pricing"], ["pricing", "plans", "plans & pricing"]),
        (PageKind.Team, ["team", "leadership", "people", "our-team", "management", "founders", "meet-the-team"], ["team", "our team", "leadership", "meet the team", "people"]),
        (PageKind.About, ["about", "about-us", "company", "who-we-are", "our-story"], ["about", "about us", "company", "our story"]),
    ];

    /// <summary>What kind of page a link points at, from its path (deepest telling segment wins) or its text.</summary>
    public static PageKind? Classify(Uri url, string? anchorText)
    {
        ArgumentNullException.ThrowIfNull(url);
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var s = segments.Length - 1; s >= 0; s--)
        {
            var segment = segments[s].ToLowerInvariant();
            var dot = segment.LastIndexOf('.');
            if (dot > 0)
            {
                segment = segment[..dot];
            }

            foreach (var (kind, names, _) in KindRules)
            {
                if (Array.IndexOf(names, segment) >= 0)
                {
                    return kind;
                }
            }
        }

        if (anchorText is { Length: > 0 and < 40 })
        {
            var text = anchorText.Trim().ToLowerInvariant();
            foreach (var (kind, _, anchors) in KindRules)
            {
                if (Array.IndexOf(anchors, text) >= 0)
                {
                    return kind;
                }
            }
        }

        return null;
    }

    private static void Consider(Dictionary<PageKind, (Uri Url, int Score)> candidates, Uri url, string? anchorText, bool fromHome)
    {
        if (url.AbsolutePath.Length <= 1 || Classify(url, anchorText) is not { } kind)
        {
            return;
        }

        // Shallow pages are index pages (/careers rather than /careers/backend-engineer); links from the home page beat sitemap entries.
        var depth = url.AbsolutePath.Count(c => c == '/') - (url.AbsolutePath.EndsWith('/') ? 1 : 0);
        var score = (depth * 10) + (fromHome ? 0 : 1) + (url.Query.Length > 0 ? 5 : 0);
        if (!candidates.TryGetValue(kind, out var best) || score < best.Score
            || (score == best.Score && url.AbsoluteUri.Length < best.Url.AbsoluteUri.Length))
        {
            candidates[kind] = (url, score);
        }
    }

    // ---- Sites and hosts ----

    private Uri SiteUri(string host, string pathAndQuery) => new($"{options.Scheme}://{host}{pathAndQuery}");

    /// <summary>The same page on the crawl's scheme, without fragment or explicit port.</summary>
    private Uri Canonical(SiteState site, Uri url)
    {
        _ = site;
        var builder = new UriBuilder(url) { Scheme = options.Scheme, Port = -1, Fragment = string.Empty };
        return builder.Uri;
    }

    private static bool OnSite(SiteState site, Uri url) =>
        url.Scheme is "http" or "https" && SameSite(site.Host, url.Host);

    private static bool SameSite(string a, string b) =>
        string.Equals(SiteKey(a), SiteKey(b), StringComparison.OrdinalIgnoreCase);

    private static string SiteKey(string host) =>
        host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;

    private static string NormaliseDomain(string domain)
    {
        var d = domain.Trim();
        if (d.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(d, UriKind.Absolute, out var u))
        {
            d = u.Host;
        }

        var slash = d.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            d = d[..slash];
        }

        return d.TrimEnd('.').ToLowerInvariant();
    }

    private static EndPoint ParseEndpoint(string hostPort)
    {
        var colon = hostPort.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(hostPort.AsSpan(colon + 1), out var port))
        {
            throw new ArgumentException($"SalesOS:Crawler:ConnectTo must be host:port, not '{hostPort}'.", nameof(hostPort));
        }

        var host = hostPort[..colon].Trim('[', ']');
        return IPAddress.TryParse(host, out var ip) ? new IPEndPoint(ip, port) : new DnsEndPoint(host, port);
    }

    private sealed class SiteState(string host, TimeSpan delay)
    {
        public string Host { get; } = host;

        public TimeSpan Delay { get; set; } = delay;
    }

    private sealed record FetchResult(Uri Url, int Status, string? Body, Dictionary<string, string>? Headers, List<string>? Cookies, CrawlError? Error)
    {
        public static FetchResult Failed(Uri url, int status, string reason, bool transient) =>
            new(url, status, null, null, null, new CrawlError(url, reason, transient));

        public CrawledPage ToPage(PageKind kind, string fingerprint, DateTimeOffset at) =>
            new(Url, kind, Status, Body!, Headers!, Cookies!, fingerprint, at);
    }
}
