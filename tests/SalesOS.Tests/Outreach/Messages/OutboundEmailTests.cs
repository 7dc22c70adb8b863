using System.Net;
using System.Text.RegularExpressions;
using MimeKit;
using SalesOS.Outreach.Messages;

namespace SalesOS.Tests.Outreach.Messages;

public sealed partial class OutboundEmailTests
{
    private const string Pixel = "https://t.salesos.example/o/OPENTOKEN";
    private const string UnsubscribeUrl = "https://t.salesos.example/u/UNSUBTOKEN";

    internal const string Text = """
        Hi Jane,

        I saw Acme is hiring 4 sales roles. Here is how Globex cut ramp time in half:
        https://salesos.example/customers/globex.

        Grab a time: https://cal.salesos.example/sam (or reply to sam@salesos.example).
        Prefer mail? mailto:sam@salesos.example

        Not interested? https://t.salesos.example/u/UNSUBTOKEN

        Best,
        Sam
        """;

    internal static OutboundEmailSpec Spec(MessageTracking? tracking = null, string? inReplyTo = null, string subject = "Ramp time at Acme",
        string? language = "en", EmailParty? to = null, string text = Text) =>
        new(
            new EmailParty("Sam Carter", "sam@salesos.example"),
            to ?? new EmailParty("Jane Doe", "jane.doe@acme.com"),
            subject,
            text,
            "AbC-123_x@mail.salesos.example",
            new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.FromHours(1)),
            "SalesOS Inc.\n1 Market St, San Francisco, CA 94105, USA",
            UnsubscribeUrl,
            "unsubscribe+UNSUBTOKEN@mail.salesos.example",
            tracking,
            inReplyTo,
            Language: language);

    internal static MessageTracking Tracking(bool opens = true, bool clicks = true) =>
        new(opens ? Pixel : null, clicks ? url => "https://t.salesos.example/c/" + Uri.EscapeDataString(url) : null);

    private static (TextPart Plain, TextPart Html) Parts(MimeMessage message)
    {
        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(2, alternative.Count);
        var plain = Assert.IsType<TextPart>(alternative[0]);
        var html = Assert.IsType<TextPart>(alternative[1]);
        Assert.True(plain.IsPlain);
        Assert.True(html.IsHtml);
        return (plain, html);
    }

    private static MimeMessage RoundTrip(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        stream.Position = 0;
        return MimeMessage.Load(stream);
    }

    [Fact]
    public void Build_HasBothPartsWithTheSameContent()
    {
        var message = RoundTrip(OutboundEmail.Build(Spec(Tracking())));
        var (plain, html) = Parts(message);
        Assert.Equal("utf-8", plain.ContentType.Charset, ignoreCase: true);
        Assert.Equal("utf-8", html.ContentType.Charset, ignoreCase: true);

        // The HTML, without its tags, pixel and tracked hrefs, reads as the text does.
        var fromHtml = WebUtility.HtmlDecode(Tags().Replace(html.Text.Replace("<br>", "\n", StringComparison.Ordinal), ""));
        Assert.Equal(Words(plain.Text), Words(fromHtml));
        Assert.Contains("Hi Jane,", plain.Text, StringComparison.Ordinal);
        Assert.Contains("<p>Hi Jane,</p>", html.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Footer_HasPostalAddressAndUnsubscribeInBothParts()
    {
        var (plain, html) = Parts(RoundTrip(OutboundEmail.Build(Spec())));
        Assert.EndsWith("--\nSalesOS Inc.\n1 Market St, San Francisco, CA 94105, USA\nUnsubscribe: " + UnsubscribeUrl + "\n",
            plain.Text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("1 Market St, San Francisco, CA 94105, USA<br>", html.Text, StringComparison.Ordinal);
        Assert.Contains($"Unsubscribe: <a href=\"{UnsubscribeUrl}\">", html.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Tracking_RewritesWebLinksInHtmlOnly()
    {
        var (plain, html) = Parts(RoundTrip(OutboundEmail.Build(Spec(Tracking()))));
        var hrefs = Hrefs().Matches(html.Text).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Contains("https://t.salesos.example/c/" + Uri.EscapeDataString("https://salesos.example/customers/globex"), hrefs);
        Assert.Contains("https://t.salesos.example/c/" + Uri.EscapeDataString("https://cal.salesos.example/sam"), hrefs);
        // The link text still shows where the link goes.
        Assert.Contains(">https://salesos.example/customers/globex</a>.", html.Text, StringComparison.Ordinal);

        // Plain text keeps every link as written, untracked.
        Assert.Contains("https://salesos.example/customers/globex.", plain.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("t.salesos.example/c/", plain.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Tracking_NeverRewritesUnsubscribeOrMailto()
    {
        var (_, html) = Parts(RoundTrip(OutboundEmail.Build(Spec(Tracking()))));
        var hrefs = Hrefs().Matches(html.Text).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.All(hrefs.Where(h => h.StartsWith("https://t.salesos.example/c/", StringComparison.Ordinal)),
            h => Assert.DoesNotContain("UNSUBTOKEN", Uri.UnescapeDataString(h), StringComparison.Ordinal));
        Assert.Equal(2, hrefs.Count(h => h == UnsubscribeUrl));
        Assert.Equal(2, hrefs.Count(h => h == "mailto:sam@salesos.example"));
    }

    [Fact]
    public void Build_Pixel_OnlyWhenOpensAreTracked()
    {
        Assert.Contains($"<img src=\"{Pixel}\" width=\"1\" height=\"1\" alt=\"\"", Parts(OutboundEmail.Build(Spec(Tracking()))).Html.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", Parts(OutboundEmail.Build(Spec(Tracking(opens: false)))).Html.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", Parts(OutboundEmail.Build(Spec())).Html.Text, StringComparison.Ordinal);

        // Opens without clicks: the pixel, and links as written.
        var opensOnly = Parts(OutboundEmail.Build(Spec(Tracking(clicks: false)))).Html.Text;
        Assert.Contains("<img", opensOnly, StringComparison.Ordinal);
        Assert.Contains("href=\"https://salesos.example/customers/globex\"", opensOnly, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Headers_FollowRfc8058()
    {
        var message = RoundTrip(OutboundEmail.Build(Spec()));
        Assert.Equal($"<{UnsubscribeUrl}>, <mailto:unsubscribe+UNSUBTOKEN@mail.salesos.example?subject=unsubscribe>",
            message.Headers["List-Unsubscribe"]?.Trim());
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Equal("1.0", message.Headers[HeaderId.MimeVersion]);
        Assert.Equal("en", message.Body!.Headers[HeaderId.ContentLanguage]);
        Assert.Equal("AbC-123_x@mail.salesos.example", message.MessageId);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.FromHours(1)), message.Date);
        Assert.Equal("Ramp time at Acme", message.Subject);
        Assert.Null(message.InReplyTo);
    }

    [Theory]
    [InlineData("http://t.salesos.example/u/x")]
    [InlineData("t.salesos.example/u/x")]
    [InlineData("https://t.salesos.example/u/x y")]
    public void Build_UnsubscribeWithoutHttps_IsRefused(string url)
    {
        Assert.Throws<ArgumentException>(() => OutboundEmail.Build(Spec() with { UnsubscribeUrl = url }));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080/u/x")]
    [InlineData("http://localhost:5080/u/x")]
    public void Build_UnsubscribeOverHttpOnLoopback_IsAcceptedForDevelopment(string url)
    {
        var message = OutboundEmail.Build(Spec() with { UnsubscribeUrl = url });
        Assert.Contains(url, message.Headers[HeaderId.ListUnsubscribe], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<abc@x.com>")]
    [InlineData("no-at-sign")]
    [InlineData("a b@x.com")]
    public void Build_MalformedMessageId_IsRefused(string id)
    {
        Assert.Throws<ArgumentException>(() => OutboundEmail.Build(Spec() with { MessageId = id }));
    }

    [Fact]
    public void Build_WithoutPostalAddress_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => OutboundEmail.Build(Spec() with { PostalAddress = " " }));
    }

    [Theory]
    [InlineData("Ramp time at Acme", "Re: Ramp time at Acme")]
    [InlineData("Re: Ramp time at Acme", "Re: Ramp time at Acme")]
    [InlineData("RE: re: Ramp time", "Re: Ramp time")]
    [InlineData("AW: Rampenzeit", "Re: Rampenzeit")]
    public void Build_FollowUp_ThreadsWithOneRe(string subject, string expected)
    {
        var message = RoundTrip(OutboundEmail.Build(Spec(inReplyTo: "first-1@mail.salesos.example", subject: subject)
            with { References = ["first-0@mail.salesos.example"] }));
        Assert.Equal(expected, message.Subject);
        Assert.Equal("first-1@mail.salesos.example", message.InReplyTo);
        Assert.Equal(["first-0@mail.salesos.example", "first-1@mail.salesos.example"], message.References);
    }

    [Fact]
    public void Build_FollowUpWithoutReferences_ReferencesTheParent()
    {
        var message = RoundTrip(OutboundEmail.Build(Spec(inReplyTo: "first-1@mail.salesos.example")));
        Assert.Equal(["first-1@mail.salesos.example"], message.References);
    }

    [Fact]
    public void Build_InternationalNamesAndSubject_AreEncodedAndReadBack()
    {
        var spec = Spec(subject: "Grüße an Müller & Söhne – 山田さん 😀", to: new EmailParty("Jürgen Müller", "j.mueller@müller.de"), language: "de-AT",
            text: "Hallo Jürgen,\n\nschöne Grüße aus München.");
        var original = OutboundEmail.Build(spec);
        using var stream = new MemoryStream();
        original.WriteTo(stream);
        var raw = System.Text.Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n");
        var headers = raw[..raw.IndexOf("\n\n", StringComparison.Ordinal)];
        // Headers stay 7-bit: encoded words, not raw UTF-8.
        Assert.True(headers.All(c => c < 128), headers);
        Assert.Contains("=?utf-8?", headers, StringComparison.OrdinalIgnoreCase);

        var message = RoundTrip(original);
        Assert.Equal("Grüße an Müller & Söhne – 山田さん 😀", message.Subject);
        Assert.Equal("Jürgen Müller", message.To.Mailboxes.Single().Name);
        Assert.Equal("de-AT", message.Body!.Headers[HeaderId.ContentLanguage]);
        var (plain, html) = Parts(message);
        Assert.StartsWith("Hallo Jürgen,", plain.Text, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"de-AT\">", html.Text, StringComparison.Ordinal);
        Assert.Contains("schöne Grüße aus München.", html.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_HtmlEscapesTheText()
    {
        var (_, html) = Parts(OutboundEmail.Build(Spec(text: "Tom & Jerry <script>alert('x')</script> \"quoted\"")));
        Assert.Contains("Tom &amp; Jerry &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;quoted&quot;", html.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("See https://acme.com/pricing.", "https://acme.com/pricing")]
    [InlineData("(https://acme.com/a)", "https://acme.com/a")]
    [InlineData("Wiki: https://en.wikipedia.org/wiki/Foo_(bar)!", "https://en.wikipedia.org/wiki/Foo_(bar)")]
    [InlineData("Open https://acme.com/x?a=1&b=2, please", "https://acme.com/x?a=1&b=2")]
    public void Build_BareUrls_BecomeLinksWithoutTheirPunctuation(string line, string link)
    {
        var (_, html) = Parts(OutboundEmail.Build(Spec(text: line)));
        var hrefs = Hrefs().Matches(html.Text).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value));
        Assert.Contains(link, hrefs);
    }

    private static string Words(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Hrefs();
}
