using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace SalesOS.Outreach.Inbound;

/// <summary>
/// One inbound message taken apart once: its machine-readable report parts (delivery-status, feedback-report),
/// the human-readable explanation (with any quoted original cut off), the original message it returns
/// (attached, as headers, or quoted inline), and the ids that original carried.
/// </summary>
internal sealed partial class InboundReport
{
    private const int MaxDepth = 32;
    private const int MaxTextChars = 200_000;

    public required MimeMessage Message { get; init; }

    /// <summary>report-type of a multipart/report anywhere in the message, lower case ("delivery-status", "feedback-report").</summary>
    public string? ReportType { get; private set; }

    public List<string> DeliveryStatusTexts { get; } = [];

    public List<string> FeedbackReportTexts { get; } = [];

    /// <summary>The explanation a person reads, before any copy of the original message.</summary>
    public string Explanation { get; private set; } = string.Empty;

    /// <summary>What followed the explanation: the quoted original message, headers and body.</summary>
    public string QuotedOriginal { get; private set; } = string.Empty;

    public List<MimeMessage> AttachedOriginals { get; } = [];

    /// <summary>Header blocks of returned messages (text/rfc822-headers parts MimeKit did not parse as messages).</summary>
    public List<string> OriginalHeaderTexts { get; } = [];

    public static InboundReport Read(MimeMessage message)
    {
        var report = new InboundReport { Message = message };
        var texts = new List<string>();
        try
        {
            report.Walk(message.Body, texts, 0);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A broken tree still yields what was read before the break.
        }

        var all = string.Join("\n\n", texts);
        if (all.Length > MaxTextChars)
        {
            all = all[..MaxTextChars];
        }

        var cut = FindOriginalStart(all);
        report.Explanation = cut < 0 ? all : all[..cut];
        report.QuotedOriginal = cut < 0 ? string.Empty : all[cut..];
        return report;
    }

    private void Walk(MimeEntity? entity, List<string> texts, int depth)
    {
        if (entity is null || depth > MaxDepth)
        {
            return;
        }

        switch (entity)
        {
            case Multipart multipart:
                if (multipart.ContentType.IsMimeType("multipart", "report"))
                {
                    ReportType ??= multipart.ContentType.Parameters["report-type"]?.Trim().ToLowerInvariant();
                }

                if (multipart.Count == 0 && !string.IsNullOrWhiteSpace(multipart.Preamble))
                {
                    // A multipart without a usable boundary: MimeKit keeps its whole content as the preamble.
                    texts.Add(MailText.NormalizeNewlines(multipart.Preamble));
                    return;
                }

                if (multipart.ContentType.IsMimeType("multipart", "alternative"))
                {
                    WalkAlternative(multipart, texts, depth);
                    return;
                }

                foreach (var child in multipart)
                {
                    Walk(child, texts, depth + 1);
                }

                return;
            case MessagePart { Message: { } attached }:
                AttachedOriginals.Add(attached);
                return;
            case MimePart part:
                ReadPart(part, texts);
                return;
        }
    }

    private void WalkAlternative(Multipart alternative, List<string> texts, int depth)
    {
        // The plain alternative is the sender's own text; HTML only when plain is missing or empty.
        var plain = alternative.OfType<TextPart>().FirstOrDefault(p => p.IsPlain);
        if (plain is not null)
        {
            var text = MailText.ReadAsPlainText(plain);
            if (!string.IsNullOrWhiteSpace(text) && text.Trim() != "...")
            {
                texts.Add(text);
                foreach (var other in alternative.Where(c => c is not TextPart))
                {
                    Walk(other, texts, depth + 1);
                }

                return;
            }
        }

        foreach (var child in alternative.Where(c => c != plain))
        {
            Walk(child, texts, depth + 1);
        }
    }

