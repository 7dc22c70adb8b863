using System.ClientModel;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace SalesOS.Integrations.Llm;

/// <summary>One bounded question to the model: its answer, or why there is none, in words for the log.</summary>
internal static class ChatCall
{
    public static async Task<(ChatResponse? Answer, string? Failure)> AskAsync(
        IChatClient chat, IEnumerable<ChatMessage> messages, ChatOptions chatOptions, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            return (await chat.GetResponseAsync(messages, chatOptions, deadline.Token).ConfigureAwait(false), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"no answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (ClientResultException e)
        {
            return (null, e.Status > 0 ? $"the model service answered {e.Status}: {FirstLine(e.Message)}" : FirstLine(e.Message));
        }
        catch (HttpRequestException e)
        {
            return (null, "the model service is unreachable: " + e.Message);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            // The service's answer did not have the chat.completion shape.
            return (null, "the model service's answer is malformed: " + FirstLine(e.Message));
        }
    }

    /// <summary>
    /// The JSON object in a model's answer: the whole text, or the part between the first '{' and the last '}'
    /// (models wrap JSON in code fences or a sentence now and then).
    /// </summary>
    public static JsonElement? JsonObjectIn(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var start = text.IndexOf('{', StringComparison.Ordinal);
        var end = text.LastIndexOf('}');
        if (start < 0 || end <= start)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text.AsMemory(start, end - start + 1));
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
