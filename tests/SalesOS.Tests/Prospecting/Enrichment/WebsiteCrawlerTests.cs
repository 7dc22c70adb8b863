using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SalesOS.Integrations.Web;
using SalesOS.Prospecting.Ports;
using SalesOS.Testing;

namespace SalesOS.Tests.Prospecting.Enrichment;

public sealed class WebsiteCrawlerTests : IAsyncLifetime
{
    private FixtureWebServer server = null!;

    public async Task InitializeAsync() => server = await FixtureWebServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    internal static WebsiteCrawler Crawler(FixtureWebServer server, Action<CrawlerOptions>? configure = null)
    {
        var options = new CrawlerOptions { Scheme = "http", ConnectTo = server.Endpoint, PolitenessDelay = TimeSpan.Zero, PageTimeout = TimeSpan.FromSeconds(5), CrawlTimeout = TimeSpan.FromSeconds(20) };
        configure?.Invoke(options);
        return new WebsiteCrawler(Options.Create(options));
    }

    private static string Html(string body) => $"<!DOCTYPE html><html><head><title>Site</title></head><body>{body}</body></html>";

    private FixtureSite Site(string host, params (string Path, string Body)[] pages)
    {
        var site = new FixtureSite(host);
        foreach (var (path, body) in pages)
        {
            site.Pages[path] = FixtureResponse.Html(Html(body));
        }

        return server.AddSite(site);
    }

    /// <summary>The first requests of a fresh server and client are slow (JIT, connections): timing tests start after them.</summary>
    private async Task WarmUpAsync(WebsiteCrawler crawler)
    {
        Site("warm-up.example", ("/", """<a href="/pricing">Pricing</a>"""), ("/pricing", "p"));
        await crawler.CrawlAsync("warm-up.example", CancellationToken.None);
    }

    private const string HomeLinks = """<nav><a href="/pricing">Pricing</a> <a href="/careers">Careers</a> <a href="/about-us">About us</a> <a href="/blog/">Blog</a> <a href="https://twitter.com/acme">Twitter</a> <a href="/careers/backend-engineer">Backend engineer</a></nav>""";

    [Fact]
    public async Task Crawl_fetches_home_and_the_best_page_of_each_kind_once()
    {
        Site("acme.example", ("/", HomeLinks), ("/pricing", "<h1>Pricing</h1>"), ("/careers", "<h1>Jobs</h1>"), ("/about-us", "<h1>About</h1>"), ("/blog/", "<h1>Blog</h1>"), ("/careers/backend-engineer", "<h1>Engineer</h1>"));
        using var crawler = Crawler(server);
        var crawl = await crawler.CrawlAsync("acme.example", CancellationToken.None);

        Assert.True(crawl.Reachable);
        Assert.Equal(
            new[] { (PageKind.Home, "/"), (PageKind.Careers, "/careers"), (PageKind.Pricing, "/pricing"), (PageKind.Blog, "/blog/"), (PageKind.About, "/about-us") },
            crawl.Pages.Select(p => (p.Kind, p.Url.AbsolutePath)).ToArray());
        Assert.All(crawl.Pages, p => Assert.Matches("^[0-9a-f]{64}$", p.Fingerprint));
        var paths = server.RequestsTo("acme.example").Select(r => r.Path).ToList();
        Assert.Equal(paths.Count, paths.Distinct().Count());
        Assert.DoesNotContain("/careers/backend-engineer", paths);
        Assert.Equal("/robots.txt", paths[0]);
    }

    [Fact]
    public async Task Robots_group_for_our_token_wins_over_star_and_disallowed_pages_are_not_requested()
    {
        var site = Site("robots.example", ("/", HomeLinks), ("/pricing", "<h1>Pricing</h1>"), ("/careers", "<h1>Jobs</h1>"), ("/about-us", "<h1>About</h1>"));
        site.RobotsTxt = "User-agent: *\nDisallow: /careers\n\nUser-agent: SalesOSBot\nDisallow: /pricing$\nDisallow: /about*\nAllow: /careers\n";
        using var crawler = Crawler(server);
        var crawl = await crawler.CrawlAsync("robots.example", CancellationToken.None);

        var paths = server.RequestsTo("robots.example").Select(r => r.Path).ToList();
        Assert.Contains("/careers", paths);
        Assert.DoesNotContain("/pricing", paths);
        Assert.DoesNotContain("/about-us", paths);
        Assert.Contains(crawl.Errors, e => e.Url.AbsolutePath == "/pricing" && e.Reason.Contains("robots", StringComparison.Ordinal) && !e.Transient);
        Assert.False(crawl.DisallowedByRobots);
    }

