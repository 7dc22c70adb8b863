using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SalesOS.Integrations.Llm;
using SalesOS.Testing.VendorServers;

namespace SalesOS.Tests.Outreach.Llm;

/// <summary>The language-model adapters wired exactly as production does, pointed at a loopback Azure OpenAI.</summary>
internal static class LlmHost
{
    public const string ApiKey = "azure-test-key";
    public const string Deployment = "gpt-4o-mini";

    public static Task<OpenAiServer> StartServerAsync() => OpenAiServer.StartAsync(ApiKey, Deployment);

    public static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection>? before = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        before?.Invoke(services);
        services.AddSalesOSLanguageModel(configuration);
        return services.BuildServiceProvider();
    }

    public static Dictionary<string, string?> Settings(Uri? endpoint, params (string Key, string? Value)[] overrides)
    {
        const string prefix = "SalesOS:Llm:";
        var settings = new Dictionary<string, string?>
        {
            [prefix + "Endpoint"] = endpoint?.ToString() ?? "http://127.0.0.1:9/",
            [prefix + "Deployment"] = Deployment,
            [prefix + "ApiKey"] = ApiKey,
            [prefix + "Timeout"] = "00:00:20",
            [prefix + "MaxRetries"] = "0",
            [prefix + "CostPerMillionInputTokens"] = "0.15",
            [prefix + "CostPerMillionOutputTokens"] = "0.60",
        };
        foreach (var (key, value) in overrides)
        {
            settings[prefix + key] = value;
        }

        return settings;
    }
}
