using System.Globalization;
using System.Text;
using SalesOS.Outreach.Inbound;

namespace SalesOS.Tests.Outreach.Inbound;

/// <summary>
/// Reads every file of the bounce corpus and compares with sisimai's expectations in its manifest: is it a
/// bounce, hard or soft, reason, DSN status, recipients. Records of one file are paired reason-first, so a
/// file whose records come in another order than sisimai's still pairs each record with its like.
/// </summary>
public sealed class BounceCorpusEvaluation
{
    public int Files { get; private set; }

    public int DetectionAgreed { get; private set; }

    public int ComplaintFiles { get; private set; }

    public int ComplaintsRead { get; private set; }

    public int ComplaintRecipientsCompared { get; private set; }

    public int ComplaintRecipientsAgreed { get; private set; }

    public int BounceRecords { get; private set; }

    public int HardSoftAgreed { get; private set; }

    public int ReasonAgreed { get; private set; }

    public int StatusCompared { get; private set; }

    public int StatusAgreed { get; private set; }

    public int RealStatusCompared { get; private set; }

    public int RealStatusAgreed { get; private set; }

    public int ReplyCodeCompared { get; private set; }

    public int ReplyCodeAgreed { get; private set; }

    public int RecipientFilesCompared { get; private set; }

    public int RecipientFilesAgreed { get; private set; }

    public int MessageIdFiles { get; private set; }

    public List<string> Disagreements { get; } = [];

    /// <summary>expected reason → predicted reason → count.</summary>
    public SortedDictionary<string, SortedDictionary<string, int>> ReasonConfusion { get; } = new(StringComparer.Ordinal);

    public static double Ratio(int agreed, int total) => total == 0 ? 1 : (double)agreed / total;