    [Fact]
    public async Task Robots_disallow_all_fetches_nothing_else()
    {
        var site = Site("closed.example", ("/", HomeLinks));
        site.RobotsTxt = "User-agent: *\nDisallow: /\n";
        using var crawler = Crawler(server);
        var crawl = await crawler.CrawlAsync("closed.example", CancellationToken.None);
        Assert.True(crawl.DisallowedByRobots);
        Assert.Empty(crawl.Pages);
        Assert.Equal(new[] { "/robots.txt" }, server.RequestsTo("closed.example").Select(r => r.Path));
    }

    [Fact]
    public async Task Robots_5xx_defers_the_crawl_transiently_and_robots_404_allows_all()
    {
        var failing = Site("robots503.example", ("/", HomeLinks));
        failing.StatusCodes["/robots.txt"] = 503;
        Site("norobots.example", ("/", "<h1>Hi</h1>"));
        using var crawler = Crawler(server);

        var deferred = await crawler.CrawlAsync("robots503.example", CancellationToken.None);
        Assert.Empty(deferred.Pages);
        Assert.True(deferred.FailedTransiently);
        Assert.False(deferred.DisallowedByRobots);
        Assert.Equal(new[] { "/robots.txt" }, server.RequestsTo("robots503.example").Select(r => r.Path));

        var open = await crawler.CrawlAsync("norobots.example", CancellationToken.None);
        Assert.Single(open.Pages);
    }

    [Fact]
    public async Task Politeness_delay_spaces_requests_to_a_host_even_across_concurrent_crawls()
    {
        Site("polite.example", ("/", """<a href="/pricing">Pricing</a><a href="/careers">Careers</a>"""), ("/pricing", "p"), ("/careers", "c"));
        var delay = TimeSpan.FromMilliseconds(250);
        using var crawler = Crawler(server, o => o.PolitenessDelay = delay);
        await WarmUpAsync(crawler);
        await Task.WhenAll(crawler.CrawlAsync("polite.example", CancellationToken.None), crawler.CrawlAsync("polite.example", CancellationToken.None));

        var times = server.RequestsTo("polite.example").Select(r => r.At).Order().ToList();
        Assert.True(times.Count >= 8, $"{times.Count} requests");
        var gaps = times.Zip(times.Skip(1), (a, b) => b - a).ToList();
        Assert.All(gaps, g => Assert.True(g >= delay - TimeSpan.FromMilliseconds(30), $"gap {g.TotalMilliseconds} ms"));
    }

    [Fact]
    public async Task Crawl_delay_in_robots_raises_the_politeness_delay()
    {
        var site = Site("slow.example", ("/", """<a href="/pricing">Pricing</a><a href="/careers">Careers</a>"""), ("/pricing", "p"), ("/careers", "c"));
        site.RobotsTxt = "User-agent: *\nCrawl-delay: 0.4\n";
        using var crawler = Crawler(server);
        await WarmUpAsync(crawler);
        var crawl = await crawler.CrawlAsync("slow.example", CancellationToken.None);
        Assert.Equal(3, crawl.Pages.Count);

        var times = server.RequestsTo("slow.example").Select(r => r.At).Order().ToList();
        var gaps = times.Zip(times.Skip(1), (a, b) => b - a).ToList();
        Assert.True(gaps.Count >= 3);
        Assert.All(gaps, g => Assert.True(g >= TimeSpan.FromMilliseconds(370), $"gap {g.TotalMilliseconds} ms"));
    }

    [Fact]
    public async Task Sitemap_index_from_robots_discovers_pages_not_linked_from_home()
    {
        var site = Site("mapped.example", ("/", "<h1>Welcome</h1>"), ("/company/leadership", "<h1>Leadership</h1>"), ("/jobs", "<h1>Jobs</h1>"));
        site.RobotsTxt = "User-agent: *\nAllow: /\nSitemap: https://mapped.example/sitemaps/index.xml\n";
        site.Pages["/sitemaps/index.xml"] = new FixtureResponse(200, "application/xml", """<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://mapped.example/sitemaps/pages.xml</loc></sitemap></sitemapindex>""");
        site.Pages["/sitemaps/pages.xml"] = new FixtureResponse(200, "application/xml", """<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://mapped.example/</loc></url><url><loc>https://mapped.example/company/leadership</loc></url><url><loc>https://mapped.example/jobs</loc></url><url><loc>https://elsewhere.example/pricing</loc></url></urlset>""");
        using var crawler = Crawler(server);
        var crawl = await crawler.CrawlAsync("mapped.example", CancellationToken.None);
        Assert.Contains(crawl.Pages, p => p.Kind == PageKind.Team && p.Url.AbsolutePath == "/company/leadership");
        Assert.Contains(crawl.Pages, p => p.Kind == PageKind.Careers && p.Url.AbsolutePath == "/jobs");
        Assert.Empty(server.RequestsTo("elsewhere.example"));
    }

