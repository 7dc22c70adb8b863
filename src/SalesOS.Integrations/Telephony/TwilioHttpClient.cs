using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;
using SalesOS.Integrations.Providers;

namespace SalesOS.Integrations.Telephony;

/// <summary>
/// The named HttpClient the Twilio gateways send through. Outer to inner: total timeout, retry (Retry-After
/// first, else exponential back-off with jitter), per-attempt timeout.
/// </summary>
internal static class TwilioHttpClient
{
    public const string Name = "twilio";

    public static IHttpClientBuilder AddTwilioHttpClient(this IServiceCollection services)
    {
        var builder = services.AddHttpClient(Name, (serviceProvider, client) =>
        {
            var options = serviceProvider.GetRequiredService<IOptionsMonitor<TwilioOptions>>().CurrentValue;
            client.BaseAddress = new Uri(options.BaseUrl.EndsWith('/') ? options.BaseUrl : options.BaseUrl + "/");
            // The pipeline's timeouts govern; HttpClient's own 100 s would cut a Retry-After wait short.
            client.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
        });

        builder.AddResilienceHandler(Name, (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptionsMonitor<TwilioOptions>>().CurrentValue;
            pipeline.AddTimeout(options.TotalTimeout);
            if (options.MaxAttempts > 1)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    ShouldRetryAfterHeader = false,
                    MaxRetryAttempts = options.MaxAttempts - 1,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.RetryBaseDelay,
                    MaxDelay = options.MaxRetryAfter,
                    ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.GetRequestMessage(), options.MaxRetryAfter)),
                    DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? ProviderHttpClients.RetryAfter(response) : null),
                });
            }

            pipeline.AddTimeout(options.Timeout);
        });
        return builder;
    }

    /// <summary>
    /// Twilio has no idempotency key for creating messages or calls, so a POST is repeated only when Twilio said
    /// it did not take it (429, 503); a POST that timed out or lost its connection may have been taken, and
    /// goes back to the caller as deferred, to be reconciled before it is sent again. Reads retry freely.
    /// </summary>
    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request, TimeSpan maxRetryAfter)
    {
        var isRead = request is null || request.Method == HttpMethod.Get;
        return outcome switch
        {
            { Exception: HttpRequestException or TimeoutRejectedException } => isRead,
            { Result: { } response } => IsRetriedStatus((int)response.StatusCode, isRead)
                && (ProviderHttpClients.RetryAfter(response) is not { } wait || wait <= maxRetryAfter),
            _ => false,
        };
    }

    private static bool IsRetriedStatus(int status, bool isRead) => isRead
        ? status is 408 or 429 or >= 500
        : status is 429 or 503;
}
