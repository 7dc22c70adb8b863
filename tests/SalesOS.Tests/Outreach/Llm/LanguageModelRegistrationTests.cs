using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using SalesOS.Integrations.Llm;
using SalesOS.Outreach.Ports;
using SalesOS.Testing.VendorServers;

namespace SalesOS.Tests.Outreach.Llm;

public sealed class LanguageModelRegistrationTests
{
    public static TheoryData<string, string?> Unconfigured => new()
    {
        { "Endpoint", null },
        { "Deployment", null },
        { "ApiKey", "" },
        { "Enabled", "false" },
        { "Endpoint", "not a url" },
    };

    [Theory]
    [MemberData(nameof(Unconfigured))]
    public async Task NotConfigured_UsesTheTemplate_AndRegistersNoModelClassifierNorClient(string key, string? value)
    {
        await using var services = LlmHost.Build(LlmHost.Settings(null, (key, value)));

        Assert.IsType<TemplateMessageRewriter>(services.GetRequiredService<IMessageRewriter>());
        Assert.Null(services.GetKeyedService<IReplyIntentClassifier>(LlmReplyIntentClassifier.ServiceKey));
        Assert.Null(services.GetKeyedService<IChatClient>(LanguageModelServiceCollectionExtensions.ChatClientKey));
    }

    [Fact]
    public async Task Configured_RegistersTheModelRewriter_AndTheClassifierOnlyUnderItsKey()
    {
        await using var services = LlmHost.Build(LlmHost.Settings(null));

        var rewriter = services.GetRequiredService<IMessageRewriter>();
        Assert.Same(services.GetRequiredService<LlmMessageRewriter>(), rewriter);
        Assert.Equal("llm:gpt-4o-mini", rewriter.Name);
        Assert.Same(services.GetRequiredService<LlmReplyIntentClassifier>(), services.GetRequiredKeyedService<IReplyIntentClassifier>(LlmReplyIntentClassifier.ServiceKey));
        // The offline classifier stays the default: the model's is asked for by key.
        Assert.Null(services.GetService<IReplyIntentClassifier>());
    }

    [Fact]
    public async Task EveryModelCall_GoesThroughTheNamedHttpClient_ToLoopbackOnly()
    {
        var server = await LlmHost.StartServerAsync();
        await using var _ = server;
        var seen = new ConcurrentQueue<Uri>();
        await using var services = LlmHost.Build(LlmHost.Settings(server.BaseAddress), s =>
            s.ConfigureHttpClientDefaults(client => client.AddHttpMessageHandler(() => new Witness(seen))));
        server.Answer(OpenAiServer.Intent("Question", 0.7, "asks the price"), new ChatAnswer("not json"));

        await services.GetRequiredKeyedService<IReplyIntentClassifier>(LlmReplyIntentClassifier.ServiceKey).ClassifyAsync("How much?", null, DateTimeOffset.UtcNow, default);
        await services.GetRequiredService<IMessageRewriter>().RewriteAsync(new MessageDraft("Hi", "Hello there, quick question.", new Dictionary<string, string>()), default);

        Assert.Equal(2, seen.Count);
        Assert.Equal(server.Requests.Count, seen.Count);
        Assert.All(seen, uri => Assert.Equal("127.0.0.1", uri.Host));
    }

    private sealed class Witness(ConcurrentQueue<Uri> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Enqueue(request.RequestUri!);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
