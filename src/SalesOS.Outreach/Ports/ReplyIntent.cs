using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Outreach;

namespace SalesOS.Outreach.Ports;

/// <summary>What a person meant by a reply, with how sure the classifier is and why.</summary>
public sealed record ReplyIntent(
    ReplyKind Kind,
    double Confidence,
    string Reason,
    ReferralSuggestion? Referral = null,
    DateOnly? ReturnDate = null);

/// <summary>
/// Reads the intent of a human reply (its text with quotes and signature already removed). The offline
/// classifier is the default; an LLM classifier is used when one is configured.
/// </summary>
public interface IReplyIntentClassifier
{
    /// <summary>"offline" or "llm:&lt;deployment&gt;".</summary>
    string Name { get; }

    /// <param name="received">When the reply arrived: relative dates ("back next Monday") count from it.</param>
    Task<ReplyIntent> ClassifyAsync(string replyText, string? subject, DateTimeOffset received, CancellationToken cancellationToken);
}
