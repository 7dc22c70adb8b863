using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SalesOS.Integrations.Llm;
using SalesOS.Outreach.Ports;
using SalesOS.Testing.VendorServers;

namespace SalesOS.Tests.Outreach.Llm;

public sealed class LlmMessageRewriterTests
{
    private const string DraftBody = """
        Hi Ana,

        Teams like yours use SalesOS to book meetings on autopilot. Here is a 2 minute tour: https://salesos.example/tour?c=acme&utm_source=email

        Worth a chat next week?

        Sam
        """;

    private const string GoodBody = """
        Hi Ana,

        Congratulations on opening the Berlin office. As Acme's SDR team grows to 40 people, SalesOS can book meetings on autopilot. Here is a 2 minute tour: https://salesos.example/tour?c=acme&utm_source=email

        Worth a chat next week?

        Sam
        """;

    private static readonly MessageDraft Draft = new(
        "Meetings on autopilot for Acme",
        DraftBody,
        new Dictionary<string, string> { ["company"] = "Acme", ["news"] = "opened a Berlin office", ["sdr_team_size"] = "40" });

    private static string Answer(string subject, string body) => new JsonObject { ["subject"] = subject, ["body"] = body }.ToJsonString();

    private static async Task<(OpenAiServer Server, ServiceProvider Services, IMessageRewriter Rewriter)> StartAsync(params (string, string?)[] overrides)
    {
        var server = await LlmHost.StartServerAsync();
        var services = LlmHost.Build(LlmHost.Settings(server.BaseAddress, overrides));
        return (server, services, services.GetRequiredService<IMessageRewriter>());
    }

