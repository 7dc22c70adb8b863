using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SalesOS.Contracts.Domain;
using SalesOS.Integrations.Llm;
using SalesOS.Outreach.Ports;
using SalesOS.Testing.VendorServers;

namespace SalesOS.Tests.Outreach.Llm;

public sealed class LlmReplyIntentClassifierTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 25, 14, 5, 0, TimeSpan.FromHours(1));

    private static readonly DateOnly ReceivedOn = new(2026, 11, 25);

    private static async Task<(OpenAiServer Server, ServiceProvider Services, IReplyIntentClassifier Classifier)> StartAsync(params (string, string?)[] overrides)
    {
        var server = await LlmHost.StartServerAsync();
        var services = LlmHost.Build(LlmHost.Settings(server.BaseAddress, overrides));
        return (server, services, services.GetRequiredKeyedService<IReplyIntentClassifier>(LlmReplyIntentClassifier.ServiceKey));
    }

    [Fact]
    public async Task Classify_SendsTheReplyAndTheDate_AndReadsTheAnswer()
    {
        var (server, services, classifier) = await StartAsync();
        await using var _ = server;
        await using var __ = services;
        server.Answer(OpenAiServer.Intent("Interested", 0.92, "asks for a demo next week"));

        var intent = await classifier.ClassifyAsync("Sounds good, can you show me a demo next Tuesday?", "Re: Meetings on autopilot", Received, default);

        Assert.Equal("llm:gpt-4o-mini", classifier.Name);
        Assert.Equal((ReplyKind.Interested, 0.92), (intent.Kind, intent.Confidence));
        Assert.Equal("llm:gpt-4o-mini: asks for a demo next week", intent.Reason);
        Assert.Null(intent.Referral);
        var question = JsonNode.Parse(OpenAiServer.MessagesOf(Assert.Single(server.Requests))[1].Content)!;
        Assert.Equal("Sounds good, can you show me a demo next Tuesday?", question["text"]!.GetValue<string>());
        Assert.Equal("Re: Meetings on autopilot", question["subject"]!.GetValue<string>());
        Assert.Equal("2026-11-25 (Wednesday)", question["received"]!.GetValue<string>());
        // 90 prompt tokens × 0.15 + 30 completion tokens × 0.60, per million.
        Assert.Equal(0.0000315m, services.GetRequiredService<LlmReplyIntentClassifier>().TotalCost);
    }

    [Fact]
    public async Task Classify_OutOfOfficeWithAReferral_KeepsTheDateAndThePerson()
    {
        var (server, services, classifier) = await StartAsync();
        await using var _ = server;
        await using var __ = services;
        server.Answer(OpenAiServer.Intent("out_of_office", 0.97, "away until Monday", "2026-11-30",
            new JsonObject { ["email"] = "jane@acme.example", ["name"] = "Jane Roe", ["title"] = "VP Sales" }));

        var intent = await classifier.ClassifyAsync("I'm out until Monday; for anything urgent ask Jane Roe (jane@acme.example).", null, Received, default);

        Assert.Equal(ReplyKind.OutOfOffice, intent.Kind);
        Assert.Equal(new DateOnly(2026, 11, 30), intent.ReturnDate);
        Assert.Equal(("jane@acme.example", "Jane Roe", "VP Sales"), (intent.Referral!.Email, intent.Referral.Name, intent.Referral.Title));
    }

    [Theory]
    [InlineData("""{"kind":"NotInterested","confidence":0.8,"reason":"no need"}""", ReplyKind.NotInterested, 0.8)]
    [InlineData("""{"kind":"not interested","confidence":"85%","reason":"no"}""", ReplyKind.NotInterested, 0.85)]
    [InlineData("""{"kind":"NOT-INTERESTED","confidence":85,"reason":"no"}""", ReplyKind.NotInterested, 0.85)]
    [InlineData("""{"kind":"unsubscribe","confidence":1.0,"reason":"remove me"}""", ReplyKind.Unsubscribe, 1.0)]
    [InlineData("""{"kind":"opt-out","reason":"stop"}""", ReplyKind.Unsubscribe, 0.5)]
    [InlineData("""{"kind":"question","confidence":"very","reason":"asks price"}""", ReplyKind.Question, 0.5)]
    [InlineData("""{"kind":"Referral","confidence":-3}""", ReplyKind.Referral, 0.5)]
    [InlineData("```json\n{\"kind\": \"Other\", \"confidence\": 0.4, \"reason\": \"thanks\"}\n```", ReplyKind.Other, 0.4)]
    [InlineData("""Sure. {"intent":"OOO","confidence":0.9,"reason":"away"} Hope that helps.""", ReplyKind.OutOfOffice, 0.9)]
    public void Read_TakesTheAnswersModelsReallyGive(string answer, ReplyKind kind, double confidence)
    {
        var intent = LlmReplyIntentClassifier.Read(answer, ReceivedOn);

        Assert.Equal(kind, intent.Kind);
        Assert.Equal(confidence, intent.Confidence, 6);
        Assert.InRange(intent.Confidence, 0, 1);
    }

    [Theory]
    [InlineData("""{"kind":"Referral","referral":{"email":"not an address","name":"Jane"}}""", null, "Jane")]
    [InlineData("""{"kind":"Referral","referral":{"email":"jane@acme.example","name":"null"}}""", "jane@acme.example", null)]
    [InlineData("""{"kind":"Referral","referral":{"email":"","name":"","title":""}}""", null, null)]
    [InlineData("""{"kind":"Referral","referral":"Jane"}""", null, null)]
    public void Read_AReferralIsKeptOnlyForWhatItReallyNames(string answer, string? email, string? name)
    {
        var referral = LlmReplyIntentClassifier.Read(answer, ReceivedOn).Referral;

        Assert.Equal((email, name), (referral?.Email, referral?.Name));
    }

    [Theory]
    [InlineData("2026-12-01", "2026-12-01")]
    [InlineData("2026-12-01T00:00:00Z", "2026-12-01")]
    [InlineData("2026-11-20", null)]
    [InlineData("2028-01-01", null)]
    [InlineData("next Monday", null)]
    [InlineData("null", null)]
    public void Read_AReturnDateMustBeADateAfterTheReply(string returnDate, string? expected)
    {
        var intent = LlmReplyIntentClassifier.Read($$"""{"kind":"OutOfOffice","return_date":"{{returnDate}}"}""", ReceivedOn);

        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), intent.ReturnDate);
    }

    [Theory]
    [InlineData(null, "not a JSON object")]
    [InlineData("", "not a JSON object")]
    [InlineData("I think they are interested.", "not a JSON object")]
    [InlineData("""{"kind": "Interested", "confidence": 0.9""", "not a JSON object")]
    [InlineData("""{"confidence":0.9,"reason":"?"}""", "names no kind")]
    [InlineData("""{"kind":"Maybe","confidence":0.9}""", "none of SalesOS's reply kinds")]
    [InlineData("""{"kind":42}""", "names no kind")]
    [InlineData("[1, 2]", "not a JSON object")]
    public void Read_AnUnusableAnswer_ThrowsSayingWhy(string? answer, string why)
    {
        var error = Assert.Throws<LanguageModelException>(() => LlmReplyIntentClassifier.Read(answer, ReceivedOn));

        Assert.Contains(why, error.Message, StringComparison.Ordinal);
        Assert.Equal(answer, error.Answer);
    }

    [Fact]
    public async Task Classify_AnUnusableAnswer_Throws()
    {
        var (server, services, classifier) = await StartAsync();
        await using var _ = server;
        await using var __ = services;
        server.Answer(new ChatAnswer("""{"kind":"Enthusiastic"}"""));

        await Assert.ThrowsAsync<LanguageModelException>(() => classifier.ClassifyAsync("Yes!", null, Received, default));
    }

    [Fact]
    public async Task Classify_NoAnswerInTime_Throws()
    {
        var (server, services, classifier) = await StartAsync(("Timeout", "00:00:00.500"));
        await using var _ = server;
        await using var __ = services;
        server.FailNext(1, VendorFault.Slow(TimeSpan.FromSeconds(30)));

        var error = await Assert.ThrowsAsync<LanguageModelException>(() => classifier.ClassifyAsync("Yes!", null, Received, default));

        Assert.Contains("no answer within", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(429)]
    public async Task Classify_AServiceError_Throws(int status)
    {
        var (server, services, classifier) = await StartAsync();
        await using var _ = server;
        await using var __ = services;
        server.FailNext(1, VendorFault.WithStatus(status));

        var error = await Assert.ThrowsAsync<LanguageModelException>(() => classifier.ClassifyAsync("Yes!", null, Received, default));

        Assert.Contains($"answered {status}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Classify_AMalformedServiceAnswer_Throws()
    {
        var (server, services, classifier) = await StartAsync();
        await using var _ = server;
        await using var __ = services;
        server.FailNext(1, VendorFault.MalformedJson);

        await Assert.ThrowsAsync<LanguageModelException>(() => classifier.ClassifyAsync("Yes!", null, Received, default));
    }

    [Fact]
    public async Task Classify_TheCallersCancellation_IsNotTurnedIntoAnAnswerError()
    {
        var (server, services, classifier) = await StartAsync();
        await using var _ = server;
        await using var __ = services;
        server.FailNext(1, VendorFault.Slow(TimeSpan.FromSeconds(30)));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => classifier.ClassifyAsync("Yes!", null, Received, cancel.Token));
    }
}
