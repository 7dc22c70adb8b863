using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Outreach;
using SalesOS.Outreach.Ports;

namespace SalesOS.Integrations.Llm;

/// <summary>
/// Asks the model what a reply means, as strict JSON
/// {kind, confidence, reason, referral: {email, name, title}, return_date}, and reads the answer defensively.
/// An answer it cannot use, a timeout or an error throws <see cref="LanguageModelException"/>: the caller
/// falls back to the offline classifier.
/// </summary>
public sealed class LlmReplyIntentClassifier(IChatClient chat, IOptionsMonitor<LlmOptions> options) : IReplyIntentClassifier
{
    /// <summary>The key this classifier is registered under, beside the offline one.</summary>
    public const string ServiceKey = "llm";

    private const string Instructions = """
        You classify replies to B2B sales emails. You receive a JSON object with the reply's "subject", its
        "text" (quotes and signature removed) and the date it was "received". Decide what the person meant:
        - Interested: wants to talk, see a demo, or asks for a meeting.
        - NotInterested: declines, has no need, or already uses something else.
        - OutOfOffice: an absence notice; give return_date when the text says when they are back.
        - Referral: points to someone else; give that person in referral.
        - Question: asks something before deciding.
        - Unsubscribe: asks to stop receiving messages or to be removed.
        - Other: none of these.
        Answer with one JSON object and nothing else:
        {"kind": "<one of the kinds above>", "confidence": <0.0 to 1.0>, "reason": "<one short sentence>",
         "referral": {"email": "<or null>", "name": "<or null>", "title": "<or null>"} or null,
         "return_date": "<YYYY-MM-DD, counted from the received date, or null>"}
        """;

    private static readonly Dictionary<string, ReplyKind> Kinds = BuildKinds();

    // One call costs fractions of a millionth; a decimal under a lock keeps them, a scaled long would not.
    private readonly Lock spentLock = new();
    private decimal spent;

    public string Name => options.CurrentValue.ModelName;

    /// <summary>What the classifications cost since start.</summary>
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

    public async Task<ReplyIntent> ClassifyAsync(string replyText, string? subject, DateTimeOffset received, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replyText);
        var current = options.CurrentValue;
        var chatOptions = new ChatOptions { Temperature = 0f, MaxOutputTokens = Math.Min(current.MaxOutputTokens, 400), ResponseFormat = ChatResponseFormat.Json };
        var question = JsonSerializer.Serialize(new
        {
            subject = subject ?? "",
            text = replyText,
            received = received.ToString("yyyy-MM-dd (dddd)", CultureInfo.InvariantCulture),
        });
        var (answer, failure) = await ChatCall.AskAsync(
            chat, [new(ChatRole.System, Instructions), new(ChatRole.User, question)], chatOptions, current.Timeout, cancellationToken)
            .ConfigureAwait(false);
        if (answer is null)
        {
            throw new LanguageModelException($"{Name}: {failure}");
        }

        var cost = current.CostOf(answer.Usage?.InputTokenCount, answer.Usage?.OutputTokenCount);
        lock (spentLock)
        {
            spent += cost;
        }

        return Read(answer.Text, DateOnly.FromDateTime(received.Date), Name);
    }

    /// <summary>Reads the model's JSON answer; throws <see cref="LanguageModelException"/> when it has no usable kind.</summary>
    public static ReplyIntent Read(string? answer, DateOnly receivedOn, string model = "llm")
    {
        if (ChatCall.JsonObjectIn(answer) is not { } root)
        {
            throw new LanguageModelException($"{model}: the answer is not a JSON object") { Answer = answer };
        }

        var kindText = Text(root, "kind") ?? Text(root, "intent");
        if (kindText is null)
        {
            throw new LanguageModelException($"{model}: the answer names no kind") { Answer = answer };
        }

        if (!Kinds.TryGetValue(Squash(kindText), out var kind))
        {
            throw new LanguageModelException($"{model}: the answer's kind \"{kindText}\" is none of SalesOS's reply kinds") { Answer = answer };
        }

        var reason = Text(root, "reason") ?? "the model gave no reason";
        return new ReplyIntent(kind, Confidence(root), $"{model}: {reason}", Referral(root), ReturnDate(root, receivedOn));
    }

    /// <summary>0..1; a percentage (0..100) is scaled down; anything else is a middling 0.5 rather than a failure.</summary>
    private static double Confidence(JsonElement root)
    {
        if (!root.TryGetProperty("confidence", out var value))
        {
            return 0.5;
        }

        double number;
        if (value.ValueKind == JsonValueKind.Number)
        {
            number = value.GetDouble();
        }
        else if (value.ValueKind == JsonValueKind.String
            && double.TryParse(value.GetString()!.Trim().TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            number = parsed;
        }
        else
        {
            return 0.5;
        }

        if (double.IsNaN(number) || number < 0)
        {
            return 0.5;
        }

        return number > 1 ? Math.Min(number, 100) / 100 : number;
    }

    private static ReferralSuggestion? Referral(JsonElement root)
    {
        if (!root.TryGetProperty("referral", out var referral) || referral.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var email = Text(referral, "email");
        if (email is not null && (email.Count(c => c == '@') != 1 || email.StartsWith('@') || email.EndsWith('@') || email.Contains(' ', StringComparison.Ordinal)))
        {
            // A made-up or garbled address is worse than none: the person can still be found by name.
            email = null;
        }

        var name = Text(referral, "name");
        var title = Text(referral, "title");
        return email is null && name is null && title is null ? null : new ReferralSuggestion(email, name, title);
    }

    /// <summary>A return date before the reply arrived, or more than a year after, is a misreading and dropped.</summary>
    private static DateOnly? ReturnDate(JsonElement root, DateOnly receivedOn)
    {
        var text = Text(root, "return_date") ?? Text(root, "returnDate");
        if (text is null || !DateOnly.TryParseExact(text.Length >= 10 ? text[..10] : text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return null;
        }

        return date >= receivedOn && date <= receivedOn.AddYears(1) ? date : null;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { } text
        && !string.IsNullOrWhiteSpace(text) && !string.Equals(text.Trim(), "null", StringComparison.OrdinalIgnoreCase)
            ? text.Trim()
            : null;

    /// <summary>"Not Interested", "not_interested", "NOT-INTERESTED" and "notinterested" are one kind.</summary>
    private static string Squash(string kind) =>
        string.Concat(kind.Where(char.IsLetter)).ToUpperInvariant();

    private static Dictionary<string, ReplyKind> BuildKinds()
    {
        var kinds = Enum.GetValues<ReplyKind>().ToDictionary(k => Squash(k.ToString()), StringComparer.Ordinal);
        kinds["OOO"] = ReplyKind.OutOfOffice;
        kinds["AUTOREPLY"] = ReplyKind.OutOfOffice;
        kinds["OPTOUT"] = ReplyKind.Unsubscribe;
        kinds["REMOVE"] = ReplyKind.Unsubscribe;
        return kinds;
    }
}