    public static BounceCorpusEvaluation Run()
    {
        var folder = CorpusFiles.Folder("bounces");
        var rows = CorpusFiles.ReadCsv(Path.Combine(folder, "manifest.csv"));
        var evaluation = new BounceCorpusEvaluation();
        foreach (var file in rows.GroupBy(r => r["file"], StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            evaluation.Evaluate(folder, file.Key, file.OrderBy(r => int.Parse(r["record"], CultureInfo.InvariantCulture)).ToList());
        }

        return evaluation;
    }

    private void Evaluate(string folder, string file, List<Dictionary<string, string>> expected)
    {
        Files++;
        var message = InboundMessages.Parse(File.ReadAllBytes(Path.Combine(folder, file)));
        var bounce = DeliveryReports.ReadBounce(message);
        var complaint = DeliveryReports.ReadComplaint(message);
        var expectBounce = expected.Any(r => !r["bounce_type"].StartsWith("not-a-bounce", StringComparison.Ordinal));
        var expectComplaint = expected.Any(r => r["reason"] == "feedback");

        if (expectComplaint)
        {
            ComplaintFiles++;
            if (complaint is not null)
            {
                ComplaintsRead++;
            }

            var derived = expected[0]["derived_recipients"];
            if (derived.Length > 0)
            {
                ComplaintRecipientsCompared++;
                if (complaint is not null && SameAddresses(derived, complaint.Recipients))
                {
                    ComplaintRecipientsAgreed++;
                }
                else
                {
                    Disagreements.Add($"{file}: complaint recipients expected {derived}, got {string.Join(';', complaint?.Recipients ?? [])}");
                }
            }
        }

        if ((bounce is not null) == expectBounce)
        {
            DetectionAgreed++;
        }
        else
        {
            Disagreements.Add($"{file}: bounce expected {expectBounce}, got {(bounce is null ? "none" : bounce.Reason)}");
        }

        if (bounce?.OriginalMessageIds.Count > 0)
        {
            MessageIdFiles++;
        }

        var bounceRows = expected.Where(r => !r["bounce_type"].StartsWith("not-a-bounce", StringComparison.Ordinal)).ToList();
        if (bounceRows.Count == 0)
        {
            return;
        }

        var derivedRecipients = bounceRows[0]["derived_recipients"];
        if (derivedRecipients.Length > 0)
        {
            RecipientFilesCompared++;
            if (bounce is not null && SameAddresses(derivedRecipients, bounce.Recipients))
            {
                RecipientFilesAgreed++;
            }
            else
            {
                Disagreements.Add($"{file}: recipients expected {derivedRecipients}, got {string.Join(';', bounce?.Recipients ?? [])}");
            }
        }

        var predicted = bounce?.PerRecipient.ToList() ?? [];
        foreach (var row in Pair(bounceRows, predicted))
        {
            var (want, got) = row;
            BounceRecords++;
            var reason = want["reason"];
            var gotReason = got?.Reason ?? "(none)";
            if (!ReasonConfusion.TryGetValue(reason, out var line))
            {
                ReasonConfusion[reason] = line = new SortedDictionary<string, int>(StringComparer.Ordinal);
            }

            line[gotReason] = line.GetValueOrDefault(gotReason) + 1;

            var wantHard = want["hardbounce"] == "true";
            if (got is not null && got.Hard == wantHard)
            {
                HardSoftAgreed++;
            }
            else
            {
                Disagreements.Add($"{file}: hard expected {wantHard} ({reason}), got {got?.Hard.ToString() ?? "none"} ({gotReason}: {got?.Evidence})");
            }

            if (got is not null && got.Reason == reason)
            {
                ReasonAgreed++;
            }
            else
            {
                Disagreements.Add($"{file}: reason expected {reason}, got {gotReason} by {got?.Evidence} [{Short(got?.Diagnostic)}]");
            }

            var status = want["dsn_status"];
            if (status.Length > 0)
            {
                StatusCompared++;
                var agreed = got?.Status == status;
                if (agreed)
                {
                    StatusAgreed++;
                }

                // sisimai writes its own x.0.9xx codes when the report gave none; those are not the server's.
                if (!IsSisimaiPseudoStatus(status))
                {
                    RealStatusCompared++;
                    if (agreed)
                    {
                        RealStatusAgreed++;
                    }
                    else
                    {
                        Disagreements.Add($"{file}: status expected {status}, got {got?.Status ?? "none"}");
                    }
                }
            }

            var replyCode = want["smtp_replycode"];
            if (replyCode.Length > 0)
            {
                ReplyCodeCompared++;
                if (got?.ReplyCode == replyCode)
                {
                    ReplyCodeAgreed++;
                }
                else
                {
                    Disagreements.Add($"{file}: reply code expected {replyCode}, got {got?.ReplyCode ?? "none"}");
                }
            }
        }
    }

    public static bool IsSisimaiPseudoStatus(string status)
    {
        var parts = status.Split('.');
        return parts.Length == 3 && parts[1] == "0" && parts[2].Length == 3 && parts[2][0] == '9';
    }

    private static (Dictionary<string, string> Want, BounceRecipient? Got)[] Pair(List<Dictionary<string, string>> wanted, List<BounceRecipient> predicted)
    {
        var left = predicted.ToList();
        var pairs = new (Dictionary<string, string>, BounceRecipient?)[wanted.Count];
        for (var i = 0; i < wanted.Count; i++)
        {
            var same = left.FirstOrDefault(p => p.Reason == wanted[i]["reason"]);
            if (same is not null)
            {
                pairs[i] = (wanted[i], same);
                left.Remove(same);
            }
        }

        for (var i = 0; i < wanted.Count; i++)
        {
            if (pairs[i].Item1 is null)
            {
                var next = left.FirstOrDefault();
                if (next is not null)
                {
                    left.Remove(next);
                }

                pairs[i] = (wanted[i], next);
            }
        }

        return pairs;
    }

    private static bool SameAddresses(string expected, IEnumerable<string> actual)
    {
        var want = expected.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(a => a.ToLowerInvariant()).ToHashSet();
        var got = actual.Select(a => a.Trim().ToLowerInvariant()).ToHashSet();
        return want.SetEquals(got);
    }

    private static string Short(string? text)
    {
        if (text is null)
        {
            return string.Empty;
        }

        var flat = text.Replace('\n', ' ');
        return flat.Length > 140 ? flat[..140] : flat;
    }

    public string Summary()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"bounce corpus: {Files} files, {BounceRecords} bounce records");
        text.AppendLine(CultureInfo.InvariantCulture, $"  is-a-bounce      {DetectionAgreed}/{Files} = {Ratio(DetectionAgreed, Files):P1}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  complaints read  {ComplaintsRead}/{ComplaintFiles}; complained recipients {ComplaintRecipientsAgreed}/{ComplaintRecipientsCompared}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  hard vs soft     {HardSoftAgreed}/{BounceRecords} = {Ratio(HardSoftAgreed, BounceRecords):P1}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  reason           {ReasonAgreed}/{BounceRecords} = {Ratio(ReasonAgreed, BounceRecords):P1}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  DSN status       {StatusAgreed}/{StatusCompared} = {Ratio(StatusAgreed, StatusCompared):P1} (servers' own codes: {RealStatusAgreed}/{RealStatusCompared} = {Ratio(RealStatusAgreed, RealStatusCompared):P1}; the rest are sisimai's x.0.9xx codes)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  SMTP reply code  {ReplyCodeAgreed}/{ReplyCodeCompared} = {Ratio(ReplyCodeAgreed, ReplyCodeCompared):P1}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  recipients       {RecipientFilesAgreed}/{RecipientFilesCompared} files = {Ratio(RecipientFilesAgreed, RecipientFilesCompared):P1}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  original Message-ID found in {MessageIdFiles} bounce files");
        text.AppendLine("reason confusion (expected: predicted × count):");
        foreach (var (reason, predicted) in ReasonConfusion)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {reason,-16} {string.Join(", ", predicted.Select(p => $"{p.Key}×{p.Value}"))}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"disagreements ({Disagreements.Count}):");
        foreach (var line in Disagreements)
        {
            text.Append("  ").AppendLine(line);
        }

        return text.ToString();
    }
}
