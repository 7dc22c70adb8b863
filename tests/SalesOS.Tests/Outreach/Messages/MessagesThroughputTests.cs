using System.Diagnostics;
using MimeKit;
using SalesOS.Outreach.Messages;
using Xunit.Abstractions;
using static SalesOS.Tests.Outreach.Messages.MessageSamples;

namespace SalesOS.Tests.Outreach.Messages;

/// <summary>
/// Prints what composing a message costs on one thread, beside a baseline measured in the same run. Nothing here
/// asserts speed (a shared CI machine decides that); the assertions only check the work was real.
/// </summary>
public sealed class MessagesThroughputTests(ITestOutputHelper output)
{
    [Fact]
    public void Render_TypicalTemplate_RendersPerSecond()
    {
        var templates = new MessageTemplates();
        var variant = Variant(TypicalSubject, TypicalBody);
        var models = Enumerable.Range(0, 100).Select(i => Model(Contact(first: $"Jane{i}"))).ToArray();
        var length = 0L;
        var renders = Measure(20_000, i => length += templates.Render(variant, models[i % models.Length]).Body.Length);
        output.WriteLine($"templates: {renders:N0} renders/s of the typical subject + body (a 14-line email, 17 variables) on one thread");
        Assert.True(length > 0);
    }

    [Fact]
    public void BuildAndSign_PerSecond_BesideABareMimeMessage()
    {
        var key = MessageSigner.GenerateKeyPair();
        using var signer = new MessageSigner(key.PrivateKeyPem, "salesos.example", "s1");
        var spec = OutboundEmailTests.Spec(OutboundEmailTests.Tracking());
        var written = 0L;

        var bare = Measure(2_000, _ =>
        {
            var message = new MimeMessage();
            message.From.Add(new MailboxAddress(spec.From.Name, spec.From.Address));
            message.To.Add(new MailboxAddress(spec.To.Name, spec.To.Address));
            message.Subject = spec.Subject;
            message.MessageId = spec.MessageId;
            message.Body = new TextPart("plain") { Text = spec.TextBody };
            written += Write(message);
        });
        var build = Measure(2_000, _ => written += Write(OutboundEmail.Build(spec)));
        var buildAndSign = Measure(500, _ =>
        {
            var message = OutboundEmail.Build(spec);
            signer.Sign(message);
            written += Write(message);
        });

        output.WriteLine($"mime: bare MimeMessage build+write {bare:N0}/s; OutboundEmail build+write {build:N0}/s (ratio {build / bare:0.000}); " +
                         $"build+DKIM sign+write {buildAndSign:N0}/s (ratio {buildAndSign / bare:0.000})");
        Assert.True(written > 0);
    }

    private static long Write(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.Length;
    }

    private static double Measure(int n, Action<int> work)
    {
        for (var i = 0; i < Math.Max(10, n / 10); i++)
        {
            work(i);
        }

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            work(i);
        }

        return n / clock.Elapsed.TotalSeconds;
    }
}
