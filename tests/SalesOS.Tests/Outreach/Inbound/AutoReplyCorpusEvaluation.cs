using System.Globalization;
using System.Text;
using SalesOS.Contracts.Outreach;
using SalesOS.Outreach.Inbound;

namespace SalesOS.Tests.Outreach.Inbound;

/// <summary>
/// The auto-reply corpus against its manifest: automatic or written by a person (a bounce or complaint
/// counts as automatic: nobody answers it), and for talon's human replies the text left after stripping
/// the quote (compared line by line without trailing spaces).
/// </summary>
public sealed class AutoReplyCorpusEvaluation
{
    public int Files { get; private set; }

    public int AutomaticAgreed { get; private set; }

    public int ReplyTextCompared { get; private set; }

    public int ReplyTextAgreed { get; private set; }

    public List<string> Lines { get; } = [];

    public List<string> Disagreements { get; } = [];

    public static async Task<AutoReplyCorpusEvaluation> RunAsync()
    {
        var folder = CorpusFiles.Folder("autoreplies");
        var evaluation = new AutoReplyCorpusEvaluation();
        var classifier = new InboundClassifier();
        foreach (var row in CorpusFiles.ReadCsv(Path.Combine(folder, "manifest.csv")))
        {
            var file = row["file"];
            var message = InboundMessages.Parse(File.ReadAllBytes(Path.Combine(folder, file)));
            var received = message.Date == DateTimeOffset.MinValue ? new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero) : message.Date;
            var verdict = await classifier.ClassifyAsync(message, received, CancellationToken.None);
            evaluation.Files++;
            var automatic = verdict.Kind != InboundKind.Reply;
            var expected = row["expected_auto_reply"] == "yes";
            var back = verdict.ReturnDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";
            evaluation.Lines.Add($"{file,-42} {verdict.Kind,-11} {verdict.ReplyKind?.ToString() ?? "-",-13} back {back,-10} {verdict.Reason}");
            if (automatic == expected)
            {
                evaluation.AutomaticAgreed++;
            }
            else
            {
                evaluation.Disagreements.Add($"{file}: automatic expected {expected}, got {verdict.Kind} ({verdict.Reason})");
            }

            var text = row["expected_reply_text"];
            if (file.StartsWith("talon-", StringComparison.Ordinal))
            {
                evaluation.ReplyTextCompared++;
                var got = verdict.ReplyText ?? string.Empty;
                var agreed = text.Length > 0
                    ? Normalize(got) == Normalize(text)
                    : got.Trim().Length > 0 && !got.Contains("From", StringComparison.Ordinal);
                if (agreed)
                {
                    evaluation.ReplyTextAgreed++;
                }
                else
                {
                    evaluation.Disagreements.Add($"{file}: reply text expected [{Normalize(text).Replace("\n", "\\n", StringComparison.Ordinal)}], got [{Normalize(got).Replace("\n", "\\n", StringComparison.Ordinal)}]");
                }
            }
        }

        return evaluation;
    }

    private static string Normalize(string text) =>
        string.Join('\n', text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd())).Trim();

    public string Summary()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"auto-reply corpus: {Files} files");
        text.AppendLine(CultureInfo.InvariantCulture, $"  automatic vs human  {AutomaticAgreed}/{Files} = {BounceCorpusEvaluation.Ratio(AutomaticAgreed, Files):P1}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  reply text (talon)  {ReplyTextAgreed}/{ReplyTextCompared} = {BounceCorpusEvaluation.Ratio(ReplyTextAgreed, ReplyTextCompared):P1}");
        foreach (var line in Lines)
        {
            text.Append("  ").AppendLine(line);
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"disagreements ({Disagreements.Count}):");
        foreach (var line in Disagreements)
        {
            text.Append("  ").AppendLine(line);
        }

        return text.ToString();
    }
}
