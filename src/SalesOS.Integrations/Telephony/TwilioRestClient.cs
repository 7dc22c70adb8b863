using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using SalesOS.Outreach.Ports;

namespace SalesOS.Integrations.Telephony;

/// <summary>Why a Twilio request brought no resource: how the caller should treat it, and the words to log.</summary>
public sealed record TwilioFailure(HandOffOutcome Outcome, string Status, string Detail, int? HttpStatus = null, int? ErrorCode = null);

/// <summary>
/// Twilio's REST API (2010-04-01) over the named resilient HttpClient: HTTP Basic with the account SID and
/// auth token (or an API key), form-encoded bodies, JSON answers, errors as {code, message, more_info, status}.
/// </summary>
public sealed class TwilioRestClient(IHttpClientFactory clients, IOptionsMonitor<TwilioOptions> options, ILogger<TwilioRestClient> logger)
{
    public const string ApiVersion = "2010-04-01";

    /// <summary>Twilio error codes answered with 400 that are about load, not the message: try again later.</summary>
    private static readonly HashSet<int> DeferredErrorCodes = [20429, 21611];

    public TwilioOptions Options => options.CurrentValue;

    /// <summary>"2010-04-01/Accounts/{sid}/{resource}" relative to the base URL.</summary>
    public string AccountPath(string resource) =>
        $"{ApiVersion}/Accounts/{Uri.EscapeDataString(Options.AccountSid ?? "")}/{resource}";

    /// <summary>Creates a resource; the answer's JSON root (cloned) or why there is none.</summary>
    public Task<(JsonElement? Resource, TwilioFailure? Failure)> PostFormAsync(
        string path, IEnumerable<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        return SendAsync(request, cancellationToken);
    }

    public Task<(JsonElement? Resource, TwilioFailure? Failure)> GetAsync(string pathAndQuery, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, pathAndQuery), cancellationToken);

    private async Task<(JsonElement? Resource, TwilioFailure? Failure)> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            var current = Options;
            if (!current.HasCredentials)
            {
                return (null, new(HandOffOutcome.Deferred, "not-configured", "no Twilio account configured"));
            }

            var (user, secret) = current.UsesApiKey ? (current.ApiKeySid!, current.ApiKeySecret!) : (current.AccountSid!, current.AuthToken!);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + secret)));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

            HttpResponseMessage response;
            try
            {
                response = await clients.CreateClient(TwilioHttpClient.Name)
                    .SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e) when (e is TimeoutRejectedException or OperationCanceledException)
            {
                return Logged(request, (null, new(MaybeTaken(request), "timed-out", "Twilio did not answer in time" + MayHaveIt(request))));
            }
            catch (HttpRequestException e)
            {
                return Logged(request, (null, new(MaybeTaken(request), "unreachable", "Twilio unreachable: " + e.Message + MayHaveIt(request))));
            }

            using (response)
            {
                return Logged(request, await ReadAsync(response, cancellationToken).ConfigureAwait(false));
            }
        }
    }

    private static async Task<(JsonElement? Resource, TwilioFailure? Failure)> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        JsonElement? root = null;
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (text.Length > 0)
            {
                using var document = JsonDocument.Parse(text);
                root = document.RootElement.Clone();
            }
        }
        catch (JsonException) when (status is < 200 or >= 300)
        {
            // A proxy's HTML error page: the status says enough.
        }
        catch (JsonException e)
        {
            return (null, new(response.RequestMessage?.Method == HttpMethod.Post && status < 300 ? HandOffOutcome.Unknown : HandOffOutcome.Deferred, "malformed", "Twilio answered " + status + " with malformed JSON: " + e.Message, status));
        }

        if (status is >= 200 and < 300)
        {
            return root is { ValueKind: JsonValueKind.Object }
                ? (root, null)
                : (null, new(response.RequestMessage?.Method == HttpMethod.Post ? HandOffOutcome.Unknown : HandOffOutcome.Deferred, "malformed", $"Twilio answered {status} without a resource", status));
        }

        var error = TwilioError.Read(root, status);
        var outcome = status switch
        {
            400 when error.Code is { } code && DeferredErrorCodes.Contains(code) => HandOffOutcome.Deferred,
            401 or 403 => HandOffOutcome.Deferred,
            // A wrong account SID or base URL: a configuration fault, not the message's.
            404 => HandOffOutcome.Deferred,
            408 or 429 or >= 500 => HandOffOutcome.Deferred,
            _ => HandOffOutcome.Rejected,
        };
        var word = status switch
        {
            401 or 403 => "credentials refused",
            404 => "account or resource not found",
            429 => "throttled",
            >= 500 => "Twilio failed",
            _ => "refused",
        };
        return (null, new(outcome, outcome == HandOffOutcome.Rejected ? "rejected" : "deferred", $"{word}: {error.Describe()}", status, error.Code));
    }

    private (JsonElement? Resource, TwilioFailure? Failure) Logged(HttpRequestMessage request, (JsonElement? Resource, TwilioFailure? Failure) result)
    {
        if (result.Failure is { } failure)
        {
            logger.LogWarning("Twilio {Method} {Path} failed ({Outcome}): {Detail}", request.Method, request.RequestUri?.AbsolutePath ?? request.RequestUri?.OriginalString, failure.Outcome, failure.Detail);
        }

        return result;
    }

    private static HandOffOutcome MaybeTaken(HttpRequestMessage request) => request.Method == HttpMethod.Post ? HandOffOutcome.Unknown : HandOffOutcome.Deferred;

    private static string MayHaveIt(HttpRequestMessage request) =>
        request.Method == HttpMethod.Post ? " (it may have been taken: reconcile before sending again)" : "";
}

/// <summary>Twilio's error body: {"code": 21211, "message": "...", "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400}.</summary>
internal sealed record TwilioError(int? Code, string Message, string? MoreInfo, int Status)
{
    public static TwilioError Read(JsonElement? root, int status)
    {
        if (root is not { ValueKind: JsonValueKind.Object } body)
        {
            return new(null, "HTTP " + status.ToString(CultureInfo.InvariantCulture), null, status);
        }

        return new(
            TwilioJson.Integer(body, "code"),
            TwilioJson.Text(body, "message") ?? "HTTP " + status.ToString(CultureInfo.InvariantCulture),
            TwilioJson.Text(body, "more_info"),
            TwilioJson.Integer(body, "status") ?? status);
    }

    public string Describe()
    {
        var text = Code is { } code ? $"Twilio {code.ToString(CultureInfo.InvariantCulture)}: {Message}" : Message;
        return MoreInfo is null ? text : $"{text} ({MoreInfo})";
    }
}

/// <summary>Lenient readers for Twilio's JSON: a missing, null or odd field reads as null.</summary>
internal static class TwilioJson
{
    public static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text : null,
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    public static int? Integer(JsonElement element, string name) =>
        Text(element, name) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Twilio's dates are RFC 2822 ("Thu, 24 Aug 2023 05:01:45 +0000").</summary>
    public static DateTimeOffset? Date(JsonElement element, string name) =>
        Text(element, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : null;
}
