using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SalesOS.Prospecting.Demo;

namespace SalesOS.Testing;

/// <summary>One response a fixture site gives for a path.</summary>
public sealed record FixtureResponse(int StatusCode, string ContentType, string Body, IReadOnlyList<KeyValuePair<string, string>>? Headers = null)
{
    public static FixtureResponse Html(string body, params KeyValuePair<string, string>[] headers) => new(200, "text/html; charset=utf-8", body, headers);
}

/// <summary>A request the fixture server received.</summary>
public sealed record FixtureRequest(string Host, string Path, DateTimeOffset At);

/// <summary>
/// A website served by <see cref="FixtureWebServer"/>, chosen by the Host header: hand-written pages and/or a
/// <see cref="SampleCompanyProfile"/> rendered by <see cref="SampleWebsite"/>, plus hooks to misbehave.
/// </summary>
public sealed class FixtureSite(string host)
{
    public string Host { get; } = host.ToLowerInvariant();

    /// <summary>Hand-written pages by path ("/", "/careers", "/robots.txt"...); they win over the sample website.</summary>
    public ConcurrentDictionary<string, FixtureResponse> Pages { get; } = new(StringComparer.OrdinalIgnoreCase);

    public SampleCompanyProfile? Sample { get; init; }

    /// <summary>Served as /robots.txt when set (and no page overrides it).</summary>
    public string? RobotsTxt { get; set; }

    /// <summary>Added before every answer of this site.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Per-path delays, on top of <see cref="Delay"/>.</summary>
    public ConcurrentDictionary<string, TimeSpan> PathDelays { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Per-path status codes answered with an empty body.</summary>
    public ConcurrentDictionary<string, int> StatusCodes { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Per-path redirects: Location may be absolute (another host) or a path.</summary>
    public ConcurrentDictionary<string, (int Status, string Location)> Redirects { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Per-path huge HTML bodies of the given size in bytes, streamed.</summary>
    public ConcurrentDictionary<string, long> HugeBodies { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Paths where the connection is dropped without an answer.</summary>
    public ConcurrentDictionary<string, bool> DropConnection { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Other host names answering with this site (e.g. the www. name).</summary>
    public List<string> Aliases { get; } = [];
}

/// <summary>
/// A Kestrel server on 127.0.0.1 that serves any number of fixture websites by Host header and logs every
/// request (host, path, time) so tests can check politeness and robots.txt compliance.
/// </summary>
public sealed class FixtureWebServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, FixtureSite> sites = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<FixtureRequest> log = new();
    private readonly WebApplication app;

    private FixtureWebServer(WebApplication app) => this.app = app;

    public int Port { get; private set; }

    /// <summary>"127.0.0.1:port", the crawler's ConnectTo.</summary>
    public string Endpoint => $"127.0.0.1:{Port}";

    public IReadOnlyList<FixtureRequest> Requests => [.. log];

    public static async Task<FixtureWebServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxConcurrentConnections = 10_000);
        var app = builder.Build();
        var server = new FixtureWebServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var url = new Uri(app.Urls.First());
        server.Port = url.Port;
        return server;
    }

    public FixtureSite AddSite(FixtureSite site)
    {
        ArgumentNullException.ThrowIfNull(site);
        sites[site.Host] = site;
        foreach (var alias in site.Aliases)
        {
            sites[alias] = site;
        }

        return site;
    }

    public FixtureSite AddSample(SampleCompanyProfile profile) => AddSite(new FixtureSite(profile.Domain) { Sample = profile });

    public IReadOnlyList<FixtureRequest> RequestsTo(string host) =>
        [.. log.Where(r => string.Equals(r.Host, host, StringComparison.OrdinalIgnoreCase))];

    public void ClearLog() => log.Clear();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var host = context.Request.Host.Host.ToLowerInvariant();
        var path = context.Request.Path.Value ?? "/";
        log.Enqueue(new FixtureRequest(host, path + context.Request.QueryString, DateTimeOffset.UtcNow));
        var aborted = context.RequestAborted;
        if (!sites.TryGetValue(host, out var site))
        {
            context.Response.StatusCode = 404;
            return;
        }

        try
        {
            var delay = site.Delay + site.PathDelays.GetValueOrDefault(path);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, aborted);
            }

            if (site.DropConnection.ContainsKey(path))
            {
                context.Abort();
                return;
            }

            if (site.Redirects.TryGetValue(path, out var redirect))
            {
                context.Response.StatusCode = redirect.Status;
                context.Response.Headers.Location = redirect.Location;
                return;
            }

            if (site.StatusCodes.TryGetValue(path, out var status))
            {
                context.Response.StatusCode = status;
                return;
            }

            if (site.HugeBodies.TryGetValue(path, out var size))
            {
                await WriteHugeAsync(context, size, aborted);
                return;
            }

            var response = site.Pages.GetValueOrDefault(path)
                ?? (path == "/robots.txt" && site.RobotsTxt is not null ? new FixtureResponse(200, "text/plain", site.RobotsTxt) : null);
            if (response is null && site.Sample is not null && SampleWebsite.Render(site.Sample, path) is { } sample)
            {
                response = new FixtureResponse(sample.StatusCode, sample.ContentType, sample.Body, sample.Headers);
            }

            if (response is null)
            {
                context.Response.StatusCode = 404;
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("<html><body><h1>Not found</h1></body></html>", aborted);
                return;
            }

            context.Response.StatusCode = response.StatusCode;
            context.Response.ContentType = response.ContentType;
            foreach (var (name, value) in response.Headers ?? [])
            {
                context.Response.Headers.Append(name, value);
            }

            await context.Response.WriteAsync(response.Body, aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client gave up (page timeout): nothing left to answer.
        }
        catch (IOException) when (aborted.IsCancellationRequested)
        {
        }
    }

    private static async Task WriteHugeAsync(HttpContext context, long size, CancellationToken aborted)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        var chunk = Encoding.UTF8.GetBytes(new StringBuilder().Insert(0, "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p>\n", 256).ToString());
        var head = "<html><head><title>Huge</title></head><body>\n"u8.ToArray();
        await context.Response.Body.WriteAsync(head, aborted);
        long written = head.Length;
        while (written < size)
        {
            var n = (int)Math.Min(chunk.Length, size - written);
            await context.Response.Body.WriteAsync(chunk.AsMemory(0, n), aborted);
            written += n;
        }
    }
}
