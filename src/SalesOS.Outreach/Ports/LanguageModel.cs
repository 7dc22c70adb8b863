namespace SalesOS.Outreach.Ports;

/// <summary>A message as the template rendered it, and what the rewrite may use to make it more personal.</summary>
public sealed record MessageDraft(string Subject, string Body, IReadOnlyDictionary<string, string> Facts);

public sealed record RewrittenMessage(string Subject, string Body, string RewrittenBy, decimal Cost);

/// <summary>Rewrites a rendered message (an LLM when configured); the offline default keeps the template's text.</summary>
public interface IMessageRewriter
{
    /// <summary>"template" for the offline default, "llm:&lt;deployment&gt;" otherwise.</summary>
    string Name { get; }

    Task<RewrittenMessage> RewriteAsync(MessageDraft draft, CancellationToken cancellationToken);
}
