using System.Text.RegularExpressions;
using MimeKit;

namespace SalesOS.Outreach.Inbound;

/// <summary>One failed (or delayed) recipient of a delivery report.</summary>
/// <param name="Address">Final-Recipient, or the address the free text names.</param>
/// <param name="OriginalAddress">Original-Recipient when the report carries it: the address as it was sent to.</param>
/// <param name="Action">failed, delayed or expired.</param>
/// <param name="ReplyCode">The remote server's SMTP reply code (550), the innermost one when replies are nested.</param>
/// <param name="Diagnostic">What the remote server said, as the report quotes it.</param>
/// <param name="Evidence">The phrase or code that decided the reason.</param>
public sealed record BounceRecipient(
    string Address,
    string? OriginalAddress,
    string Action,
    bool Hard,
    string Reason,
    string? Status,
    string? ReplyCode,
    string? Diagnostic,
    string? RemoteMta,
    string Evidence);

/// <summary>
/// A delivery failure report read: the first failed recipient's verdict at the top, every recipient below,
/// and the ids of the message that failed when the report carries them.
/// </summary>
/// <param name="Source">"delivery-status" (RFC 3464 fields), "free-text" (a mail server's prose), or "ses-notification".</param>
public sealed record BounceReading(
    bool Hard,
    string Reason,
    string? Status,
    string? ReplyCode,
    string? Diagnostic,
    IReadOnlyList<string> Recipients,
    IReadOnlyList<BounceRecipient> PerRecipient,
    IReadOnlyList<string> OriginalMessageIds,
    string Source,
    string Evidence)
{
    public Contracts.Outreach.BounceDetails ToDetails() => new(Hard, Reason, Status, Diagnostic, Recipients);
}

/// <summary>A feedback-loop complaint (RFC 5965 ARF, or an SES complaint notification).</summary>
/// <param name="FeedbackType">abuse, opt-out, fraud, virus, auth-failure, not-spam, other.</param>
/// <param name="Recipients">The complained-about recipients (Original-Rcpt-To, Removal-Recipient, else the original's To).</param>
public sealed record ComplaintReading(
    string FeedbackType,
    IReadOnlyList<string> Recipients,
    IReadOnlyList<string> OriginalMessageIds,
    string? UserAgent,
    string? SourceIp,
    string? ReportingDomain);

/// <summary>
/// Reads delivery reports: RFC 3464 DSNs (message/delivery-status parts anywhere in the tree, or DSN fields
/// pasted into a text part), the free-text bounces of qmail, Exim, Postfix, Sendmail, Exchange, Notes, Yahoo
/// and others, Amazon SES notifications, and RFC 5965 feedback reports. A success DSN is not a bounce.
/// </summary>
public static partial class DeliveryReports
{
    public static BounceReading? ReadBounce(MimeMessage message) => ReadBounce(InboundReport.Read(message));

    public static ComplaintReading? ReadComplaint(MimeMessage message) => ReadComplaint(InboundReport.Read(message));

