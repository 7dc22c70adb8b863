using Microsoft.Extensions.Options;
using SalesOS.Outreach.Tracking;

namespace SalesOS.Grains.Outreach;

/// <summary>
/// The signed links and ids of one send: open pixel, click redirects, unsubscribe page and the
/// Message-ID, all pointing at <see cref="OutreachOptions.PublicBaseUrl"/> and verifiable only with the
/// workspace-independent tracking key the silos share.
/// </summary>
public sealed class OutreachLinks(TrackingTokens tokens, IOptions<OutreachOptions> options)
{
    private string Base => options.Value.PublicBaseUrl.TrimEnd('/');

    public TrackingTokens Tokens => tokens;

    public string OpenPixel(string workspaceId, string identity, string sendId)
        => $"{Base}/t/o/{tokens.Issue(new TrackingToken(TrackingTokenKind.Open, workspaceId, identity, sendId))}.gif";

    public string Click(string workspaceId, string identity, string sendId, string url)
        => $"{Base}/t/c/{tokens.Issue(new TrackingToken(TrackingTokenKind.Click, workspaceId, identity, sendId, url))}";

    public string Unsubscribe(string workspaceId, string identity, string sendId)
        => $"{Base}/u/{tokens.Issue(new TrackingToken(TrackingTokenKind.Unsubscribe, workspaceId, identity, sendId))}";

    /// <summary>The Message-ID (without angle brackets) of a send: a signed token a reply's In-Reply-To brings back, at the sender's domain.</summary>
    public string MessageId(string workspaceId, string identity, string sendId, string senderAddress)
        => $"{tokens.Issue(new TrackingToken(TrackingTokenKind.MessageId, workspaceId, identity, sendId))}@{senderAddress[(senderAddress.LastIndexOf('@') + 1)..]}";

    /// <summary>Reads the send a Message-ID stands for, when it is one of ours.</summary>
    public bool TryReadMessageId(string? messageId, out TrackingToken token)
    {
        token = null!;
        if (messageId is null)
        {
            return false;
        }

        var id = messageId.Trim().Trim('<', '>');
        var at = id.LastIndexOf('@');
        if (at <= 0 || !tokens.TryRead(id[..at], TrackingTokenKind.MessageId, out var read))
        {
            return false;
        }

        token = read;
        return true;
    }

    /// <summary>The public URL a provider called, for checking its signature.</summary>
    public Uri Public(string pathAndQuery) => new($"{Base}{(pathAndQuery.StartsWith('/') ? "" : "/")}{pathAndQuery}");
}