    private void ReadPart(MimePart part, List<string> texts)
    {
        var type = part.ContentType;
        if (type.IsMimeType("message", "delivery-status") || type.IsMimeType("message", "global-delivery-status"))
        {
            DeliveryStatusTexts.Add(MailText.NormalizeNewlines(MailText.Read(part)));
        }
        else if (type.IsMimeType("message", "feedback-report"))
        {
            FeedbackReportTexts.Add(MailText.NormalizeNewlines(MailText.Read(part)));
        }
        else if (type.MediaType.Equals("text", StringComparison.OrdinalIgnoreCase)
            && type.MediaSubtype.StartsWith("rfc822-header", StringComparison.OrdinalIgnoreCase))
        {
            OriginalHeaderTexts.Add(MailText.NormalizeNewlines(MailText.Read(part)));
        }
        else if (type.IsMimeType("text", "plain") || type.IsMimeType("text", "html"))
        {
            if (!part.IsAttachment || type.IsMimeType("text", "plain") && string.IsNullOrEmpty(part.FileName))
            {
                texts.Add(MailText.ReadAsPlainText(part));
            }
        }
        else if (type.IsMimeType("message", "rfc822") || type.IsMimeType("message", "global"))
        {
            // A message part MimeKit left unparsed (broken framing): its text still carries the original's ids.
            OriginalHeaderTexts.Add(MailText.NormalizeNewlines(MailText.Read(part)));
        }
    }

