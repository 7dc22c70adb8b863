using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesOS.Outreach.Ports;

namespace SalesOS.Integrations.Llm;

/// <summary>
/// Asks the model to make a rendered message more personal from the draft's facts alone. The answer is
/// checked before it is used (<see cref="RewriteRules"/>); an answer that fails, a timeout or an error gives
/// back the draft unchanged, with RewrittenBy saying why. The cost is what the service reports it used.
/// </summary>
public sealed class LlmMessageRewriter : IMessageRewriter
{
    private const string Instructions = """
        You personalise B2B sales messages. You receive a JSON object with "facts" about the recipient and
        their company, and a "draft" with a subject and a body. Rewrite the draft so it reads as written for
        this recipient, using only the facts given.
        Rules:
        - Keep it short: no longer than the draft plus two short sentences.
        - Keep every URL exactly as it appears in the draft, character for character.
        - Add no claims, numbers, names, links, prices or promises that are not in the draft or the facts.
        - Keep the sender's sign-off and the language of the draft.
        - Plain text only: no markdown, no placeholders, no template markup.
        Answer with one JSON object and nothing else: {"subject": "...", "body": "..."}
        """;

    private readonly IChatClient chat;
    private readonly IOptionsMonitor<LlmOptions> options;
    private readonly ILogger<LlmMessageRewriter> logger;
    // One call costs fractions of a millionth; a decimal under a lock keeps them, a scaled long would not.
    private readonly Lock spentLock = new();
    private decimal spent;

    public LlmMessageRewriter(IChatClient chat, IOptionsMonitor<LlmOptions> options, ILogger<LlmMessageRewriter> logger)
    {
        this.chat = chat;
        this.options = options;
        this.logger = logger;
    }

    public string Name => options.CurrentValue.ModelName;

    /// <summary>What the rewrites cost since start, fallbacks included (the tokens were used).</summary>
    public decimal TotalCost
    {
        get
        {
            lock (spentLock)
            {
                return spent;
            }
        }
    }

    public async Task<RewrittenMessage> RewriteAsync(MessageDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var current = options.CurrentValue;
        var chatOptions = new ChatOptions
        {
            Temperature = 0.4f,
            MaxOutputTokens = current.MaxOutputTokens,
            ResponseFormat = ChatResponseFormat.Json,
        };
        var (answer, failure) = await ChatCall.AskAsync(
            chat, [new(ChatRole.System, Instructions), new(ChatRole.User, Question(draft))], chatOptions, current.Timeout, cancellationToken)
            .ConfigureAwait(false);
        if (answer is null)
        {
            return Fallback(draft, failure!, 0m);
        }

        var cost = current.CostOf(answer.Usage?.InputTokenCount, answer.Usage?.OutputTokenCount);
        lock (spentLock)
        {
            spent += cost;
        }

        if (ChatCall.JsonObjectIn(answer.Text) is not { } root
            || !root.TryGetProperty("body", out var bodyValue) || bodyValue.ValueKind != JsonValueKind.String)
        {
            return Fallback(draft, "the answer is not the JSON asked for", cost);
        }

        var subject = root.TryGetProperty("subject", out var subjectValue) && subjectValue.ValueKind == JsonValueKind.String
            ? subjectValue.GetString()!.Trim()
            : "";
        var body = bodyValue.GetString()!.Trim();
        if (draft.Subject.Length == 0)
        {
            // A message without a subject (an SMS) stays without one.
            subject = "";
        }

        if (RewriteRules.Check(draft, subject, body) is { } problem)
        {
            return Fallback(draft, problem, cost);
        }

        return new RewrittenMessage(subject, body, Name, cost);
    }

    private RewrittenMessage Fallback(MessageDraft draft, string reason, decimal cost)
    {
        logger.LogWarning("Rewrite by {Model} not used, the draft goes out as rendered: {Reason}", Name, reason);
        return new RewrittenMessage(draft.Subject, draft.Body, $"{TemplateMessageRewriter.RewriterName} ({Name} not used: {reason})", cost);
    }

    private static string Question(MessageDraft draft)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("facts");
            foreach (var (key, value) in draft.Facts.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
            writer.WriteStartObject("draft");
            writer.WriteString("subject", draft.Subject);
            writer.WriteString("body", draft.Body);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}

/// <summary>What a rewritten message must still be: every check the model's promise is not trusted for.</summary>
public static partial class RewriteRules
{
    /// <summary>Null when the rewrite may be used, else the first problem found.</summary>
    public static string? Check(MessageDraft draft, string subject, string body)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(body);
        if (body.Length == 0)
        {
            return "the body is empty";
        }

        if (draft.Subject.Length > 0 && subject.Length == 0)
        {
            return "the subject is empty";
        }

        if (TemplateMarkup().IsMatch(subject) || TemplateMarkup().IsMatch(body))
        {
            return "template markup is left in the text";
        }

        var draftUrls = Urls(draft.Subject + "\n" + draft.Body);
        var rewrite = subject + "\n" + body;
        if (draftUrls.FirstOrDefault(url => !rewrite.Contains(url, StringComparison.Ordinal)) is { } lost)
        {
            return "a URL of the draft is missing or changed: " + lost;
        }

        if (Urls(rewrite).FirstOrDefault(url => !draftUrls.Contains(url)) is { } added)
        {
            return "a URL not in the draft was added: " + added;
        }

        // Short means short: a little room for a personal sentence, none for a new paragraph of claims.
        var longest = (int)(draft.Body.Length * 1.5) + 200;
        if (body.Length > longest)
        {
            return $"the body grew from {draft.Body.Length} to {body.Length} characters (at most {longest})";
        }

        if (body.Length < draft.Body.Length * 0.3)
        {
            return $"the body shrank from {draft.Body.Length} to {body.Length} characters";
        }

        if (draft.Subject.Length > 0 && subject.Length > Math.Max(120, draft.Subject.Length + 60))
        {
            return "the subject is too long";
        }

        var known = draft.Subject + "\n" + draft.Body + "\n" + string.Join('\n', draft.Facts.Values);
        var knownNumbers = Numbers(WithoutUrls(known));
        if (Numbers(WithoutUrls(rewrite)).FirstOrDefault(n => !knownNumbers.Contains(n)) is { } number)
        {
            return "a number that is neither in the draft nor in the facts was added: " + number;
        }

        var knownAddresses = Addresses(known);
        if (Addresses(rewrite).FirstOrDefault(a => !knownAddresses.Contains(a)) is { } address)
        {
            return "an email address that is neither in the draft nor in the facts was added: " + address;
        }

        return null;
    }

    private static HashSet<string> Urls(string text) =>
        [.. Url().Matches(text).Select(m => m.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', ']', '\'', '"'))];

    private static string WithoutUrls(string text) => Url().Replace(text, " ");

    private static HashSet<string> Numbers(string text) =>
        [.. Number().Matches(text).Select(m => m.Value.Replace(",", "", StringComparison.Ordinal))];

    private static HashSet<string> Addresses(string text) =>
        new(Address().Matches(text).Select(m => m.Value), StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"\{\{|\}\}|\{%|%\}")]
    private static partial Regex TemplateMarkup();

    [GeneratedRegex(@"\bhttps?://[^\s<>""]+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"\d+(?:[.,]\d+)*")]
    private static partial Regex Number();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Address();
}
