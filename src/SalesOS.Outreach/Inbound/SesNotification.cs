using System.Text.Json;

namespace SalesOS.Outreach.Inbound;

/// <summary>
/// Amazon SES bounce, complaint and delivery notifications, as SNS mails them (the JSON either bare or
/// wrapped in an SNS envelope's "Message").
/// </summary>
internal sealed record SesNotification(string Type, BounceReading? Bounce, ComplaintReading? Complaint)
{
    private const int MaxJsonChars = 256 * 1024;

    public static SesNotification? Read(string text)
    {
        var start = text.IndexOf('{', StringComparison.Ordinal);
        if (start < 0 || start > 200 || !text.Contains("notificationType", StringComparison.Ordinal) && !text.Contains("eventType", StringComparison.Ordinal))
        {
            return null;
        }

        var end = text.LastIndexOf('}');
        if (end <= start || end - start > MaxJsonChars)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text.AsMemory(start, end - start + 1), new JsonDocumentOptions { MaxDepth = 32 });
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("Message", out var wrapped) && wrapped.ValueKind == JsonValueKind.String)
            {
                return Read(wrapped.GetString() ?? string.Empty);
            }

            return FromRoot(root);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static SesNotification? FromRoot(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var type = String(root, "notificationType") ?? String(root, "eventType");
        if (type is null)
        {
            return null;
        }

        var ids = new List<string>();
        if (root.TryGetProperty("mail", out var mail) && mail.ValueKind == JsonValueKind.Object)
        {
            if (mail.TryGetProperty("commonHeaders", out var common) && common.ValueKind == JsonValueKind.Object && String(common, "messageId") is { } headerId)
            {
                ids.Add(headerId.Trim('<', '>'));
            }

            if (mail.TryGetProperty("headers", out var headers) && headers.ValueKind == JsonValueKind.Array)
            {
                foreach (var header in headers.EnumerateArray())
                {
                    if (header.ValueKind == JsonValueKind.Object && String(header, "name")?.Equals("Message-ID", StringComparison.OrdinalIgnoreCase) == true && String(header, "value") is { } value)
                    {
                        ids.Add(value.Trim().Trim('<', '>'));
                    }
                }
            }

            if (String(mail, "messageId") is { } sesId)
            {
                // SES's own id; the Message-ID SES put on the mail is "<sesId@region.amazonses.com>".
                ids.Add(sesId);
            }
        }

        ids = ids.Distinct(StringComparer.Ordinal).ToList();
        switch (type)
        {
            case "Bounce" when root.TryGetProperty("bounce", out var bounce) && bounce.ValueKind == JsonValueKind.Object:
                return new SesNotification(type, ReadBounce(bounce, ids), null);
            case "Complaint" when root.TryGetProperty("complaint", out var complaint) && complaint.ValueKind == JsonValueKind.Object:
                var complained = Recipients(complaint, "complainedRecipients").Select(r => r.Address).ToList();
                var feedback = String(complaint, "complaintFeedbackType") ?? "abuse";
                return new SesNotification(type, null, new ComplaintReading(feedback, complained, ids, String(complaint, "userAgent"), null, null));
            default:
                return new SesNotification(type, null, null);
        }
    }

    private static BounceReading ReadBounce(JsonElement bounce, List<string> ids)
    {
        var bounceType = String(bounce, "bounceType") ?? "Undetermined";
        var subType = String(bounce, "bounceSubType") ?? string.Empty;
        var permanent = bounceType.Equals("Permanent", StringComparison.OrdinalIgnoreCase);
        var records = Recipients(bounce, "bouncedRecipients").Select(r =>
        {
            var status = r.Status is not null && BounceReasons.TryParseStatus(r.Status, out _, out _, out _) ? r.Status : SmtpCodes.LastStatus(r.Diagnostic);
            var replyCode = SmtpCodes.LastReplyCode(r.Diagnostic);
            var (reason, why) = DeliveryReports.Decide([SmtpCodes.Innermost(r.Diagnostic), r.Diagnostic], status, [SubTypeText(subType)], permanent ? "failed" : "delayed");
            var hard = BounceReasons.IsHard(reason, status, replyCode) || permanent && subType is "NoEmail" or "General" && reason == BounceReasons.UserUnknown;
            return new BounceRecipient(r.Address, null, r.Action ?? "failed", hard, reason, status, replyCode, r.Diagnostic, String(bounce, "reportingMTA"), why);
        }).ToList();
        if (records.Count == 0)
        {
            records.Add(new BounceRecipient(string.Empty, null, "failed", false, BounceReasons.Undefined, null, null, null, null, $"SES {bounceType}/{subType}"));
        }

        var summary = records[0];
        return new BounceReading(summary.Hard, summary.Reason, summary.Status, summary.ReplyCode, summary.Diagnostic,
            records.Select(r => r.Address).Where(a => a.Length > 0).ToList(), records, ids, "ses-notification", summary.Evidence);
    }

    // SES's bounce sub-types say in a word what a DSN says in a sentence.
    private static string SubTypeText(string subType) => subType switch
    {
        "NoEmail" => "user unknown",
        "MailboxFull" => "mailbox full",
        "MessageTooLarge" => "message too large",
        "ContentRejected" => "content rejected",
        "AttachmentRejected" => "attachment not allowed",
        "Suppressed" or "OnAccountSuppressionList" => "blocked by suppression list",
        _ => string.Empty,
    };

    private static IEnumerable<(string Address, string? Action, string? Status, string? Diagnostic)> Recipients(JsonElement parent, string property)
    {
        if (!parent.TryGetProperty(property, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object && String(item, "emailAddress") is { } address)
            {
                yield return (DsnFields.Address(address) ?? address, String(item, "action"), String(item, "status"), String(item, "diagnosticCode"));
            }
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