    [Fact]
    public async Task Plain_sitemap_xml_is_used_when_robots_names_none()
    {
        var site = Site("plainmap.example", ("/", "<h1>Welcome</h1>"), ("/plans", "<h1>Plans</h1>"));
        site.Pages["/sitemap.xml"] = new FixtureResponse(200, "text/xml", """<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://plainmap.example/plans</loc></url></urlset>""");
        using var crawler = Crawler(server);
        var crawl = await crawler.CrawlAsync("plainmap.example", CancellationToken.None);
        Assert.Contains(crawl.Pages, p => p.Kind == PageKind.Pricing);
    }

    [Fact]
    public async Task Redirect_to_www_is_followed_and_the_crawl_continues_there()
    {
        var apex = new FixtureSite("moved.example");
        apex.Redirects["/"] = (301, "http://www.moved.example/");
        server.AddSite(apex);
        Site("www.moved.example", ("/", """<a href="/pricing">Pricing</a>"""), ("/pricing", "<h1>Pricing</h1>"));
        using var crawler = Crawler(server);
        var crawl = await crawler.CrawlAsync("moved.example", CancellationToken.None);
        Assert.Equal(new[] { "http://www.moved.example/", "http://www.moved.example/pricing" }, crawl.Pages.Select(p => p.Url.AbsoluteUri));
    }

    [Fact]
    public async Task Redirect_loops_chains_and_off_site_redirects_are_permanent_errors()
    {
        var loop = new FixtureSite("loop.example");
        loop.Redirects["/"] = (302, "/a");
        loop.Redirects["/a"] = (302, "/");
        server.AddSite(loop);
        var chain = new FixtureSite("chain.example");
        chain.Redirects["/"] = (301, "/r1");
        for (var i = 1; i <= 8; i++)
        {
            chain.Redirects[$"/r{i}"] = (301, $"/r{i + 1}");
        }

        server.AddSite(chain);
        var away = new FixtureSite("away.example");
        away.Redirects["/"] = (301, "https://parked-domains.example/landing");
        server.AddSite(away);
        using var crawler = Crawler(server, o => o.MaxRedirects = 5);

        var l = await crawler.CrawlAsync("loop.example", CancellationToken.None);
        Assert.Contains(l.Errors, e => e.Reason.Contains("loop", StringComparison.Ordinal) && !e.Transient);
        var c = await crawler.CrawlAsync("chain.example", CancellationToken.None);
        Assert.Contains(c.Errors, e => e.Reason.Contains("more than 5 redirects", StringComparison.Ordinal) && !e.Transient);
        Assert.Equal(7, server.RequestsTo("chain.example").Count); // robots.txt + the first six hops
        var a = await crawler.CrawlAsync("away.example", CancellationToken.None);
        Assert.Contains(a.Errors, e => e.Reason.Contains("off-site", StringComparison.Ordinal) && !e.Transient);
        Assert.Empty(server.RequestsTo("parked-domains.example"));
        Assert.All(new[] { l, c, a }, x => Assert.False(x.Reachable));
    }