    internal static ComplaintReading? ReadComplaint(InboundReport report)
    {
        var ses = SesNotification.Read(report.Explanation);
        if (ses?.Complaint is { } sesComplaint)
        {
            return sesComplaint;
        }

        if (report.ReportType != "feedback-report" && report.FeedbackReportTexts.Count == 0)
        {
            return null;
        }

        var fields = report.FeedbackReportTexts.SelectMany(DsnFields.Fields).ToList();
        string? First(string name) => fields.FirstOrDefault(f => f.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

        var recipients = fields
            .Where(f => f.Name.Equals("Original-Rcpt-To", StringComparison.OrdinalIgnoreCase) || f.Name.Equals("Removal-Recipient", StringComparison.OrdinalIgnoreCase))
            .SelectMany(f => Addresses.InText(f.Value))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (recipients.Count == 0)
        {
            recipients = report.OriginalRecipients().ToList();
        }

        var type = First("Feedback-Type")?.Trim().ToLowerInvariant();
        return new ComplaintReading(
            string.IsNullOrEmpty(type) ? "abuse" : type,
            recipients,
            report.OriginalMessageIds(),
            First("User-Agent"),
            First("Source-IP"),
            First("Reported-Domain"));
    }

    internal static BounceReading? ReadBounce(InboundReport report)
    {
        if (report.ReportType == "feedback-report" || report.FeedbackReportTexts.Count > 0)
        {
            return null;
        }

        var ses = SesNotification.Read(report.Explanation);
        if (ses is not null)
        {
            return ses.Bounce is { } sesBounce ? sesBounce with { OriginalMessageIds = sesBounce.OriginalMessageIds.Concat(report.OriginalMessageIds()).Distinct(StringComparer.Ordinal).ToList() } : null;
        }

        var groups = report.DeliveryStatusTexts.SelectMany(DsnFields.Groups).Where(DsnFields.IsRecipientGroup).ToList();
        var source = "delivery-status";
        if (groups.Count == 0)
        {
            // Some servers paste the DSN fields into the text part ("Technical report:").
            groups = DsnFields.Groups(report.AllText()).Where(g => DsnFields.IsRecipientGroup(g) && DsnFields.HasRecipient(g)).ToList();
        }

        var failedHeader = FailedRecipientsHeader(report.Message);
        var isReport = report.ReportType == "delivery-status" || report.DeliveryStatusTexts.Count > 0;
        var freeText = new FreeTextBounce(report, failedHeader) { SingleRecipientReport = groups.Count(g => !DsnFields.IsSuccess(g)) <= 1 };

        List<BounceRecipient> records;
        if (groups.Count > 0)
        {
            var failing = groups.Where(g => !DsnFields.IsSuccess(g)).ToList();
            if (failing.Count == 0)
            {
                return null;
            }

            records = failing.Select(g => FromDsnGroup(g, freeText)).ToList();
        }
        else
        {
            if (!isReport && failedHeader.Count == 0 && !BounceSignals.LooksLikeBounce(report))
            {
                return null;
            }

            source = "free-text";
            records = freeText.Records();
        }

        var ids = report.OriginalMessageIds();
        var summary = records.FirstOrDefault(r => r.Action == "failed") ?? records[0];
        var recipients = records.Select(r => r.Address).Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new BounceReading(summary.Hard, summary.Reason, summary.Status, summary.ReplyCode, summary.Diagnostic, recipients, records, ids, source, summary.Evidence);
    }

    private static List<string> FailedRecipientsHeader(MimeMessage message)
    {
        var values = message.Headers.Where(h => h.Field.Equals("X-Failed-Recipients", StringComparison.OrdinalIgnoreCase)).Select(h => h.Value);
        return values
            .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(v => v.Trim('<', '>', ' ', '"'))
            .Where(v => v.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    private static BounceRecipient FromDsnGroup(Dictionary<string, string> group, FreeTextBounce freeText)
    {
        var address = DsnFields.Address(group.GetValueOrDefault("Final-Recipient"))
            ?? DsnFields.Address(group.GetValueOrDefault("X-Actual-Recipient"))
            ?? DsnFields.Address(group.GetValueOrDefault("Original-Recipient"))
            ?? FirstOrNull(freeText.Recipients())
            ?? string.Empty;
        var original = DsnFields.Address(group.GetValueOrDefault("Original-Recipient"));
        var action = DsnFields.FirstWord(group.GetValueOrDefault("Action")) ?? "failed";
        var (statusField, statusComment) = DsnFields.Status(group.GetValueOrDefault("Status"));
        var (diagnosticType, diagnostic) = DsnFields.Diagnostic(group.GetValueOrDefault("Diagnostic-Code"));
        var remoteMta = DsnFields.Address(group.GetValueOrDefault("Remote-MTA"), keepNonAddress: true);

        var evidence = freeText.EvidenceFor(address.Length > 0 ? address : null);
        var said = string.IsNullOrWhiteSpace(diagnostic) ? null : diagnostic;
        var primary = said ?? statusComment ?? evidence.Coded;
        var status = SmtpCodes.LastStatus(said) ?? (BounceReasons.IsSpecific(statusField) ? statusField : null) ?? SmtpCodes.LastStatus(evidence.Coded) ?? statusField;
        var replyCode = SmtpCodes.LastReplyCode(said) ?? SmtpCodes.LastReplyCode(evidence.Coded);

        // With several recipients the whole explanation speaks of all of them, not of this one.
        string?[] secondary = freeText.SingleRecipientReport ? [evidence.Block, evidence.Whole] : [evidence.Block];
        var (reason, why) = Decide(
            [SmtpCodes.Innermost(primary), primary, diagnosticType, statusComment],
            status,
            secondary,
            action);
        (reason, why) = RefineByCommand(reason, why, status, said, evidence);
        var hard = BounceReasons.IsHard(reason, status ?? statusField, replyCode);
        return new BounceRecipient(address, original, action, hard, reason, status ?? statusField, replyCode, NullIfEmpty(primary), remoteMta, why);
    }

    /// <summary>
    /// "User unknown" answered to DATA, after the server had accepted the recipient at RCPT, is a filter
    /// speaking (sisimai's "filtered"), unless the status code itself says the mailbox does not exist.
    /// </summary>
    internal static (string Reason, string Evidence) RefineByCommand(string reason, string evidence, string? status, string? diagnostic, (string? Coded, string? Block, string? Whole) texts)
    {
        if (reason != BounceReasons.UserUnknown || status is not null && BounceReasons.TryParseStatus(status, out _, out var subject, out _) && subject == 1)
        {
            return (reason, evidence);
        }

        var command = SmtpCodes.Command(diagnostic) ?? SmtpCodes.Command(texts.Coded) ?? SmtpCodes.Command(texts.Block) ?? SmtpCodes.Command(texts.Whole);
        return command == "DATA" ? (BounceReasons.Filtered, evidence + " answered to DATA") : (reason, evidence);
    }

    internal static (string Reason, string Evidence) Decide(string?[] primary, string? status, string?[] secondary, string action)
    {
        var (reason, evidence) = DecideOnce(primary, status, secondary, action);

        // A delay report that names a connection or lookup problem is the queue still waiting: the mail expires.
        if (action is "delayed" or "expired" && reason is BounceReasons.NetworkError or BounceReasons.HostUnknown or BounceReasons.SystemError or BounceReasons.Undefined or BounceReasons.OnHold)
        {
            return (BounceReasons.Expired, $"action {action} after {evidence}");
        }

        return (reason, evidence);
    }

    private static (string Reason, string Evidence) DecideOnce(string?[] primary, string? status, string?[] secondary, string action)
    {
        foreach (var text in primary)
        {
            if (BounceReasons.FromText(text) is { } found)
            {
                return (found.Reason, $"\"{found.Phrase}\"");
            }
        }

        if (BounceReasons.IsSpecific(status) && BounceReasons.FromStatus(status) is { } fromStatus)
        {
            return (fromStatus, $"status {status}");
        }

        foreach (var text in secondary)
        {
            if (BounceReasons.FromText(text) is { } found)
            {
                return (found.Reason, $"\"{found.Phrase}\"");
            }
        }

        if (action is "delayed" or "expired")
        {
            return (BounceReasons.Expired, $"action {action}");
        }

        if (BounceReasons.FromStatus(status) is { } generic)
        {
            return (generic, $"status {status}");
        }

        return status is null ? (BounceReasons.OnHold, "no status and no reason given") : (BounceReasons.Undefined, $"status {status} names no reason");
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? FirstOrNull(IReadOnlyList<string> list) => list.Count > 0 ? list[0] : null;
}

/// <summary>RFC 3464 / RFC 5965 "Name: value" fields, grouped per recipient.</summary>
internal static partial class DsnFields
{
    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9-]*)[ \t]*:[ \t]*(.*)$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex FieldLine();

    private static readonly string[] RecipientFields = ["Final-Recipient", "Original-Recipient", "X-Actual-Recipient"];

    public static IEnumerable<(string Name, string Value)> Fields(string text) =>
        Groups(text).SelectMany(g => g.Select(kv => (kv.Key, kv.Value)));

    public static List<Dictionary<string, string>> Groups(string text)
    {
        var groups = new List<Dictionary<string, string>>();
        Dictionary<string, string>? current = null;
        string? lastField = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.Trim().Length == 0)
            {
                current = null;
                lastField = null;
                continue;
            }

            if (char.IsWhiteSpace(line[0]) && current is not null && lastField is not null)
            {
                current[lastField] = current[lastField] + " " + line.Trim();
                continue;
            }

            Match match;
            try
            {
                match = FieldLine().Match(line);
            }
            catch (RegexMatchTimeoutException)
            {
                continue;
            }

            if (!match.Success)
            {
                lastField = null;
                continue;
            }

            var name = match.Groups[1].Value;
            if (current is null || current.ContainsKey(name))
            {
                current = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                groups.Add(current);
            }

            current[name] = match.Groups[2].Value.Trim();
            lastField = name;
        }

        return groups;
    }

