using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace SalesOS.Outreach.Inbound;

/// <summary>
/// A bounce written as prose (qmail, Exim, Exchange 2003, Notes, Yahoo, Japanese filters): which recipients
/// failed, and for each the lines the remote server's answer sits in.
/// </summary>
internal sealed partial class FreeTextBounce(InboundReport report, IReadOnlyList<string> failedHeader)
{
    private const int MaxEvidenceChars = 8_000;

    private string[]? lines;
    private List<string>? recipients;

    private string[] Lines => lines ??= report.Explanation.Split('\n');

    [GeneratedRegex(@"(mail from|\bfrom\b\s*:?\s*<?$|sent by|sender|return-path|envelope-from|errors-to|reply-to|message-?id|x-postfix-sender|original sender|\bhello\b|\bdear\b|\bhi\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SenderContext();

    [GeneratedRegex(@"^\s*(to|cc|an|à|para|a)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex HeaderToLine();

    [GeneratedRegex(@"(has been delayed|is delayed|will be retried|will retry|warning message only|temporary (problem|failure)|do not need to (re-?send|resend)|delayed for more than|still trying|will continue trying|not yet been delivered|delivery incomplete|verzögert|retardé)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DelayNotice();

    [GeneratedRegex(@"(failed permanently|permanent (error|failure|fatal)|given up|giving up|not going to try again|will not (continue|retry|try)|no further (delivery )?attempts|not try to redeliver)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex PermanentNotice();

    public IReadOnlyList<string> Recipients() => recipients ??= FindRecipients();

    /// <summary>Whether the report concerns one recipient only, so its whole explanation speaks of that one.</summary>
    public bool SingleRecipientReport { get; init; } = true;

    private List<string> FindRecipients()
    {
        if (failedHeader.Count > 0)
        {
            return failedHeader.ToList();
        }

        var senderSide = report.SenderSideAddresses();
        var primary = new List<string>();
        var fromToLines = new List<string>();
        foreach (var line in Lines)
        {
            foreach (var (address, index) in Addresses.WithIndex(line))
            {
                if (senderSide.Contains(address) || address.StartsWith("mailer-daemon@", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var before = line[..index];
                if (Safe(() => SenderContext().IsMatch(before.Length > 40 ? before[^40..] : before)))
                {
                    continue;
                }

                var list = Safe(() => HeaderToLine().IsMatch(line)) ? fromToLines : primary;
                if (!list.Contains(address, StringComparer.OrdinalIgnoreCase))
                {
                    list.Add(address);
                }
            }
        }

        if (primary.Count > 0)
        {
            return primary;
        }

        if (fromToLines.Count > 0)
        {
            return fromToLines;
        }

        return report.OriginalRecipients().ToList();
    }

    public bool IsDelayNotice()
    {
        var text = report.Explanation + "\n" + SafeSubject(report.Message);
        return Safe(() => DelayNotice().IsMatch(text) || text.Contains("(Delay)", StringComparison.OrdinalIgnoreCase))
            && !Safe(() => PermanentNotice().IsMatch(text));
    }

    /// <summary>
    /// The lines about one recipient: the ones carrying the server's codes (with their continuation lines),
    /// the block of text between this recipient and the next, and the whole explanation.
    /// </summary>
    public (string? Coded, string? Block, string? Whole) EvidenceFor(string? address)
    {
        var whole = Limit(report.Explanation);
        if (string.IsNullOrWhiteSpace(whole))
        {
            return (null, null, null);
        }

        var all = Recipients();
        var firstLine = all
            .Select(r => (Recipient: r, Line: Array.FindIndex(Lines, l => l.Contains(r, StringComparison.OrdinalIgnoreCase))))
            .Where(p => p.Line >= 0)
            .OrderBy(p => p.Line)
            .ToList();
        var mine = address is null ? -1 : firstLine.FindIndex(p => p.Recipient.Equals(address, StringComparison.OrdinalIgnoreCase));
        if (address is null || firstLine.Count <= 1 || mine < 0)
        {
            return (CodedLines(0, Lines.Length, null), whole, whole);
        }

        var start = firstLine[mine].Line;
        var end = mine + 1 < firstLine.Count ? firstLine[mine + 1].Line : Lines.Length;
        var others = all.Where(r => !r.Equals(address, StringComparison.OrdinalIgnoreCase)).ToList();
        var coded = CodedLines(start, end, others);

        // Transcripts name the recipient again beside the server's answer, away from its block.
        var elsewhere = new StringBuilder();
        for (var i = 0; i < Lines.Length; i++)
        {
            if ((i < start || i >= end) && Lines[i].Contains(address, StringComparison.OrdinalIgnoreCase) && SmtpCodes.HasCode(Lines[i]))
            {
                elsewhere.Append(Lines[i].Trim()).Append('\n');
            }
        }

        var block = Limit(string.Join('\n', Lines[start..end]));
        var codedAll = string.Join('\n', new[] { coded, elsewhere.ToString().Trim() }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return (NullIfEmpty(codedAll), block, whole);
    }

    private string? CodedLines(int start, int end, List<string>? otherRecipients)
    {
        var output = new StringBuilder();
        for (var i = start; i < end && output.Length < MaxEvidenceChars; i++)
        {
            var line = Lines[i];
            if (!SmtpCodes.HasCode(line))
            {
                continue;
            }

            output.Append(line.Trim());
            var taken = 0;
            while (i + 1 < end && taken < 6)
            {
                var next = Lines[i + 1];
                var continues = next.Length > 0 && (char.IsWhiteSpace(next[0]) || SmtpCodes.ContinuesReply(line, next) || line.TrimEnd().EndsWith('-'))
                    && next.Trim().Length > 0
                    && !next.TrimStart().StartsWith("---", StringComparison.Ordinal)
                    && (otherRecipients is null || !otherRecipients.Any(r => next.Contains(r, StringComparison.OrdinalIgnoreCase)));
                if (!continues)
                {
                    break;
                }

                output.Append(' ').Append(next.Trim());
                line = next;
                i++;
                taken++;
            }

            output.Append('\n');
        }

        return NullIfEmpty(output.ToString());
    }

    public List<BounceRecipient> Records()
    {
        var found = Recipients();
        var action = IsDelayNotice() ? "delayed" : "failed";
        var targets = found.Count > 0 ? found : [string.Empty];
        return targets.Select(address =>
        {
            var (coded, block, whole) = EvidenceFor(address.Length > 0 ? address : null);
            var status = SmtpCodes.LastStatus(coded) ?? SmtpCodes.LastStatus(block);
            var replyCode = SmtpCodes.LastReplyCode(coded);
            var (reason, why) = DeliveryReports.Decide([SmtpCodes.Innermost(coded), coded], status, found.Count > 1 ? [block] : [block, whole], action);
            (reason, why) = DeliveryReports.RefineByCommand(reason, why, status, null, (coded, block, whole));
            var diagnostic = coded ?? (block is null ? null : Limit(block, 500));
            var hard = BounceReasons.IsHard(reason, status, replyCode);
            return new BounceRecipient(address, null, action, hard, reason, status, replyCode, NullIfEmpty(diagnostic), null, why);
        }).ToList();
    }

    private static string Limit(string text, int max = MaxEvidenceChars) => text.Length > max ? text[..max] : text;

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static bool Safe(Func<bool> test)
    {
        try
        {
            return test();
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static string SafeSubject(MimeMessage message)
    {
        try
        {
            return MailText.Subject(message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return string.Empty;
        }
    }
}

/// <summary>Whether a message without DSN fields is a mail server telling us delivery failed.</summary>
internal static partial class BounceSignals
{
    [GeneratedRegex(@"^(mailer-?daemon|mail-?daemon|postmaster|post_master|poostmaster|mdaemon|double-bounce|bounces?|mail\.?delivery|maildelivery|ndr|nobody|sysadmin|mailadmin|mail-?system)(@|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DaemonAddress();

    [GeneratedRegex(@"(mail delivery|mailer-?daemon|postmaster|mail administrator|system administrator|delivery (subsystem|system|notification)|\bndr\b|mail system|mmsc|mail ?filter|mailer|e-?mail security|content[- ]filter)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DaemonName();

    [GeneratedRegex(@"(undeliver|undelivered|delivery status notification|returned mail|mail delivery (failed|failure|system|subsystem)|failure notice|delivery (failure|failed|notification|report|status|problem|incomplete)|non remis|non distribuable|unzustellbar|nicht zustellbar|n[aã]o entregue|no entregad|non recapitabile|onbestelbaar|not delivered|mail failure|could not be delivered|non-?deliver|could not send message|delayed mail|mail system error|returned to sender|bounce notification|delivery has failed|mail delivery status|postmaster notify|unsolicited bulk|message you sent blocked|配信|送信できません|не доставлено|не может быть доставлено|nie dostarczono|bounced)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex BounceSubject();

    [GeneratedRegex(@"(could ?n[o']t be delivered|was not delivered|has not been delivered|not be delivered|undeliverable|delivery (has )?failed|delivery to the following recipients? (failed|has been delayed)|failed permanently|permanent (error|failure)|fatal errors?|unable to deliver|wasn'?t able to deliver|did not reach the following recipient|could not be reached|returning message to sender|message delivery has failed|mail delivery failed|delivery failure|non-?delivery|failed to deliver|error (occurred|has occurred) (while|when) (trying|attempting) to deliver|error delivering your mail|rejected your message|(was|were) (rejected|blocked)|the following address(es)? failed|address(es)? had (permanent )?(fatal )?errors|message could not be sent|delivery incomplete|message not delivered|has been delayed|is delayed|temporary (problem|failure) delivering|failure reasons|reject reason|konnte nicht zugestellt|nicht zustellbar|unzustellbar|n'a pas pu (être|etre) (remis|distribu)|non remis|échec de la remise|impossible de remettre|no se (ha podido|pudo) entregar|n[aã]o (foi possível|p[oô]de ser) entreg|non [eè] stato possibile (consegnare|recapitare)|kon niet worden bezorgd|送信できませんでした|配信できませんでした|送信に失敗|届きませんでした|не может быть доставлено|не доставлено|no valid recipients|error message below)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex FailurePhrase();

    [GeneratedRegex(@"^\s*(re|aw|sv|antw|fw|fwd|wg|tr|rv|enc)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ReplyPrefix();

    public static bool LooksLikeBounce(InboundReport report)
    {
        try
        {
            var message = report.Message;
            var from = message.From.Mailboxes.FirstOrDefault();
            var daemon = from is not null && (DaemonAddress().IsMatch(from.Address ?? string.Empty) || DaemonName().IsMatch(from.Name ?? string.Empty))
                || message.From.Count == 0 && message.Headers[HeaderId.ReturnPath]?.Trim() == "<>";
            var subject = MailText.Subject(message);
            var subjectSays = BounceSubject().IsMatch(subject);
            var replying = ReplyPrefix().IsMatch(subject) && !daemon;
            var explanation = report.Explanation.Length > 20_000 ? report.Explanation[..20_000] : report.Explanation;
            var bodySays = FailurePhrase().IsMatch(explanation);
            if (replying)
            {
                return false;
            }

            return daemon && (subjectSays || bodySays) || subjectSays && bodySays;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
        }
    }
}
