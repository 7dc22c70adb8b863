using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesOS.Outreach.Ports;

namespace SalesOS.Integrations.Llm;

public static class LanguageModelServiceCollectionExtensions
{
    /// <summary>The key of the <see cref="IChatClient"/> the adapters talk through, and the name of its HttpClient.</summary>
    public const string ChatClientKey = "salesos-llm";

    /// <summary>
    /// Registers <see cref="IMessageRewriter"/>: the LLM rewriter when <c>SalesOS:Llm</c> names an endpoint, a
    /// deployment and a key (and Enabled is not false), the template rewriter otherwise. When configured, the
    /// LLM reply classifier is registered as itself and as the keyed <see cref="IReplyIntentClassifier"/>
    /// <see cref="LlmReplyIntentClassifier.ServiceKey"/>, never as the unkeyed one, so the offline classifier
    /// stays the default. Every call goes through a keyed <see cref="IChatClient"/> over a named HttpClient.
    /// </summary>
    public static IServiceCollection AddSalesOSLanguageModel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(LlmOptions.SectionName);
        services.AddOptions<LlmOptions>().Bind(section);
        services.TryAddSingleton<TemplateMessageRewriter>();

        var configured = (section.Get<LlmOptions>() ?? new LlmOptions()).IsConfigured;
        if (!configured)
        {
            services.TryAddSingleton<IMessageRewriter>(serviceProvider => serviceProvider.GetRequiredService<TemplateMessageRewriter>());
            return services;
        }

        // The service's pipeline owns retries and the caller's deadline owns time; HttpClient's 100 s must not cut in.
        services.AddHttpClient(ChatClientKey, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.TryAddKeyedSingleton<IChatClient>(ChatClientKey, (serviceProvider, _) => CreateChatClient(serviceProvider));
        services.TryAddSingleton(serviceProvider => new LlmMessageRewriter(
            serviceProvider.GetRequiredKeyedService<IChatClient>(ChatClientKey),
            serviceProvider.GetRequiredService<IOptionsMonitor<LlmOptions>>(),
            serviceProvider.GetRequiredService<ILogger<LlmMessageRewriter>>()));
        services.TryAddSingleton(serviceProvider => new LlmReplyIntentClassifier(
            serviceProvider.GetRequiredKeyedService<IChatClient>(ChatClientKey),
            serviceProvider.GetRequiredService<IOptionsMonitor<LlmOptions>>()));
        services.TryAddSingleton<IMessageRewriter>(serviceProvider => serviceProvider.GetRequiredService<LlmMessageRewriter>());
        services.TryAddKeyedSingleton<IReplyIntentClassifier>(
            LlmReplyIntentClassifier.ServiceKey, (serviceProvider, _) => serviceProvider.GetRequiredService<LlmReplyIntentClassifier>());
        return services;
    }

    /// <summary>
    /// Azure OpenAI through Microsoft.Extensions.AI: with Azure.AI.OpenAI 2.1.0 and OpenAI 2.14 the typed
    /// CompleteChatAsync throws MissingMethodException, while AsIChatClient works.
    /// </summary>
    private static IChatClient CreateChatClient(IServiceProvider serviceProvider)
    {
        var options = serviceProvider.GetRequiredService<IOptions<LlmOptions>>().Value;
        var http = serviceProvider.GetRequiredService<IHttpClientFactory>().CreateClient(ChatClientKey);
        var clientOptions = new AzureOpenAIClientOptions
        {
            Transport = new HttpClientPipelineTransport(http),
            NetworkTimeout = options.Timeout,
            RetryPolicy = new ClientRetryPolicy(Math.Max(0, options.MaxRetries)),
        };
        var azure = new AzureOpenAIClient(new Uri(options.Endpoint!), new ApiKeyCredential(options.ApiKey!), clientOptions);
        return azure.GetChatClient(options.Deployment!).AsIChatClient();
    }
}
