using MimeKit;
using SalesOS.Outreach.Inbound;

namespace SalesOS.Tests.Outreach.Inbound;

/// <summary>Quoted originals and signatures as the common clients write them.</summary>
public sealed class ReplyTextTests
{
    [Theory]
    [InlineData("Sounds good.\n\nOn Mon, Nov 23, 2026 at 9:12 AM Sam Carter <sam@salesos.example> wrote:\n> Hi Jane,\n> would a call make sense?")]
    [InlineData("Sounds good.\n\nOn Mon, Nov 23, 2026 at 9:12 AM Sam Carter <\nsam@salesos.example> wrote:\n\n> Hi Jane")]
    [InlineData("Sounds good.\n\nAm Mo., 23. Nov. 2026 um 09:12 Uhr schrieb Sam Carter <sam@salesos.example>:\n> Hallo Jane")]
    [InlineData("Sounds good.\n\nLe lun. 23 nov. 2026 à 09:12, Sam Carter <sam@salesos.example> a écrit :\n> Bonjour Jane")]
    [InlineData("Sounds good.\n\nEl lun, 23 nov 2026 a las 9:12, Sam Carter (<sam@salesos.example>) escribió:\n> Hola Jane")]
    [InlineData("Sounds good.\n\n-----Original Message-----\nFrom: Sam Carter [mailto:sam@salesos.example]\nSent: Monday, November 23, 2026 9:12 AM\nTo: Jane Doe\nSubject: A quick idea\n\nHi Jane")]
    [InlineData("Sounds good.\n\n________________________________\nFrom: Sam Carter <sam@salesos.example>\nSent: Monday, November 23, 2026 9:12 AM\nTo: Jane Doe <jane@acme.example>\nSubject: A quick idea\n\nHi Jane")]
    [InlineData("Sounds good.\n\nVon: Sam Carter <sam@salesos.example>\nGesendet: Montag, 23. November 2026 09:12\nAn: Jane Doe\nBetreff: A quick idea\n\nHallo Jane")]
    [InlineData("Sounds good.\n\nDe : Sam Carter <sam@salesos.example>\nEnvoyé : lundi 23 novembre 2026 09:12\nÀ : Jane Doe\nObjet : A quick idea\n\nBonjour Jane")]
    [InlineData("Sounds good.\n\n---------- Forwarded message ---------\nFrom: Sam Carter <sam@salesos.example>\nDate: Mon, Nov 23, 2026\nSubject: A quick idea\n\nHi Jane")]
    [InlineData("> Hi Jane, would a call make sense?\n\nSounds good.")]
    [InlineData("On 11/23/2026 09:12 AM, Sam Carter wrote:\n> Hi Jane\nSounds good.")]
    public void Strip_RemovesTheQuotedOriginal(string text) => Assert.Equal("Sounds good.", ReplyText.Strip(text));

    [Fact]
    public void Strip_InlineAnswersBetweenQuotes_AreKept()
    {
        const string text = "On Mon, Nov 23, 2026 at 9:12 AM Sam wrote:\n> Do you use Salesforce?\nYes, since 2019.\n> How many reps?\nAbout 40.";

        Assert.Equal("Yes, since 2019.\nAbout 40.", ReplyText.Strip(text));
    }

    [Fact]
    public void Strip_KeepsTheSignature_StripSignatureDropsIt()
    {
        const string text = "Happy to chat next week.\n\nBest regards,\nMarkus Vogel\nHead of Sales | Vogel GmbH\n+49 89 1234567\n\nSent from my iPhone\n\nOn Mon, Nov 23, 2026 at 9:12 AM Sam wrote:\n> Hi Markus";

        Assert.Equal("Happy to chat next week.\n\nBest regards,\nMarkus Vogel\nHead of Sales | Vogel GmbH\n+49 89 1234567\n\nSent from my iPhone", ReplyText.Strip(text));
        Assert.Equal("Happy to chat next week.", ReplyText.StripSignature(text));
    }

    [Fact]
    public void StripSignature_DashDashDelimiter_EndsTheText() =>
        Assert.Equal("Let's talk.", ReplyText.StripSignature("Let's talk.\n-- \nJane Doe\nVP Sales"));

    [Fact]
    public void StripSignature_SignOffInTheMiddleOfALongText_IsKept()
    {
        const string text = "Thanks,\nthat was helpful. Now a longer thought about why we might buy: our team has grown, the tool we use is old, and the price matters a lot to us this year.\nSecond paragraph with more detail about the rollout we plan.\nThird paragraph.\nFourth.\nFifth.\nSixth.\nSeventh.\nEighth.\nNinth.\nTenth line.\nEleventh line.\nTwelfth line.";

        Assert.StartsWith("Thanks,\nthat was helpful.", ReplyText.StripSignature(text), StringComparison.Ordinal);
    }

    [Fact]
    public void BodyText_HtmlOnlyReply_IsConvertedAndItsBlockquoteStripped()
    {
        var message = new MimeMessage();
        message.Body = new TextPart("html")
        {
            Text = "<html><head><style>p{color:red}</style></head><body><div>Sounds good &amp; see you Tuesday.</div><br><div class=\"gmail_quote\">On Mon, Nov 23, 2026 at 9:12 AM Sam &lt;sam@salesos.example&gt; wrote:<br><blockquote><div>Hi Jane</div></blockquote></div></body></html>",
        };

        var body = ReplyText.BodyText(message);

        Assert.Contains("> Hi Jane", body, StringComparison.Ordinal);
        Assert.DoesNotContain("color", body, StringComparison.Ordinal);
        Assert.Equal("Sounds good & see you Tuesday.", ReplyText.Strip(body));
    }

    [Fact]
    public void BodyText_PrefersPlainOverHtml_AndIgnoresAttachedMessages()
    {
        var alternative = new MultipartAlternative
        {
            new TextPart("plain") { Text = "Plain words." },
            new TextPart("html") { Text = "<p>HTML words.</p>" },
        };
        var attached = new MimeMessage { Body = new TextPart("plain") { Text = "Attached words." } };
        var message = new MimeMessage { Body = new Multipart("mixed") { alternative, new MessagePart { Message = attached } } };

        Assert.Equal("Plain words.", ReplyText.BodyText(message));
    }
}
