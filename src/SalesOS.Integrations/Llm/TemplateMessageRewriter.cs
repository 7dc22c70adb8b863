using SalesOS.Outreach.Ports;

namespace SalesOS.Integrations.Llm;

/// <summary>The offline default: the template's text is the message, at no cost.</summary>
public sealed class TemplateMessageRewriter : IMessageRewriter
{
    public const string RewriterName = "template";

    public string Name => RewriterName;

    public Task<RewrittenMessage> RewriteAsync(MessageDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return Task.FromResult(new RewrittenMessage(draft.Subject, draft.Body, RewriterName, 0m));
    }
}
