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

    [Fact]
    public async Task LabelledReplies_TuningSet_IsClassifiedAsLabelled()
    {
        var evaluation = await ReplyCorpusEvaluation.RunAsync("tuning set", "tuning.json");
        output.WriteLine(evaluation.Summary());

        Assert.True(evaluation.Total >= 100);
        Assert.True(evaluation.Accuracy >= 0.95, $"accuracy {evaluation.Accuracy:P1}");
    }

    [Fact]
    public async Task LabelledReplies_HeldOutSet_WrittenAfterTuningStopped_ReachesTheBar()
    {
        var evaluation = await ReplyCorpusEvaluation.RunAsync("held-out set", "holdout.json");
        output.WriteLine(evaluation.Summary());

        Assert.True(evaluation.Total >= 50);
        Assert.True(evaluation.Accuracy >= 0.85, $"accuracy {evaluation.Accuracy:P1}");
    }

    [Fact]
    public async Task LabelledReplies_Overall_ReachesTheBar()
    {
        var tuning = await ReplyCorpusEvaluation.RunAsync("tuning set", "tuning.json");
        var holdout = await ReplyCorpusEvaluation.RunAsync("held-out set", "holdout.json");
        var total = tuning.Total + holdout.Total;
        var accuracy = BounceCorpusEvaluation.Ratio(tuning.Correct + holdout.Correct, total);
        output.WriteLine($"overall: {tuning.Correct + holdout.Correct}/{total} = {accuracy:P1}; held-out share {BounceCorpusEvaluation.Ratio(holdout.Total, total):P1}");

        Assert.True(total >= 150);
        Assert.True(holdout.Total >= 0.3 * total, "held-out share");
        Assert.True(accuracy >= 0.85, $"accuracy {accuracy:P1}");
        Assert.All(Enum.GetValues<ReplyKind>(), kind => Assert.True(tuning.Confusion.ContainsKey(kind) && holdout.Confusion.ContainsKey(kind), $"{kind} labelled in both sets"));
    }
}
