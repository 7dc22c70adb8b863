using System.Diagnostics;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using SalesOS.Integrations.Mail;
using SalesOS.Outreach.Ports;
using SalesOS.Testing;
using SalesOS.Testing.Mail;
using Xunit.Abstractions;
using static SalesOS.Tests.Outreach.Mail.MailTestMessages;

namespace SalesOS.Tests.Outreach.Mail;

/// <summary>
/// Hand-off rates through the real Postfix, printed, not asserted: the connector over one and over four
/// connections beside a bare MailKit send loop on one connection, the same 500 small messages each time.
/// </summary>
[Collection(MailServersCollection.Name)]
public sealed class SmtpThroughputTests(MailServersFixture fixture, ITestOutputHelper output)
{
    private const int Count = 500;

    private MailServers Servers => fixture.Servers;

    [Fact]
    public async Task HandOffRate_OverOneAndFourConnections_BesideARawMailKitLoop()
    {
        var seller = fixture.NewUser("bench-seller");
        var prospect = fixture.NewUser("bench-prospect", "prospect.test");
        var messages = Enumerable.Range(0, Count).Select(i => Message(seller, prospect, $"bench {i}", "Short note " + i)).ToList();
        var delivered = 0;
        async Task<TimeSpan> DrainedAsync(Task<TimeSpan> run, int sent)
        {
            // Each run starts on an empty queue, so none pays for delivering another's messages.
            var elapsed = await run;
            delivered += sent;
            await Eventually.Get(() => Servers.CountAsync(prospect, "INBOX"), n => n >= delivered, TimeSpan.FromSeconds(120), $"{delivered} messages delivered");
            await Eventually.Get(() => Servers.CountAsync(seller, "Sent"), n => n >= delivered, TimeSpan.FromSeconds(120), $"{delivered} sent copies filed");
            return elapsed;
        }

        // An unmeasured pass first: whichever run came first paid for the JIT and for MimeKit preparing each message.
        await DrainedAsync(RawLoopAsync(messages), Count);
        var raw = await DrainedAsync(RawLoopAsync(messages), Count);
        var one = await DrainedAsync(ConnectorAsync(messages, connections: 1, seller), Count + 1);
        var four = await DrainedAsync(ConnectorAsync(messages, connections: 4, seller), Count + 4);

        output.WriteLine($"{Count} small messages through Postfix on 127.0.0.1 (STARTTLS), each also filed as a sent copy:");
        output.WriteLine($"  raw MailKit loop, 1 connection : {Rate(raw),7:0} msg/s (baseline)");
        output.WriteLine($"  SmtpMailSender, 1 connection   : {Rate(one),7:0} msg/s ({Rate(one) / Rate(raw):0.00} x baseline)");
        output.WriteLine($"  SmtpMailSender, 4 connections  : {Rate(four),7:0} msg/s ({Rate(four) / Rate(raw):0.00} x baseline)");
    }

    private static double Rate(TimeSpan elapsed) => Count / elapsed.TotalSeconds;

    private async Task<TimeSpan> RawLoopAsync(IReadOnlyList<MimeMessage> messages)
    {
        using var smtp = new SmtpClient { ServerCertificateValidationCallback = (_, certificate, _, _) => Servers.IsRunCertificate(certificate) };
        await smtp.ConnectAsync("127.0.0.1", Servers.SmtpPort, SecureSocketOptions.StartTls);
        var clock = Stopwatch.StartNew();
        foreach (var message in messages)
        {
            await smtp.SendAsync(message);
        }

        var elapsed = clock.Elapsed;
        await smtp.DisconnectAsync(quit: true);
        return elapsed;
    }

    private async Task<TimeSpan> ConnectorAsync(IReadOnlyList<MimeMessage> messages, int connections, string seller)
    {
        await using var sender = new SmtpMailSender(Account(Servers, seller, imap: false), new MailOptions { SmtpConnections = connections });
        // Open the connections first, as a running sender has them: the figure is the hand-off, not the TLS set-up.
        await Task.WhenAll(messages.Take(connections).Select(m => sender.SendAsync(m, default)));
        var clock = Stopwatch.StartNew();
        var handOffs = await Task.WhenAll(messages.Select(m => sender.SendAsync(m, default)));
        var elapsed = clock.Elapsed;
        Assert.All(handOffs, h => Assert.Equal(HandOffOutcome.Accepted, h.Outcome));
        return elapsed;
    }
}
