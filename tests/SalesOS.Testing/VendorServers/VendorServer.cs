using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SalesOS.Testing.VendorServers;

/// <summary>A request as the vendor server saw it, with when it arrived (for pacing checks).</summary>
public sealed class VendorRequest
{
    public required TimeSpan At { get; init; }
    public required string Method { get; init; }
    public required string Path { get; init; }
    public required IReadOnlyDictionary<string, string> Query { get; init; }
    public required IReadOnlyDictionary<string, string> Headers { get; init; }
    public required string Body { get; init; }
    public int Status { get; internal set; }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

public enum VendorFaultKind
{
    Status,
    Unauthorized,
    QuotaExhausted,
    Slow,
    MalformedJson,
}

/// <summary>What the next scripted requests get instead of a normal answer.</summary>
public sealed record VendorFault(VendorFaultKind Kind, int StatusCode = 0, TimeSpan? RetryAfter = null, TimeSpan Delay = default)
{
    public static VendorFault TooManyRequests(TimeSpan? retryAfter = null) => new(VendorFaultKind.Status, 429, retryAfter);

    public static VendorFault ServerError(int statusCode = 500) => new(VendorFaultKind.Status, statusCode);

    public static VendorFault WithStatus(int statusCode, TimeSpan? retryAfter = null) => new(VendorFaultKind.Status, statusCode, retryAfter);

    public static VendorFault Unauthorized { get; } = new(VendorFaultKind.Unauthorized);

    public static VendorFault QuotaExhausted { get; } = new(VendorFaultKind.QuotaExhausted);

    public static VendorFault MalformedJson { get; } = new(VendorFaultKind.MalformedJson);

    /// <summary>Answers normally, but only after <paramref name="delay"/>.</summary>
    public static VendorFault Slow(TimeSpan delay) => new(VendorFaultKind.Slow, Delay: delay);
}

/// <summary>
/// A vendor API on 127.0.0.1 answering from an in-memory dataset, with an API-key check, scriptable faults
/// and a log of every request. Each vendor subclass maps its documented routes and error shapes.
/// </summary>
public abstract class VendorServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<VendorRequest> log = new();
    private readonly Queue<VendorFault> faults = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private WebApplication? app;

    protected VendorServer(string apiKey)
    {
        ApiKey = apiKey;
    }

    public string ApiKey { get; set; }

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<VendorRequest> Requests => [.. log];

    /// <summary>The next <paramref name="count"/> requests get <paramref name="fault"/>, in order after earlier scripted ones.</summary>
    public void FailNext(int count, VendorFault fault)
    {
        lock (faults)
        {
            for (var i = 0; i < count; i++)
            {
                faults.Enqueue(fault);
            }
        }
    }

    public void ClearRequests() => log.Clear();

    protected async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.Use(async (context, next) =>
        {
            var entry = await RecordAsync(context.Request);
            try
            {
                if (await ApplyFaultAsync(context) || !await CheckAuthAsync(context))
                {
                    return;
                }

                await next(context);
            }
            finally
            {
                entry.Status = context.Response.StatusCode;
            }
        });
        MapRoutes(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
    }

    protected abstract void MapRoutes(WebApplication app);

    protected abstract bool IsAuthorized(HttpRequest request);

    /// <summary>The vendor's error body for <paramref name="status"/>, in its documented shape.</summary>
    protected abstract JsonObject ErrorBody(int status, string id, string message);

    protected abstract (int Status, JsonObject Body) QuotaExhaustedAnswer();

    protected static IResult JsonAnswer(JsonNode body, int status = 200) =>
        Results.Content(body.ToJsonString(), "application/json", statusCode: status);

    private async Task<VendorRequest> RecordAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var entry = new VendorRequest
        {
            At = clock.Elapsed,
            Method = request.Method,
            Path = request.Path.Value ?? "",
            Query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            Headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            Body = body,
        };
        request.HttpContext.Items["body"] = body;
        log.Enqueue(entry);
        return entry;
    }

    protected static string BodyOf(HttpContext context) => context.Items["body"] as string ?? "";

    private async Task<bool> ApplyFaultAsync(HttpContext context)
    {
        VendorFault? fault;
        lock (faults)
        {
            faults.TryDequeue(out fault);
        }

        switch (fault)
        {
            case null:
                return false;
            case { Kind: VendorFaultKind.Slow }:
                await Task.Delay(fault.Delay, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return context.RequestAborted.IsCancellationRequested;
            case { Kind: VendorFaultKind.Unauthorized }:
                await WriteAsync(context, 401, ErrorBody(401, "authentication_failed", "Invalid API key"));
                return true;
            case { Kind: VendorFaultKind.QuotaExhausted }:
                var (status, body) = QuotaExhaustedAnswer();
                await WriteAsync(context, status, body);
                return true;
            case { Kind: VendorFaultKind.MalformedJson }:
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"organization\": {\"name\": \"Trunc");
                return true;
            default:
                if (fault.RetryAfter is { } retryAfter)
                {
                    context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                await WriteAsync(context, fault.StatusCode, ErrorBody(fault.StatusCode, fault.StatusCode == 429 ? "too_many_requests" : "server_error", $"scripted {fault.StatusCode}"));
                return true;
        }
    }

    private async Task<bool> CheckAuthAsync(HttpContext context)
    {
        if (IsAuthorized(context.Request))
        {
            return true;
        }

        await WriteAsync(context, 401, ErrorBody(401, "authentication_failed", "No user found for the API key supplied"));
        return false;
    }

    private static async Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    protected static int QueryInt(HttpRequest request, string name, int fallback) =>
        int.TryParse(request.Query[name].ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