    [Fact]
    public async Task Huge_page_is_cut_at_the_size_limit_and_kept()
    {
        var site = Site("huge.example");
        site.HugeBodies["/"] = 20L * 1024 * 1024;
        using var crawler = Crawler(server, o => o.MaxPageBytes = 64 * 1024);
        var sw = Stopwatch.StartNew();
        var crawl = await crawler.CrawlAsync("huge.example", CancellationToken.None);
        var home = Assert.Single(crawl.Pages);
        Assert.InRange(home.Html.Length, 60 * 1024, 64 * 1024);
        Assert.StartsWith("<html><head><title>Huge", home.Html, StringComparison.Ordinal);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Page_timeout_is_a_transient_error()
    {
        var site = Site("sleepy.example", ("/", "<h1>Hi</h1>"));
        site.PathDelays["/"] = TimeSpan.FromSeconds(10);
        using var crawler = Crawler(server, o => o.PageTimeout = TimeSpan.FromMilliseconds(300));
        var sw = Stopwatch.StartNew();
        var crawl = await crawler.CrawlAsync("sleepy.example", CancellationToken.None);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(3), $"{sw.Elapsed}");
        Assert.True(crawl.FailedTransiently);
        Assert.Contains(crawl.Errors, e => e.Reason.StartsWith("no answer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Crawl_timeout_returns_what_was_read()
    {
        var site = Site("slowpages.example", ("/", """<a href="/pricing">Pricing</a>"""), ("/pricing", "p"));
        site.PathDelays["/pricing"] = TimeSpan.FromSeconds(10);
        using var crawler = Crawler(server, o => o.CrawlTimeout = TimeSpan.FromSeconds(2));
        var crawl = await crawler.CrawlAsync("slowpages.example", CancellationToken.None);
        Assert.Single(crawl.Pages);
        Assert.Contains(crawl.Errors, e => e.Reason.StartsWith("crawl timed out", StringComparison.Ordinal) && e.Transient);
    }

    [Theory]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(429, true)]
    [InlineData(404, false)]
    [InlineData(410, false)]
    [InlineData(403, false)]
    public async Task Status_codes_are_classified(int status, bool transient)
    {
        var host = $"status{status}.example";
        var site = Site(host);
        site.StatusCodes["/"] = status;
        using var crawler = Crawler(server);
        var crawl = await crawler.CrawlAsync(host, CancellationToken.None);
        var error = Assert.Single(crawl.Errors);
        Assert.Equal(transient, error.Transient);
        Assert.Equal(transient, crawl.FailedTransiently);
    }

    [Fact]
    public async Task Refused_and_dropped_connections_are_transient()
    {
        var closedPort = FreePorts.Next();
        using var refused = Crawler(server, o => o.ConnectTo = $"127.0.0.1:{closedPort}");
        var r = await refused.CrawlAsync("nobody.example", CancellationToken.None);
        Assert.True(r.FailedTransiently);

        var site = Site("dropper.example", ("/", "<h1>Hi</h1>"));
        site.DropConnection["/"] = true;
        using var crawler = Crawler(server);
        var d = await crawler.CrawlAsync("dropper.example", CancellationToken.None);
        Assert.True(d.FailedTransiently);
    }

    [Fact]
    public async Task Only_html_is_kept()
    {
        var site = Site("mixed.example", ("/", """<a href="/pricing">Pricing</a><a href="/careers">Careers</a>"""), ("/careers", "<h1>Jobs</h1>"));
        site.Pages["/pricing"] = new FixtureResponse(200, "application/pdf", "%PDF-1.7 ...");
        using var crawler = Crawler(server);
        var crawl = await crawler.CrawlAsync("mixed.example", CancellationToken.None);
        Assert.DoesNotContain(crawl.Pages, p => p.Kind == PageKind.Pricing);
        Assert.Contains(crawl.Pages, p => p.Kind == PageKind.Careers);
        Assert.Contains(crawl.Errors, e => e.Reason.Contains("application/pdf", StringComparison.Ordinal) && !e.Transient);
    }

    [Fact]
    public async Task Headers_and_cookies_are_kept_and_options_bind_from_configuration()
    {
        var site = Site("headers.example");
        site.Pages["/"] = FixtureResponse.Html(Html("<h1>Hi</h1>"), new("Server", "cloudflare"), new("Set-Cookie", "__cf_bm=abc; Path=/"), new("Set-Cookie", "_ga=GA1.1.1; Path=/"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SalesOS:Crawler:Scheme"] = "http",
            ["SalesOS:Crawler:ConnectTo"] = server.Endpoint,
            ["SalesOS:Crawler:PolitenessDelay"] = "00:00:00",
            ["SalesOS:Crawler:MaxPages"] = "3",
        }).Build();
        await using var provider = new ServiceCollection().AddSalesOSWebsiteCrawler(configuration).BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<CrawlerOptions>>().Value;
        Assert.Equal((3, TimeSpan.Zero, "SalesOSBot/1.0 (+https://salesos.dev/bot)"), (options.MaxPages, options.PolitenessDelay, options.UserAgent));

        var crawl = await provider.GetRequiredService<IWebsiteCrawler>().CrawlAsync("headers.example", CancellationToken.None);
        var home = Assert.Single(crawl.Pages);
        Assert.Equal("cloudflare", home.Headers["server"]);
        Assert.Equal(2, home.Cookies.Count);
    }
}