    public static bool HasRecipient(Dictionary<string, string> group) => RecipientFields.Any(group.ContainsKey);

    public static bool IsRecipientGroup(Dictionary<string, string> group) =>
        HasRecipient(group) || group.ContainsKey("Action") && (group.ContainsKey("Status") || group.ContainsKey("Diagnostic-Code"));

    public static bool IsSuccess(Dictionary<string, string> group)
    {
        var action = FirstWord(group.GetValueOrDefault("Action"));
        if (action is "delivered" or "relayed" or "expanded" or "deliverable")
        {
            return true;
        }

        var (status, _) = Status(group.GetValueOrDefault("Status"));
        return action is null && status?.StartsWith('2') == true;
    }

    public static string? FirstWord(string? value)
    {
        var word = value?.Trim().Split([' ', '\t', ';', '('], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return word?.ToLowerInvariant();
    }

    /// <summary>"rfc822; &lt;jane@acme.com&gt;" → "jane@acme.com".</summary>
    public static string? Address(string? value, bool keepNonAddress = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var semicolon = value.IndexOf(';', StringComparison.Ordinal);
        var address = (semicolon >= 0 ? value[(semicolon + 1)..] : value).Trim().Trim('<', '>', '"', '\'', ' ').Trim();
        if (address.Length == 0)
        {
            return null;
        }

        if (keepNonAddress)
        {
            return address;
        }

        return address.Contains('@', StringComparison.Ordinal) ? address : null;
    }

    public static (string? Status, string? Comment) Status(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return (null, null);
        }

        var code = SmtpCodes.FirstStatus(value);
        var open = value.IndexOf('(', StringComparison.Ordinal);
        var comment = open >= 0 ? value[(open + 1)..].TrimEnd(')', ' ') : null;
        return (code, comment);
    }

