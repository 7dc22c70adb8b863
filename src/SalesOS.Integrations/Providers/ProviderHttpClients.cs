using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;
using SalesOS.Prospecting.Ports;

namespace SalesOS.Integrations.Providers;

/// <summary>
/// The named HttpClient each connector sends through. Outer to inner: total timeout, retry (Retry-After
/// first, else exponential back-off with jitter), circuit breaker, per-attempt timeout, then the rate
/// limiter, so every attempt, retries included, waits for a permit.
/// </summary>
public static class ProviderHttpClients
{
    /// <summary>Statuses worth another attempt for most vendors: 408, 429, 5xx.</summary>
    public static bool IsTransientStatus(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        return status is 408 or 429 or >= 500;
    }

    public static IHttpClientBuilder AddProviderHttpClient<TOptions>(
        this IServiceCollection services, string provider, Func<HttpResponseMessage, bool>? isTransient = null)
        where TOptions : ProviderOptions
    {
        var transient = isTransient ?? IsTransientStatus;
        var builder = services.AddHttpClient(provider, (serviceProvider, client) =>
        {
            var options = serviceProvider.GetRequiredService<IOptionsMonitor<TOptions>>().CurrentValue;
            client.BaseAddress = new Uri(options.BaseUrl.EndsWith('/') ? options.BaseUrl : options.BaseUrl + "/");
            // The pipeline's timeouts govern; HttpClient's own 100 s would cut a long Retry-After short.
            client.Timeout = Timeout.InfiniteTimeSpan;
        });

        builder.AddResilienceHandler(provider, (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptionsMonitor<TOptions>>().CurrentValue;
            var maxRetryAfter = options.MaxRetryAfter;

            ValueTask<bool> ShouldHandle(Outcome<HttpResponseMessage> outcome) => ValueTask.FromResult(outcome switch
            {
                { Exception: HttpRequestException or TimeoutRejectedException } => true,
                { Result: { } response } => transient(response) && (RetryAfter(response) is not { } wait || wait <= maxRetryAfter),
                _ => false,
            });

            pipeline.AddTimeout(options.TotalTimeout);
            if (options.MaxAttempts > 1)
            {
                AddRetry(pipeline, options, ShouldHandle);
            }

            pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = options.CircuitFailureRatio,
                MinimumThroughput = Math.Max(2, options.CircuitMinimumThroughput),
                SamplingDuration = options.CircuitSamplingDuration,
                BreakDuration = options.CircuitBreakDuration,
                ShouldHandle = args => ShouldHandle(args.Outcome),
            });
            pipeline.AddTimeout(options.AttemptTimeout);
        });

        builder.AddHttpMessageHandler(serviceProvider =>
            new ProviderRateLimitHandler(serviceProvider.GetRequiredService<IProviderRateLimiter>(), provider));
        return builder;
    }

    private static void AddRetry(
        ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ProviderOptions options, Func<Outcome<HttpResponseMessage>, ValueTask<bool>> shouldHandle)
    {
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            ShouldRetryAfterHeader = false,
            MaxRetryAttempts = options.MaxAttempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryBaseDelay,
            MaxDelay = options.RetryMaxDelay,
            ShouldHandle = args => shouldHandle(args.Outcome),
            // The vendor's own word on when to come back beats our back-off; null falls back to it.
            DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfter(response) : null),
        });
    }

    /// <summary>Retry-After as a delay: seconds or an HTTP date; null when absent or already past.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header is null)
        {
            return null;
        }

        if (header.Delta is { } delta)
        {
            return delta;
        }

        if (header.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}

/// <summary>Waits for the provider's rate-limit permit before each attempt leaves the process.</summary>
internal sealed class ProviderRateLimitHandler(IProviderRateLimiter limiter, string provider) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await limiter.AcquireAsync(provider, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