    [Fact]
    public async Task Rewrite_SendsTheDraftAndTheFacts_AndReturnsTheCheckedRewriteWithItsCost()
    {
        var (server, services, rewriter) = await StartAsync();
        await using var _ = server;
        await using var __ = services;
        server.Answer(new ChatAnswer(Answer("Acme's Berlin office and meetings on autopilot", GoodBody), PromptTokens: 1_000, CompletionTokens: 500));

        var rewritten = await rewriter.RewriteAsync(Draft, default);

        Assert.Equal("llm:gpt-4o-mini", rewriter.Name);
        Assert.Equal(("Acme's Berlin office and meetings on autopilot", GoodBody, "llm:gpt-4o-mini"), (rewritten.Subject, rewritten.Body, rewritten.RewrittenBy));
        // 1,000 × 0.15 + 500 × 0.60 per million tokens.
        Assert.Equal(0.00045m, rewritten.Cost);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/openai/deployments/gpt-4o-mini/chat/completions", request.Path);
        Assert.True(request.Query.ContainsKey("api-version"));
        Assert.Equal(LlmHost.ApiKey, request.Header("api-key"));
        var messages = OpenAiServer.MessagesOf(request);
        Assert.Equal(["system", "user"], messages.Select(m => m.Role).ToArray());
        Assert.Contains("URL", messages[0].Content, StringComparison.Ordinal);
        var question = JsonNode.Parse(messages[1].Content)!.AsObject();
        Assert.Equal("opened a Berlin office", question["facts"]!["news"]!.GetValue<string>());
        Assert.Equal("40", question["facts"]!["sdr_team_size"]!.GetValue<string>());
        Assert.Equal(DraftBody, question["draft"]!["body"]!.GetValue<string>());
        Assert.Equal(Draft.Subject, question["draft"]!["subject"]!.GetValue<string>());
        Assert.Equal("json_object", JsonNode.Parse(request.Body)!["response_format"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rewrite_JsonInACodeFence_IsStillRead()
    {
        var (server, services, rewriter) = await StartAsync();
        await using var _ = server;
        await using var __ = services;
        server.Answer(new ChatAnswer("Here you go:\n```json\n" + Answer("Acme and autopilot meetings", GoodBody) + "\n```"));

        var rewritten = await rewriter.RewriteAsync(Draft, default);

        Assert.Equal(GoodBody, rewritten.Body);
    }

    public static TheoryData<string, string, string> Unusable => new()
    {
        { Answer("Acme", GoodBody.Replace("utm_source=email", "utm_source=mail", StringComparison.Ordinal)), "URL of the draft is missing or changed", "changed URL" },
        { Answer("Acme", GoodBody.Replace("https://salesos.example/tour?c=acme&utm_source=email", "our tour", StringComparison.Ordinal)), "URL of the draft is missing", "dropped URL" },
        { Answer("Acme", GoodBody + "\nPS: https://evil.example/offer"), "URL not in the draft was added", "added URL" },
        { Answer("Acme", GoodBody.Replace("Hi Ana", "Hi {{ first_name }}", StringComparison.Ordinal)), "template markup", "markup left" },
        { Answer("Acme", ""), "body is empty", "empty body" },
        { Answer("", GoodBody), "subject is empty", "empty subject" },
        { Answer("Acme", GoodBody + string.Concat(Enumerable.Repeat(" We are the best in the market, trusted by everyone.", 12))), "grew", "too long" },
        { Answer("Acme", "https://salesos.example/tour?c=acme&utm_source=email"), "shrank", "too short" },
        { Answer("Acme", GoodBody.Replace("40 people", "40 people (we tripled reply rates by 300%)", StringComparison.Ordinal)), "number that is neither", "invented number" },
        { Answer("Acme", GoodBody.Replace("Sam", "Sam (sam.private@gmail.example)", StringComparison.Ordinal)), "email address", "invented address" },
        { "Sure! I made it more personal.", "not the JSON asked for", "prose" },
        { "{\"subject\": \"Acme\"}", "not the JSON asked for", "no body" },
    };

    [Theory]
    [MemberData(nameof(Unusable))]
    public async Task Rewrite_AnAnswerThatFailsTheChecks_FallsBackToTheDraft_SayingWhy(string content, string reason, string label)
    {
        var (server, services, rewriter) = await StartAsync();
        await using var _ = server;
        await using var __ = services;
        server.Answer(new ChatAnswer(content, PromptTokens: 1_000, CompletionTokens: 0));

        var rewritten = await rewriter.RewriteAsync(Draft, default);

        Assert.True((Draft.Subject, Draft.Body) == (rewritten.Subject, rewritten.Body), label);
        Assert.StartsWith("template (llm:gpt-4o-mini not used: ", rewritten.RewrittenBy, StringComparison.Ordinal);
        Assert.Contains(reason, rewritten.RewrittenBy, StringComparison.Ordinal);
        // The tokens were used even though the answer was not.
        Assert.Equal(0.00015m, rewritten.Cost);
    }

    [Fact]
    public async Task Rewrite_NoAnswerInTime_FallsBackAtTheTimeout()
    {
        var (server, services, rewriter) = await StartAsync(("Timeout", "00:00:00.500"));
        await using var _ = server;
        await using var __ = services;
        server.FailNext(1, VendorFault.Slow(TimeSpan.FromSeconds(30)));

        var rewritten = await rewriter.RewriteAsync(Draft, default);

        Assert.Equal((Draft.Body, 0m), (rewritten.Body, rewritten.Cost));
        Assert.Contains("no answer within 0.5 s", rewritten.RewrittenBy, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500, "answered 500")]
    [InlineData(429, "answered 429")]
    public async Task Rewrite_AServiceError_FallsBack(int status, string reason)
    {
        var (server, services, rewriter) = await StartAsync();
        await using var _ = server;
        await using var __ = services;
        server.FailNext(1, VendorFault.WithStatus(status));

        var rewritten = await rewriter.RewriteAsync(Draft, default);

        Assert.Equal(Draft.Body, rewritten.Body);
        Assert.Contains(reason, rewritten.RewrittenBy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rewrite_AWrongKey_FallsBack()
    {
        var (server, services, rewriter) = await StartAsync(("ApiKey", "wrong"));
        await using var _ = server;
        await using var __ = services;

        var rewritten = await rewriter.RewriteAsync(Draft, default);

        Assert.Equal(Draft.Body, rewritten.Body);
        Assert.Contains("401", rewritten.RewrittenBy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rewrite_AMalformedServiceAnswer_FallsBack()
    {
        var (server, services, rewriter) = await StartAsync();
        await using var _ = server;
        await using var __ = services;
        server.FailNext(1, VendorFault.MalformedJson);

        var rewritten = await rewriter.RewriteAsync(Draft, default);

        Assert.Equal(Draft.Body, rewritten.Body);
        Assert.StartsWith("template (llm:gpt-4o-mini not used: ", rewritten.RewrittenBy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rewrite_ThrottledWithRetriesAllowed_IsAskedAgainAndUsed()
    {
        var (server, services, rewriter) = await StartAsync(("MaxRetries", "2"));
        await using var _ = server;
        await using var __ = services;
        server.FailNext(1, VendorFault.TooManyRequests(TimeSpan.FromSeconds(1)));
        server.Answer(new ChatAnswer(Answer("Acme and autopilot meetings", GoodBody)));

        var rewritten = await rewriter.RewriteAsync(Draft, default);

        Assert.Equal(GoodBody, rewritten.Body);
        Assert.Equal([429, 200], server.Requests.Select(r => r.Status).ToArray());
    }

    [Fact]
    public async Task Rewrite_AMessageWithoutSubject_StaysWithoutOne()
    {
        var (server, services, rewriter) = await StartAsync();
        await using var _ = server;
        await using var __ = services;
        var sms = new MessageDraft("", "Hi Ana, 2 min tour of SalesOS: https://salesos.example/t/1", new Dictionary<string, string> { ["company"] = "Acme" });
        server.Answer(new ChatAnswer(Answer("A subject the model made up", "Hi Ana, a 2 min tour of SalesOS for Acme: https://salesos.example/t/1")));

        var rewritten = await rewriter.RewriteAsync(sms, default);

        Assert.Equal(("", "Hi Ana, a 2 min tour of SalesOS for Acme: https://salesos.example/t/1"), (rewritten.Subject, rewritten.Body));
    }

    [Fact]
    public async Task TotalCost_AddsUpEveryCall()
    {
        var (server, services, _) = await StartAsync();
        await using var __ = server;
        await using var ___ = services;
        var rewriter = services.GetRequiredService<LlmMessageRewriter>();
        server.Answer(new ChatAnswer(Answer("Acme", GoodBody), 1_000_000, 0), new ChatAnswer("no json", 0, 1_000_000));

        await rewriter.RewriteAsync(Draft, default);
        await rewriter.RewriteAsync(Draft, default);

        Assert.Equal(0.75m, rewriter.TotalCost);
    }

    [Fact]
    public async Task Template_ReturnsTheDraftUnchangedAtNoCost()
    {
        var rewritten = await new TemplateMessageRewriter().RewriteAsync(Draft, default);

        Assert.Equal(new RewrittenMessage(Draft.Subject, Draft.Body, "template", 0m), rewritten);
    }

    [Fact]
    public void Rules_TheDraftItself_Passes() =>
        Assert.Null(RewriteRules.Check(Draft, Draft.Subject, Draft.Body));

    [Fact]
    public void Rules_NumbersFromTheFacts_AndUrlDigits_AreNotNewClaims() =>
        Assert.Null(RewriteRules.Check(Draft, "Acme", GoodBody.Replace("40 people", "40 people, 2 minutes", StringComparison.Ordinal)));

    [Fact]
    public async Task Question_OddFacts_TravelAsValidJson()
    {
        var (server, services, rewriter) = await StartAsync();
        await using var _ = server;
        await using var __ = services;
        server.Answer(new ChatAnswer(Answer("Acme", GoodBody)));
        var draft = Draft with { Facts = new Dictionary<string, string> { ["quote\"key"] = "line\nbreak & <tag> \u00e9" } };

        await rewriter.RewriteAsync(draft, default);

        var question = JsonNode.Parse(OpenAiServer.MessagesOf(server.Requests[0])[1].Content)!;
        Assert.Equal("line\nbreak & <tag> \u00e9", question["facts"]!["quote\"key"]!.GetValue<string>());
    }
}
