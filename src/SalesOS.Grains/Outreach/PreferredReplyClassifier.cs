using SalesOS.Outreach.Ports;

namespace SalesOS.Grains.Outreach;

/// <summary>Reads a reply's intent with the LLM when one is configured, and with the offline classifier when there is none or it fails.</summary>
public sealed class PreferredReplyClassifier(IReplyIntentClassifier? preferred, IReplyIntentClassifier offline) : IReplyIntentClassifier
{
    public string Name => preferred?.Name ?? offline.Name;

    public async Task<ReplyIntent> ClassifyAsync(string replyText, string? subject, DateTimeOffset received, CancellationToken cancellationToken)
    {
        if (preferred is not null)
        {
            try
            {
                return await preferred.ClassifyAsync(replyText, subject, received, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var fallback = await offline.ClassifyAsync(replyText, subject, received, cancellationToken);
                return fallback with { Reason = $"{fallback.Reason} (offline: the LLM failed: {e.Message})" };
            }
        }

        return await offline.ClassifyAsync(replyText, subject, received, cancellationToken);
    }
}
