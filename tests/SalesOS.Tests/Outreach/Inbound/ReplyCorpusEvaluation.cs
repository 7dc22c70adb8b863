using System.Globalization;
using System.Text;
using System.Text.Json;
using MimeKit;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Outreach;
using SalesOS.Outreach.Inbound;
using SalesOS.Testing;

namespace SalesOS.Tests.Outreach.Inbound;

/// <summary>One labelled reply to a cold email, as written in Replies/*.json.</summary>
public sealed record LabelledReply(
    string Id,
    string Lang,
    string Kind,
    string Text,
    string? Subject = null,
    string? Received = null,
    string? ReferralEmail = null,
    string? ReferralName = null,
    string? ReferralTitle = null,
    string? ReturnDate = null,
    string? Note = null);

/// <summary>
/// The labelled replies run through the whole <see cref="InboundClassifier"/> as real messages (headers of a
/// person's reply, the text as body): per-kind precision and recall, accuracy, referral fields and return dates.
/// </summary>
public sealed class ReplyCorpusEvaluation
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public required string Name { get; init; }

    public int Total { get; private set; }

    public int Correct { get; private set; }

    public double Accuracy => BounceCorpusEvaluation.Ratio(Correct, Total);

    public Dictionary<ReplyKind, Dictionary<ReplyKind, int>> Confusion { get; } = [];

    public int ReferralFieldsCompared { get; private set; }

    public int ReferralFieldsAgreed { get; private set; }

    public int ReturnDatesCompared { get; private set; }

    public int ReturnDatesAgreed { get; private set; }

    public List<string> Misses { get; } = [];

    public static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "SalesOS.Tests", "Outreach", "Inbound", "Replies");

    public static List<LabelledReply> Load(string file) =>
        JsonSerializer.Deserialize<List<LabelledReply>>(File.ReadAllText(Path.Combine(Folder, file)), Json) ?? [];

    public static MimeMessage AsMessage(LabelledReply reply, DateTimeOffset received)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Prospect", $"{reply.Id}@prospect.example"));
        message.To.Add(new MailboxAddress("Sam Carter", "sam@salesos.example"));
        message.Subject = reply.Subject ?? "Re: A quick idea for your team";
        message.Date = received;
        message.MessageId = $"{reply.Id}@prospect.example";
        message.InReplyTo = $"outbound-{reply.Id}@salesos.example";
        message.Body = new TextPart("plain") { Text = reply.Text };
        return message;
    }

    public static async Task<ReplyCorpusEvaluation> RunAsync(string name, string file)
    {
        var evaluation = new ReplyCorpusEvaluation { Name = name };
        var classifier = new InboundClassifier();
        foreach (var reply in Load(file))
        {
            var received = reply.Received is null ? new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(1)) : DateTimeOffset.Parse(reply.Received, CultureInfo.InvariantCulture);
            var verdict = await classifier.ClassifyAsync(AsMessage(reply, received), received, CancellationToken.None);
            evaluation.Add(reply, verdict);
        }

        return evaluation;
    }

    private void Add(LabelledReply reply, InboundVerdict verdict)
    {
        Total++;
        var expected = Enum.Parse<ReplyKind>(reply.Kind);
        var got = verdict.ReplyKind ?? (verdict.Kind == InboundKind.OutOfOffice ? ReplyKind.OutOfOffice : ReplyKind.Other);
        if (!Confusion.TryGetValue(expected, out var row))
        {
            Confusion[expected] = row = [];
        }

        row[got] = row.GetValueOrDefault(got) + 1;
        if (got == expected)
        {
            Correct++;
        }
        else
        {
            Misses.Add($"{reply.Id} ({reply.Lang}) expected {expected}, got {got} [{verdict.Kind}]: {verdict.Reason} | {Flat(reply.Text)}");
        }

        if (expected == ReplyKind.Referral)
        {
            Compare("referral email", reply.Id, reply.ReferralEmail, verdict.Referral?.Email);
            Compare("referral name", reply.Id, reply.ReferralName, verdict.Referral?.Name);
            Compare("referral title", reply.Id, reply.ReferralTitle, verdict.Referral?.Title);
        }

        if (expected == ReplyKind.OutOfOffice)
        {
            ReturnDatesCompared++;
            var gotDate = verdict.ReturnDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (gotDate == reply.ReturnDate)
            {
                ReturnDatesAgreed++;
            }
            else
            {
                Misses.Add($"{reply.Id} return date expected {reply.ReturnDate ?? "none"}, got {gotDate ?? "none"}");
            }
        }
    }

    private void Compare(string field, string id, string? expected, string? got)
    {
        if (expected is null && got is null)
        {
            return;
        }

        ReferralFieldsCompared++;
        if (string.Equals(expected, got, StringComparison.OrdinalIgnoreCase))
        {
            ReferralFieldsAgreed++;
        }
        else
        {
            Misses.Add($"{id} {field} expected {expected ?? "none"}, got {got ?? "none"}");
        }
    }

    public (double Precision, double Recall) PrecisionRecall(ReplyKind kind)
    {
        var truePositives = Confusion.GetValueOrDefault(kind)?.GetValueOrDefault(kind) ?? 0;
        var actual = Confusion.GetValueOrDefault(kind)?.Values.Sum() ?? 0;
        var predicted = Confusion.Values.Sum(r => r.GetValueOrDefault(kind));
        return (BounceCorpusEvaluation.Ratio(truePositives, predicted), BounceCorpusEvaluation.Ratio(truePositives, actual));
    }

    private static string Flat(string text)
    {
        var flat = text.Replace('\n', ' ');
        return flat.Length > 110 ? flat[..110] + "…" : flat;
    }

    public string Summary()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Name}: {Total} replies, accuracy {Correct}/{Total} = {Accuracy:P1}");
        text.AppendLine("  kind           precision  recall   n");
        foreach (var kind in Enum.GetValues<ReplyKind>())
        {
            var (precision, recall) = PrecisionRecall(kind);
            var n = Confusion.GetValueOrDefault(kind)?.Values.Sum() ?? 0;
            text.AppendLine(CultureInfo.InvariantCulture, $"  {kind,-14} {precision,9:P1} {recall,7:P1} {n,4}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"  referral fields {ReferralFieldsAgreed}/{ReferralFieldsCompared}; return dates {ReturnDatesAgreed}/{ReturnDatesCompared}");
        text.AppendLine("  confusion (expected: predicted × count):");
        foreach (var (kind, row) in Confusion.OrderBy(p => p.Key))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"    {kind,-14} {string.Join(", ", row.OrderBy(p => p.Key).Select(p => $"{p.Key}×{p.Value}"))}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"  misses ({Misses.Count}):");
        foreach (var line in Misses)
        {
            text.Append("    ").AppendLine(line);
        }

        return text.ToString();
    }
}