    // Lines that announce the copy of the returned message in the many MTA dialects.
    [GeneratedRegex(@"^[\s\-=*#_>]*(below this line is a copy of the message|this is a copy of (the|your) message|(-+ ?)?original message( headers?| follows| header)?\b|unsent message follows|returned message|the header of the original message|included is a copy of the message header|message headers follow|below is a copy of the original message|original mail info|original message:|en-t[eê]tes de message d'origine|urspr[uü]ngliche nachricht|message d'origine|bounced e-?mail:|copy of the original message|headers of the original message|here is a copy of the (original )?message|the original message (headers? )?(is|are) (attached|included|below)|message header follows|the first \d+ lines of (the|your) message)[\s\-=*#_:.]*", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex OriginalMarker();

    // A header block of a quoted original: a trace or identity field at column 0 followed by more fields.
    [GeneratedRegex(@"^(Received|Return-Path|DKIM-Signature|ARC-Seal|Delivered-To|Authentication-Results|X-(?!Actual-Recipient|Postfix|Display-Name|Notes|Supplementary)[A-Za-z0-9-]+|Message-I[Dd]|MIME-Version):[^\n]*\n((\s+[^\n]*|[A-Za-z][A-Za-z0-9-]*:[^\n]*)\n){2}", RegexOptions.Multiline | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex HeaderBlock();

    internal static int FindOriginalStart(string text)
    {
        try
        {
            var marker = OriginalMarker().Match(text);
            var block = HeaderBlock().Match(text);
            var candidates = new[] { marker.Success ? marker.Index : -1, block.Success ? block.Index : -1 }.Where(i => i > 0);
            return candidates.DefaultIfEmpty(-1).Min();
        }
        catch (RegexMatchTimeoutException)
        {
            return -1;
        }
    }

    [GeneratedRegex(@"message-?id\s*(:|of|was:?|=)\s*<?([^\s<>""';,]+@[^\s<>""';,]+?)>?(?=[\s;,""']|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex QuotedMessageId();

    /// <summary>Ids of the message this report returns or complains about, most reliable first, without angle brackets.</summary>
    public IReadOnlyList<string> OriginalMessageIds()
    {
        var ids = new List<string>();
        void Add(string? id)
        {
            id = id?.Trim().Trim('<', '>').Trim();
            if (!string.IsNullOrEmpty(id) && id.Contains('@', StringComparison.Ordinal) && !ids.Contains(id, StringComparer.Ordinal) && id != Message.MessageId)
            {
                ids.Add(id);
            }
        }

        foreach (var original in AttachedOriginals)
        {
            Add(SafeMessageId(original));
        }

        foreach (var text in OriginalHeaderTexts.Append(QuotedOriginal).Append(Explanation).Concat(FeedbackReportTexts))
        {
            try
            {
                foreach (Match match in QuotedMessageId().Matches(text))
                {
                    Add(match.Groups[2].Value);
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // Ids already found still count.
            }
        }

        return ids;
    }

    private static string? SafeMessageId(MimeMessage message)
    {
        try
        {
            return message.MessageId ?? message.Headers[HeaderId.MessageId];
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    /// <summary>The To addresses of the returned original, wherever it was found.</summary>
    public IReadOnlyList<string> OriginalRecipients()
    {
        var found = new List<string>();
        foreach (var original in AttachedOriginals)
        {
            try
            {
                found.AddRange(original.To.Mailboxes.Select(m => m.Address));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Unparseable To: the quoted text below may still name the address.
            }
        }

        foreach (var text in OriginalHeaderTexts.Append(QuotedOriginal))
        {
            foreach (var line in text.Split('\n'))
            {
                if (line.StartsWith("To:", StringComparison.OrdinalIgnoreCase))
                {
                    found.AddRange(Addresses.InText(line));
                }
            }
        }

        return found.Where(a => a.Contains('@', StringComparison.Ordinal)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Addresses that speak for the sender side of the original (ours), never a failed recipient.</summary>
    public HashSet<string> SenderSideAddresses()
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void AddList(InternetAddressList? list)
        {
            if (list is null)
            {
                return;
            }

            foreach (var mailbox in list.Mailboxes)
            {
                if (!string.IsNullOrEmpty(mailbox.Address))
                {
                    set.Add(mailbox.Address);
                }
            }
        }

        try
        {
            AddList(Message.From);
            AddList(Message.To);
            AddList(Message.ReplyTo);
            foreach (var original in AttachedOriginals)
            {
                AddList(original.From);
                AddList(original.ReplyTo);
                if (original.Sender is { } sender)
                {
                    set.Add(sender.Address);
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Addresses read so far still exclude.
        }

        foreach (var text in OriginalHeaderTexts.Append(QuotedOriginal))
        {
            foreach (var line in text.Split('\n'))
            {
                if (line.StartsWith("From:", StringComparison.OrdinalIgnoreCase) || line.StartsWith("Return-Path:", StringComparison.OrdinalIgnoreCase)
                    || line.StartsWith("Sender:", StringComparison.OrdinalIgnoreCase))
                {
                    foreach (var address in Addresses.InText(line))
                    {
                        set.Add(address);
                    }
                }
            }
        }

        return set;
    }

    /// <summary>All human text of the message including the quoted original (for scans that want everything).</summary>
    public string AllText()
    {
        var text = new StringBuilder(Explanation.Length + QuotedOriginal.Length + 2);
        text.Append(Explanation).Append('\n').Append(QuotedOriginal);
        return text.ToString();
    }
}

/// <summary>Email addresses inside free text.</summary>
internal static partial class Addresses
{
    [GeneratedRegex(@"(?<![\w.+\-=])[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-]+)*@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?)+", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Address();

    public static IEnumerable<string> InText(string text)
    {
        MatchCollection matches;
        try
        {
            matches = Address().Matches(text.Length > 100_000 ? text[..100_000] : text);
            _ = matches.Count;
        }
        catch (RegexMatchTimeoutException)
        {
            yield break;
        }

        foreach (Match match in matches)
        {
            yield return match.Value.TrimEnd('.', '-');
        }
    }

    public static IEnumerable<(string Address, int Index)> WithIndex(string text)
    {
        MatchCollection matches;
        try
        {
            matches = Address().Matches(text);
            _ = matches.Count;
        }
        catch (RegexMatchTimeoutException)
        {
            yield break;
        }

        foreach (Match match in matches)
        {
            yield return (match.Value.TrimEnd('.', '-'), match.Index);
        }
    }
}
