using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SalesOS.Testing.VendorServers;

/// <summary>One scripted model answer: its text, the usage the service reports, why it stopped.</summary>
public sealed record ChatAnswer(string Content, int PromptTokens = 120, int CompletionTokens = 60, string FinishReason = "stop");

/// <summary>
/// Azure OpenAI's chat completions endpoint as learn.microsoft.com describes it, on 127.0.0.1:
/// POST /openai/deployments/{deployment}/chat/completions?api-version=..., the key in the api-key header,
/// answers in the chat.completion shape with usage, errors as {"error": {"code", "message"}}. Answers are
/// scripted per test (<see cref="Answer"/>, in order), else made by <see cref="Responder"/>; faults (429 with
/// Retry-After, 500, malformed JSON, slow answers) come from <see cref="VendorServer.FailNext"/>.
/// </summary>
public sealed class OpenAiServer : VendorServer
{
    private readonly ConcurrentQueue<ChatAnswer> scripted = new();

    private OpenAiServer(string apiKey, string deployment)
        : base(apiKey)
    {
        Deployment = deployment;
    }

    public string Deployment { get; }

    /// <summary>Answers when nothing is scripted; gets the request's JSON body.</summary>
    public Func<JsonObject, ChatAnswer> Responder { get; set; } = _ => new ChatAnswer("{}");

    public static async Task<OpenAiServer> StartAsync(string apiKey, string deployment)
    {
        var server = new OpenAiServer(apiKey, deployment);
        await server.StartAsync();
        return server;
    }

    /// <summary>The next requests get these answers, in order, before the responder is asked again.</summary>
    public void Answer(params ChatAnswer[] answers)
    {
        foreach (var answer in answers)
        {
            scripted.Enqueue(answer);
        }
    }

    /// <summary>The messages of a logged request, as (role, content).</summary>
    public static IReadOnlyList<(string Role, string Content)> MessagesOf(VendorRequest request)
    {
        var body = JsonNode.Parse(request.Body)?.AsObject() ?? [];
        return body["messages"] is JsonArray messages
            ? [.. messages.OfType<JsonObject>().Select(m => (m["role"]?.GetValue<string>() ?? "", ContentOf(m["content"])))]
            : [];
    }

    protected override bool IsAuthorized(HttpRequest request) =>
        string.Equals(request.Headers["api-key"].ToString(), ApiKey, StringComparison.Ordinal);

    protected override JsonObject ErrorBody(int status, string id, string message) => new()
    {
        ["error"] = new JsonObject
        {
            ["code"] = status == 401 ? "401" : status == 429 ? "429" : id,
            ["message"] = status == 401
                ? "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource."
                : message,
        },
    };

    protected override (int Status, JsonObject Body) QuotaExhaustedAnswer() =>
        (429, new JsonObject { ["error"] = new JsonObject { ["code"] = "insufficient_quota", ["message"] = "You exceeded your current quota." } });

    protected override void MapRoutes(WebApplication app)
    {
        app.MapPost("/openai/deployments/{deployment}/chat/completions", (string deployment, HttpContext context) =>
        {
            if (context.Request.Query["api-version"].ToString().Length == 0)
            {
                return JsonAnswer(ErrorBody(404, "404", "Resource not found"), 404);
            }

            if (deployment != Deployment)
            {
                return JsonAnswer(ErrorBody(404, "DeploymentNotFound", "The API deployment for this resource does not exist."), 404);
            }

            var request = JsonNode.Parse(BodyOf(context))?.AsObject() ?? [];
            var answer = scripted.TryDequeue(out var next) ? next : Responder(request);
            return JsonAnswer(new JsonObject
            {
                ["id"] = "chatcmpl-" + Guid.NewGuid().ToString("N")[..24],
                ["object"] = "chat.completion",
                ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["model"] = "gpt-4o-mini-2024-07-18",
                ["system_fingerprint"] = "fp_loopback",
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = answer.Content, ["refusal"] = null },
                    ["finish_reason"] = answer.FinishReason,
                    ["logprobs"] = null,
                }),
                ["usage"] = new JsonObject
                {
                    ["prompt_tokens"] = answer.PromptTokens,
                    ["completion_tokens"] = answer.CompletionTokens,
                    ["total_tokens"] = answer.PromptTokens + answer.CompletionTokens,
                },
            });
        });
    }

    private static string ContentOf(JsonNode? content) => content switch
    {
        JsonValue value => value.ToString(),
        // The content-parts form: [{"type": "text", "text": "..."}].
        JsonArray parts => string.Concat(parts.OfType<JsonObject>().Select(p => p["text"]?.ToString() ?? "")),
        _ => "",
    };

    /// <summary>A reply intent answer in the JSON shape the classifier asks for.</summary>
    public static ChatAnswer Intent(string kind, double confidence, string reason, string? returnDate = null, JsonObject? referral = null) =>
        new(new JsonObject
        {
            ["kind"] = kind,
            ["confidence"] = confidence,
            ["reason"] = reason,
            ["referral"] = referral,
            ["return_date"] = returnDate,
        }.ToJsonString(), 90, 30);
}
