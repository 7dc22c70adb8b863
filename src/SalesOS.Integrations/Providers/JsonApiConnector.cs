using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using SalesOS.Prospecting.Ports;

namespace SalesOS.Integrations.Providers;

/// <summary>
/// The shared half of every JSON data-provider connector: authentication hook, request sending through the
/// named resilient <see cref="HttpClient"/> (rate limit, retries, timeouts and circuit breaker live in its
/// handlers, see <see cref="ProviderHttpClients"/>), and the mapping of HTTP outcomes to faults. A vendor
/// connector only builds requests and maps JSON to port records.
/// </summary>
public abstract class JsonApiConnector<TOptions> : IDataProvider
    where TOptions : ProviderOptions
{
    private readonly IHttpClientFactory clients;
    private readonly IOptionsMonitor<TOptions> options;
    private long spentMillionths;

    protected JsonApiConnector(string name, IHttpClientFactory clients, IOptionsMonitor<TOptions> options, ILogger logger)
    {
        Name = name;
        this.clients = clients;
        this.options = options;
        Logger = logger;
    }

    public string Name { get; }

    public virtual bool IsConfigured => Options.HasApiKey;

    /// <summary>Credits spent by this connector since start (billable successes only).</summary>
    public decimal TotalCost => Interlocked.Read(ref spentMillionths) / 1_000_000m;

    protected TOptions Options => options.CurrentValue;

    protected ILogger Logger { get; }

    /// <summary>Adds the vendor's credentials and any headers it asks for.</summary>
    protected abstract void PrepareRequest(HttpRequestMessage request, TOptions options);

    protected static HttpRequestMessage Get(string pathAndQuery) => new(HttpMethod.Get, pathAndQuery);

    /// <summary>A POST with a JSON body written straight to UTF-8, no intermediate DTOs.</summary>
    protected static HttpRequestMessage PostJson<TState>(string path, TState state, Action<Utf8JsonWriter, TState> writeBody)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writeBody(writer, state);
        }

        var content = new ReadOnlyMemoryContent(buffer.WrittenMemory);
        content.Headers.ContentType = new("application/json");
        return new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
    }

    /// <summary>
    /// Sends one request and maps the answer. <paramref name="map"/> reads the JSON root; it runs only for a
    /// success status. A 404 is "the vendor knows nothing" (<see cref="ApiResult{T}.Found"/> false, no cost).
    /// </summary>
    protected async Task<ApiResult<T>> SendAsync<T, TState>(
        HttpRequestMessage request, TState state, Func<JsonElement, TState, T?> map, CancellationToken cancellationToken)
    {
        using (request)
        {
            var current = Options;
            if (!current.HasApiKey)
            {
                return Failed<T>(new(ProviderFaultKind.NotConfigured, "no API key configured"));
            }

            PrepareRequest(request, current);
            HttpResponseMessage response;
            try
            {
                response = await clients.CreateClient(Name)
                    .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (TimeoutRejectedException)
            {
                return Failed<T>(new(ProviderFaultKind.Transient, "timed out"));
            }
            catch (BrokenCircuitException)
            {
                return Failed<T>(new(ProviderFaultKind.Transient, "circuit open after repeated failures"));
            }
            catch (HttpRequestException e)
            {
                return Failed<T>(new(ProviderFaultKind.Transient, e.Message));
            }
            catch (OperationCanceledException)
            {
                return Failed<T>(new(ProviderFaultKind.Transient, "timed out"));
            }

            using (response)
            {
                return await ReadAsync(response, state, map, current, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<ApiResult<T>> ReadAsync<T, TState>(
        HttpResponseMessage response, TState state, Func<JsonElement, TState, T?> map, TOptions current, CancellationToken cancellationToken)
    {
        var success = response.IsSuccessStatusCode;
        JsonDocument? document = null;
        try
        {
            try
            {
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    document = await JsonDocument.ParseAsync(stream, default, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (JsonException e) when (success)
            {
                return Failed<T>(new(ProviderFaultKind.Malformed, e.Message, (int)response.StatusCode));
            }
            catch (JsonException)
            {
                // An error page that is not JSON (a proxy's HTML 502): the status says enough.
            }
            catch (HttpRequestException e)
            {
                return Failed<T>(new(ProviderFaultKind.Transient, e.Message, (int)response.StatusCode));
            }

            var fault = ClassifyResponse(response, document?.RootElement);
            if (fault is not null)
            {
                return Failed<T>(fault);
            }

            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return new(default, 0m, null, Found: false);
            }

            if (document is null)
            {
                return Failed<T>(new(ProviderFaultKind.Malformed, "empty body", (int)response.StatusCode));
            }

            T? value;
            try
            {
                value = map(document.RootElement, state);
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException or KeyNotFoundException)
            {
                return Failed<T>(new(ProviderFaultKind.Malformed, e.Message, (int)response.StatusCode));
            }

            var cost = current.CostPerCall;
            Interlocked.Add(ref spentMillionths, (long)(cost * 1_000_000m));
            return new(value, cost, null, Found: value is not null);
        }
        finally
        {
            document?.Dispose();
        }
    }

    private ApiResult<T> Failed<T>(ProviderFault fault)
    {
        if (fault.Kind != ProviderFaultKind.NotConfigured)
        {
            Logger.LogWarning("Provider {Provider} call failed: {Fault}", Name, fault.Describe());
        }

        return new(default, 0m, fault);
    }

    /// <summary>
    /// Turns a response into a fault, or null when it carries data (or is a 404, "nothing known").
    /// The resilience pipeline has already retried what it could, so a 429 or 5xx seen here is final for now.
    /// Vendors override this for their own conventions (Hunter's 202 "still verifying", 403 "rate limited").
    /// </summary>
    protected virtual ProviderFault? ClassifyResponse(HttpResponseMessage response, JsonElement? body)
    {
        var status = (int)response.StatusCode;
        if (status is >= 200 and < 300 || status == 404)
        {
            return null;
        }

        var message = (body is { } root ? ReadErrorMessage(root) : null) ?? $"{status} {response.ReasonPhrase}";
        if (status == 402 || MentionsQuota(message))
        {
            return new(ProviderFaultKind.Quota, message, status);
        }

        return status switch
        {
            401 or 403 => new(ProviderFaultKind.BadKey, message, status),
            408 or 429 or >= 500 => new(ProviderFaultKind.Transient, message, status),
            _ => new(ProviderFaultKind.Rejected, message, status),
        };
    }

    /// <summary>Finds a human message in common error shapes: error, message, detail, errors[0].details.</summary>
    protected virtual string? ReadErrorMessage(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (root.TryGetProperty("error", out var error))
        {
            if (error.ValueKind == JsonValueKind.String)
            {
                return error.GetString();
            }

            if (error.ValueKind == JsonValueKind.Object && Json.Text(error, "message") is { } nested)
            {
                return nested;
            }
        }

        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
        {
            var first = errors[0];
            return first.ValueKind == JsonValueKind.String
                ? first.GetString()
                : Json.Text(first, "details") ?? Json.Text(first, "message") ?? Json.Text(first, "id");
        }

        return Json.Text(root, "message") ?? Json.Text(root, "detail");
    }

    protected static bool MentionsQuota(string message) =>
        message.Contains("quota", StringComparison.OrdinalIgnoreCase)
        || message.Contains("credit", StringComparison.OrdinalIgnoreCase)
        || message.Contains("usage limit", StringComparison.OrdinalIgnoreCase);

    protected ProviderAnswer<T> ToAnswer<T>(ApiResult<T> result) =>
        new(Name, result.Value, result.Cost, result.Fault?.Describe(), result.Fault?.Transient ?? false);

    /// <summary>For streaming calls (company search) that have no answer record to carry the fault.</summary>
    protected Exception ToException(ProviderFault fault) => fault.Kind == ProviderFaultKind.Quota
        ? new ProviderQuotaExceededException(Name, fault.Describe())
        : new ProviderRequestException(Name, fault);

    protected static string Escape(string value) => Uri.EscapeDataString(value);

    protected static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}

public enum ProviderFaultKind
{
    NotConfigured,
    BadKey,
    Quota,
    Transient,
    Rejected,
    Malformed,
}

/// <summary>Why a provider call brought no data.</summary>
public sealed record ProviderFault(ProviderFaultKind Kind, string Message, int? StatusCode = null)
{
    public bool Transient => Kind == ProviderFaultKind.Transient;

    public string Describe() => Kind switch
    {
        ProviderFaultKind.NotConfigured => "not configured: " + Message,
        ProviderFaultKind.BadKey => "bad API key: " + Message,
        ProviderFaultKind.Quota => "quota exhausted: " + Message,
        ProviderFaultKind.Transient => "transient: " + Message,
        ProviderFaultKind.Malformed => "malformed response: " + Message,
        _ => "rejected: " + Message,
    };
}

/// <summary>One call's outcome inside a connector, before it becomes a <see cref="ProviderAnswer{T}"/>.</summary>
public readonly record struct ApiResult<T>(T? Value, decimal Cost, ProviderFault? Fault, bool Found = true)
{
    public bool Succeeded => Fault is null;
}

/// <summary>A provider call failed in a way a streaming caller must see (bad key, transient, rejected).</summary>
public sealed class ProviderRequestException(string provider, ProviderFault fault)
    : Exception($"{provider}: {fault.Describe()}")
{
    public string Provider { get; } = provider;

    public ProviderFault Fault { get; } = fault;

    public bool Transient => Fault.Transient;
}