    public static (string? Type, string? Text) Diagnostic(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return (null, null);
        }

        var semicolon = value.IndexOf(';', StringComparison.Ordinal);
        if (semicolon > 0 && semicolon < 16 && !value[..semicolon].Contains(' ', StringComparison.Ordinal))
        {
            return (value[..semicolon].Trim().ToLowerInvariant(), value[(semicolon + 1)..].Trim());
        }

        return (null, value.Trim());
    }
}

/// <summary>SMTP reply codes (550) and enhanced status codes (5.1.1) inside text.</summary>
internal static partial class SmtpCodes
{
    // Not part of an IP address, a version, a time or a longer number.
    [GeneratedRegex(@"(?<![\d.])(?<!\d:)\b([245])\.(\d{1,3})\.(\d{1,3})\b(?![.]\d)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex StatusCode();

    [GeneratedRegex(@"(?<![\d.])(?<!\d:)(?<![\w=])\b([45][0-5]\d)\b(?![.:]\d)(?=[\s\-,')>\]]|$)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ReplyCode();

    [GeneratedRegex(@"(in reply to (end of )?(?<c>data|rcpt to|mail from)|after (end of )?(?<c>data|rcpt to|rcpt|mail from)\b|>>> (?<c>data|rcpt to|mail from)|(?<c>final data)|(?<c>end of data))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex CommandMention();

    /// <summary>The SMTP command the last rejection answered: DATA, RCPT or MAIL; null when the text does not say.</summary>
    public static string? Command(string? text)
    {
        var last = Matches(CommandMention(), text).LastOrDefault();
        if (last is null)
        {
            return null;
        }

        var command = last.Groups["c"].Value.ToUpperInvariant();
        return command.Contains("DATA", StringComparison.Ordinal) ? "DATA" : command.StartsWith("RCPT", StringComparison.Ordinal) ? "RCPT" : "MAIL";
    }

    [GeneratedRegex(@"^\s*([45]\d\d)-", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex MultilineReplyStart();

    /// <summary>Whether the next line carries on a multi-line SMTP reply ("550-5.7.26 ..." then "550 5.7.26 ...").</summary>
    public static bool ContinuesReply(string line, string next)
    {
        var start = Matches(MultilineReplyStart(), line).FirstOrDefault();
        return start is not null && next.TrimStart().StartsWith(start.Groups[1].Value, StringComparison.Ordinal);
    }

    public static string? FirstStatus(string? text) => Matches(StatusCode(), text).Select(m => m.Value).FirstOrDefault();

    public static string? LastStatus(string? text) => Matches(StatusCode(), text).Select(m => m.Value).LastOrDefault();

    public static string? LastReplyCode(string? text) => Matches(ReplyCode(), text).Select(m => m.Value).LastOrDefault();

    public static bool HasCode(string line) => Matches(ReplyCode(), line).Count > 0 || Matches(StatusCode(), line).Any(m => m.Value[0] != '2');

    /// <summary>What the innermost server said: the text after the last code in a nested reply.</summary>
    public static string? Innermost(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var last = Matches(ReplyCode(), text).Concat(Matches(StatusCode(), text)).OrderBy(m => m.Index).LastOrDefault();
        if (last is null || last.Index == 0 && last.Length == text.Length)
        {
            return null;
        }

        var tail = text[(last.Index + last.Length)..].Trim(' ', '-', '\'', '"', ':', '>', '<');
        return tail.Length >= 4 && tail.Length < text.Trim().Length ? tail : null;
    }

    private static List<Match> Matches(Regex regex, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        try
        {
            var matches = regex.Matches(text.Length > 50_000 ? text[..50_000] : text);
            return matches.ToList();
        }
        catch (RegexMatchTimeoutException)
        {
            return [];
        }
    }
}
