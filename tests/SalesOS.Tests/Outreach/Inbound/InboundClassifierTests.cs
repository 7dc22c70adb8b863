using System.Text;
using MimeKit;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Outreach;
using SalesOS.Outreach.Inbound;
using SalesOS.Outreach.Ports;

namespace SalesOS.Tests.Outreach.Inbound;

/// <summary>The one entry point: order of readings, ids, the configured classifier and its fallback.</summary>
public sealed class InboundClassifierTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(1));

    private static MimeMessage Reply(string text, string subject = "Re: A quick idea")
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Jane Doe", "jane@acme.example"));
        message.To.Add(new MailboxAddress("Sam", "sam@salesos.example"));
        message.Subject = subject;
        message.Date = Received;
        message.MessageId = "reply-1@acme.example";
        message.InReplyTo = "outbound-1@salesos.example";
        message.References.Add("outbound-0@salesos.example");
        message.References.Add("outbound-1@salesos.example");
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }

    private static string Corpus(string folder, string file) => Path.Combine(CorpusFiles.Folder(folder), file);

    [Fact]
    public async Task ClassifyAsync_HumanReply_CarriesIntentTextAndIds()
    {
        var verdict = await new InboundClassifier().ClassifyAsync(
            Reply("Sounds good, send me some times for Thursday.\n\nBest,\nJane\n\nOn Mon, Nov 23, 2026 at 9:12 AM Sam wrote:\n> Hi Jane"), Received, CancellationToken.None);

        Assert.Equal(InboundKind.Reply, verdict.Kind);
        Assert.Equal(ReplyKind.Interested, verdict.ReplyKind);
        Assert.Equal("reply-1@acme.example", verdict.MessageId);
        Assert.Equal("outbound-1@salesos.example", verdict.InReplyTo);
        Assert.Equal("jane@acme.example", verdict.From);
        Assert.Equal("Sounds good, send me some times for Thursday.\n\nBest,\nJane", verdict.ReplyText);
        Assert.Equal("offline", verdict.ClassifiedBy);
        Assert.Contains("sounds good", verdict.Reason, StringComparison.Ordinal);
        Assert.Equal(Received, verdict.ReceivedAt);
    }

    [Fact]
    public async Task ClassifyAsync_ReferencesOnly_TakesTheLastReference()
    {
        var message = Reply("Thanks!");
        message.InReplyTo = null;

        var verdict = await new InboundClassifier().ClassifyAsync(message, Received, CancellationToken.None);

        Assert.Equal("outbound-1@salesos.example", verdict.InReplyTo);
        Assert.Equal(["outbound-1@salesos.example", "outbound-0@salesos.example"], InboundClassifier.ReferencedMessageIds(message));
    }

    [Fact]
    public async Task ClassifyAsync_Bounce_TakesTheOriginalMessageIdAndBounceDetails()
    {
        var message = InboundMessages.Parse(File.ReadAllBytes(Corpus("bounces", "lhost-qmail-17.eml")));

        var verdict = await new InboundClassifier().ClassifyAsync(message, Received, CancellationToken.None);

        Assert.Equal(InboundKind.Bounce, verdict.Kind);
        Assert.NotNull(verdict.Bounce);
        Assert.True(verdict.Bounce.Hard);
        Assert.Equal("userunknown", verdict.Bounce.Reason);
        Assert.Equal(["userunknown@libsisimai.net", "mailboxfull@libsisimai.net"], verdict.Bounce.Recipients);
        Assert.Equal("20240624090401.44656.qmail@nq.example.jp", verdict.InReplyTo);
        Assert.Null(verdict.ReplyKind);
    }

    [Fact]
    public async Task ClassifyAsync_Complaint_ComesBeforeEverythingElse()
    {
        var message = InboundMessages.Parse(File.ReadAllBytes(Corpus("bounces", "arf-02.eml")));

        var verdict = await new InboundClassifier().ClassifyAsync(message, Received, CancellationToken.None);

        Assert.Equal(InboundKind.Complaint, verdict.Kind);
        Assert.Contains("abuse", verdict.Reason, StringComparison.Ordinal);
        Assert.Contains("this-local-part-does-not-exist-on-yahoo@yahoo.com", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClassifyAsync_OutOfOffice_HasReturnDate()
    {
        var message = InboundMessages.Parse(File.ReadAllBytes(Corpus("autoreplies", "sisimai-rfc3834-01.eml")));

        var verdict = await new InboundClassifier().ClassifyAsync(message, message.Date, CancellationToken.None);

        Assert.Equal(InboundKind.OutOfOffice, verdict.Kind);
        Assert.Equal(new DateOnly(2005, 5, 5), verdict.ReturnDate);
        Assert.Equal(ReplyKind.OutOfOffice, verdict.ReplyKind);
    }

    [Fact]
    public async Task ClassifyAsync_ConfiguredClassifier_IsUsedAndNamed()
    {
        var classifier = new InboundClassifier(new FixedIntent(new ReplyIntent(ReplyKind.Question, 0.9, "llm says question")));

        var verdict = await classifier.ClassifyAsync(Reply("Hmm."), Received, CancellationToken.None);

        Assert.Equal(ReplyKind.Question, verdict.ReplyKind);
        Assert.Equal("llm:test", verdict.ClassifiedBy);
        Assert.Equal("llm says question", verdict.Reason);
    }

    [Fact]
    public async Task ClassifyAsync_ConfiguredClassifierThrows_FallsBackToOfflineAndSaysSo()
    {
        var classifier = new InboundClassifier(new FixedIntent(null));

        var verdict = await classifier.ClassifyAsync(Reply("Please remove me from your list."), Received, CancellationToken.None);

        Assert.Equal(ReplyKind.Unsubscribe, verdict.ReplyKind);
        Assert.Equal("offline (llm:test failed: HttpRequestException)", verdict.ClassifiedBy);
    }

    [Fact]
    public async Task ClassifyAsync_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var classifier = new InboundClassifier(new FixedIntent(new ReplyIntent(ReplyKind.Other, 0.5, "x")));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => classifier.ClassifyAsync(Reply("Hi"), Received, cancelled.Token));
    }

    [Fact]
    public async Task ClassifyAsync_NoMessageId_UsesAStableHashOfTheHeaders()
    {
        const string raw = "From: jane@acme.example\nTo: sam@salesos.example\nSubject: Re: hi\n\nThanks!\n";
        var classifier = new InboundClassifier();

        var first = await classifier.ClassifyAsync(Encoding.UTF8.GetBytes(raw), Received, CancellationToken.None);
        var second = await classifier.ClassifyAsync(Encoding.UTF8.GetBytes(raw), Received, CancellationToken.None);
        var other = await classifier.ClassifyAsync(Encoding.UTF8.GetBytes(raw.Replace("Re: hi", "Re: hello", StringComparison.Ordinal)), Received, CancellationToken.None);

        Assert.StartsWith("sha256:", first.MessageId, StringComparison.Ordinal);
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.NotEqual(first.MessageId, other.MessageId);
    }

    [Theory]
    [InlineData("lhost-exim-01.cr.eml")]
    [InlineData("lhost-postfix-01.crlf.eml")]
    [InlineData("lhost-outlook-03.eml")]
    [InlineData("lhost-exchange2007-04.eml")]
    public async Task ClassifyAsync_OddLineEndsAndCharsets_AreRead(string file)
    {
        var verdict = await new InboundClassifier().ClassifyAsync(await File.ReadAllBytesAsync(Corpus("bounces", file)), Received, CancellationToken.None);

        Assert.Equal(InboundKind.Bounce, verdict.Kind);
        Assert.NotEmpty(verdict.Bounce!.Recipients);
    }

    [Fact]
    public async Task ClassifyAsync_MboxFromLine_IsSkipped()
    {
        var verdict = await new InboundClassifier().ClassifyAsync(await File.ReadAllBytesAsync(Corpus("autoreplies", "sisimai-rb-issue-368-bug.eml")), Received, CancellationToken.None);

        Assert.NotEqual(InboundKind.Reply, verdict.Kind);
        Assert.Equal("postmaster@yyyyyy.de", verdict.From);
    }

    [Fact]
    public void MailText_DecodesUtf7()
    {
        var text = MailTextProbe.DecodeUtf7("Hi Mom -+Jjo--!");

        Assert.Equal("Hi Mom -\u263A-!", text);
    }

    private sealed class FixedIntent(ReplyIntent? answer) : IReplyIntentClassifier
    {
        public string Name => "llm:test";

        public Task<ReplyIntent> ClassifyAsync(string replyText, string? subject, DateTimeOffset received, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return answer is null ? throw new HttpRequestException("connection refused") : Task.FromResult(answer);
        }
    }

    /// <summary>UTF-7 through the public parser: a one-part message declaring the charset.</summary>
    private static class MailTextProbe
    {
        public static string DecodeUtf7(string encoded)
        {
            var raw = $"From: a@b.example\nContent-Type: text/plain; charset=unicode-1-1-utf-7\n\n{encoded}\n";
            return ReplyText.BodyText(InboundMessages.Parse(Encoding.ASCII.GetBytes(raw))).Trim();
        }
    }
}
