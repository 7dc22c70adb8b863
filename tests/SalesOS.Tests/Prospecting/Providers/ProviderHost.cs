using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SalesOS.Integrations.Providers;

namespace SalesOS.Tests.Prospecting.Providers;

/// <summary>A DI container with the providers wired exactly as production does, pointed at loopback servers.</summary>
internal static class ProviderHost
{
    public const string ApolloKey = "apollo-test-key";
    public const string HunterKey = "hunter-test-key";

    public static ServiceProvider Build(IDictionary<string, string?> settings, Action<IServiceCollection>? before = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        before?.Invoke(services);
        services.AddSalesOSProviders(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>Fast retries and timeouts so fault tests finish in well under a second each.</summary>
    public static Dictionary<string, string?> Settings(string section, Uri? baseUrl, string? apiKey, params (string Key, string Value)[] overrides)
    {
        var prefix = $"SalesOS:Providers:{section}:";
        var settings = new Dictionary<string, string?>
        {
            [prefix + "ApiKey"] = apiKey,
            [prefix + "BaseUrl"] = baseUrl?.ToString() ?? "http://127.0.0.1:9",
            [prefix + "RequestsPerMinute"] = "0",
            [prefix + "CostPerCall"] = "1",
            [prefix + "MaxAttempts"] = "3",
            [prefix + "RetryBaseDelay"] = "00:00:00.010",
            [prefix + "RetryMaxDelay"] = "00:00:00.050",
            [prefix + "MaxRetryAfter"] = "00:00:05",
            [prefix + "AttemptTimeout"] = "00:00:05",
            [prefix + "TotalTimeout"] = "00:00:10",
        };
        foreach (var (key, value) in overrides)
        {
            settings[prefix + key] = value;
        }

        return settings;
    }

    public static Dictionary<string, string?> Merge(params Dictionary<string, string?>[] parts)
    {
        var all = new Dictionary<string, string?>();
        foreach (var part in parts)
        {
            foreach (var (key, value) in part)
            {
                all[key] = value;
            }
        }

        return all;
    }
}
