using SalesOS.Contracts.Domain;
using Xunit.Abstractions;

namespace SalesOS.Tests.Outreach.Inbound;

/// <summary>
/// The shared corpora, read end to end and compared with their manifests. The thresholds are the levels
/// reached (a little below, so one more odd file does not fail the build); the printed summaries list every
/// disagreement.
/// </summary>
public sealed class CorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void BounceCorpus_AgreesWithSisimai_OnDetectionHardSoftReasonStatusAndRecipients()
    {
        var evaluation = BounceCorpusEvaluation.Run();
        output.WriteLine(evaluation.Summary());

        Assert.Equal(148, evaluation.Files);
        Assert.True(BounceCorpusEvaluation.Ratio(evaluation.DetectionAgreed, evaluation.Files) >= 0.98, "is-a-bounce");
        Assert.True(BounceCorpusEvaluation.Ratio(evaluation.HardSoftAgreed, evaluation.BounceRecords) >= 0.95, "hard vs soft");
        Assert.True(BounceCorpusEvaluation.Ratio(evaluation.ReasonAgreed, evaluation.BounceRecords) >= 0.85, "reason");
        Assert.True(BounceCorpusEvaluation.Ratio(evaluation.RealStatusAgreed, evaluation.RealStatusCompared) >= 0.97, "DSN status (servers' own codes)");
        Assert.True(BounceCorpusEvaluation.Ratio(evaluation.ReplyCodeAgreed, evaluation.ReplyCodeCompared) >= 0.95, "SMTP reply code");
        Assert.True(BounceCorpusEvaluation.Ratio(evaluation.RecipientFilesAgreed, evaluation.RecipientFilesCompared) >= 0.97, "recipients");
        Assert.Equal(evaluation.ComplaintFiles, evaluation.ComplaintsRead);
    }

    [Fact]
    public async Task AutoReplyCorpus_TellsAutomaticAnswersFromPeople_AndStripsTalonsQuotes()
    {
        var evaluation = await AutoReplyCorpusEvaluation.RunAsync();
        output.WriteLine(evaluation.Summary());

        Assert.Equal(23, evaluation.Files);
        Assert.True(BounceCorpusEvaluation.Ratio(evaluation.AutomaticAgreed, evaluation.Files) >= 0.95, "automatic vs human");
        Assert.True(BounceCorpusEvaluation.Ratio(evaluation.ReplyTextAgreed, evaluation.ReplyTextCompared) >= 0.92, "reply text");
    }

    // tuning.json shaped the rules; holdout-1.json was held out for one run (86.8 %), then its misses were fixed;
    // holdout-2.json was written after that and has never been used to change the classifier.
    private static readonly string[] Seen = ["tuning.json", "holdout-1.json"];
    private const string HeldOut = "holdout-2.json";

    [Fact]
    public async Task LabelledReplies_SeenSets_AreClassifiedAsLabelled()
    {
        foreach (var file in Seen)
        {
            var evaluation = await ReplyCorpusEvaluation.RunAsync(file, file);
            output.WriteLine(evaluation.Summary());

            Assert.True(evaluation.Accuracy >= 0.95, $"{file} accuracy {evaluation.Accuracy:P1}");
        }
    }

    [Fact]
    public async Task LabelledReplies_HeldOutSet_NeverUsedForTuning_ReachesItsMeasuredLevel()
    {
        var evaluation = await ReplyCorpusEvaluation.RunAsync($"{HeldOut} (held out)", HeldOut);
        output.WriteLine(evaluation.Summary());

        // Measured once when the set was written: 73.8 %. Phrasings the rules never saw fall to Other, rarely to a wrong kind.
        Assert.True(evaluation.Total >= 80);
        Assert.True(evaluation.Accuracy >= 0.70, $"accuracy {evaluation.Accuracy:P1}");
        foreach (var kind in Enum.GetValues<ReplyKind>().Where(k => k != ReplyKind.Other))
        {
            Assert.True(evaluation.PrecisionRecall(kind).Precision >= 0.85, $"{kind} precision");
        }
    }

    [Fact]
    public async Task LabelledReplies_Overall_ReachesTheBar()
    {
        var sets = new List<ReplyCorpusEvaluation>();
        foreach (var file in Seen.Append(HeldOut))
        {
            sets.Add(await ReplyCorpusEvaluation.RunAsync(file, file));
        }

        var total = sets.Sum(s => s.Total);
        var correct = sets.Sum(s => s.Correct);
        var heldOut = sets[^1].Total;
        var accuracy = BounceCorpusEvaluation.Ratio(correct, total);
        output.WriteLine($"overall: {correct}/{total} = {accuracy:P1}; held-out share {BounceCorpusEvaluation.Ratio(heldOut, total):P1}");

        Assert.True(total >= 150);
        Assert.True(heldOut >= 0.3 * total, "held-out share");
        Assert.True(accuracy >= 0.85, $"accuracy {accuracy:P1}");
        Assert.All(Enum.GetValues<ReplyKind>(), kind => Assert.All(sets, s => Assert.True(s.Confusion.ContainsKey(kind), $"{kind} labelled in {s.Name}")));
    }
}
