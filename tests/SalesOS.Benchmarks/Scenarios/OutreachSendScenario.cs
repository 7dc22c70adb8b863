using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using SalesOS.Contracts.Companies;
using SalesOS.Contracts.Contacts;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Outreach;
using SalesOS.Integrations.Mail;
using SalesOS.Outreach.Messages;
using SalesOS.Outreach.Ports;
using SalesOS.Outreach.Tracking;
using SalesOS.Testing.Mail;

namespace SalesOS.Benchmarks.Scenarios;

/// <summary>
/// The email agent's send path against the tests' real Postfix on 127.0.0.1: render the template over a
/// contact, build the MIME message (text + HTML, footer, List-Unsubscribe, tracking), DKIM-sign it and
/// hand it to SMTP through the pooled sender, over one and over four connections; the baseline is a raw
/// MailKit SmtpClient loop sending the same messages, already built, over one connection.
/// </summary>
public sealed class OutreachSendScenario : IBenchScenario
{
    private const string Sender = "anna@bench-send.example";
    private const string Password = "bench-pass";

    public string Name => "outreach-send";

    public string Description => "render + DKIM-sign + SMTP hand-off to the local Postfix (messages/s, 1 and 4 connections) vs a raw MailKit send loop of the same messages";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchSettings settings)
    {
        var count = settings.Count ?? 1_500;
        await using var mail = await MailServers.StartAsync();
        mail.AddUser(Sender, Password);
        var recipients = Enumerable.Range(0, 20).Select(i => $"prospect{i}@bench-acme.example").ToList();
        foreach (var recipient in recipients)
        {
            mail.AddUser(recipient, "prospect-pass");
        }

        var templates = new MessageTemplates();
        var tokens = new TrackingTokens(Enumerable.Range(0, 32).Select(i => (byte)(i * 7 + 3)).ToArray());
        var keys = MessageSigner.GenerateKeyPair();
        using var signer = new MessageSigner(keys.PrivateKeyPem, "bench-send.example", "bench");
        var variant = new SequenceVariant("a", "{{ contact.first_name }}, quick question about {{ company.name }}",
            "Hi {{ contact.first_name }},\n\nI saw {{ company.name }} is {{ company.latest_signal }}. Teams using {{ company.top_technology }} often ask us how to ramp new reps faster.\n\nWorth a 15-minute call? {{ sender.calendar_link }}\n\nBest,\n{{ sender.first_name }}");
        var sender = new SenderProfile("Anna Schmidt", Sender, "Anna", "Account Executive", "Northwind", "Northwind GmbH, Torstraße 1, 10119 Berlin", "https://cal.northwind.example/anna");
        var endpoint = mail.SmtpEndpoint;
        endpoint.Username = Sender;
        endpoint.Password = Password;
        endpoint.Security = MailSecurity.StartTls;
        endpoint.AcceptInvalidCertificates = true;

        MimeMessage Compose(int i)
        {
            var email = recipients[i % recipients.Count];
            var contact = new ContactSnapshot("bench", "email:" + email, ContactState.Enrolled, email, null, $"Prospect{i}", "Doe", "VP Sales", null, null, null,
                "bench-acme.example", null, 1, "tier-1", 1, null, ["bench"], 1, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
            var company = new CompanySnapshot("bench", "bench-acme.example", CompanyState.InOutreach, null, "Acme Robotics", "Software", 120, null, "DE", ["HubSpot", "Salesforce"], [], [], null,
                0.8, 0.6, 1, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, [new CompanySignal("hiring", "hiring 4 sales roles", "https://bench-acme.example/careers", null, DateTimeOffset.UtcNow)]);
            var sendId = $"bench-{i}";
            var unsubscribe = "https://t.northwind.example/u/" + tokens.Issue(new TrackingToken(TrackingTokenKind.Unsubscribe, "bench", contact.Identity, sendId));
            var rendered = templates.Render(variant, new TemplateModel(contact, company, sender, new TemplateLinks(unsubscribe)));
            var message = OutboundEmail.Build(new OutboundEmailSpec(
                new EmailParty("Anna Schmidt", Sender), new EmailParty($"Prospect{i} Doe", email), rendered.Subject!, rendered.Body,
                tokens.Issue(new TrackingToken(TrackingTokenKind.MessageId, "bench", contact.Identity, sendId)) + "@bench-send.example",
                DateTimeOffset.UtcNow, sender.PostalAddress!, unsubscribe, Sender,
                new MessageTracking("https://t.northwind.example/t/o/" + tokens.Issue(new TrackingToken(TrackingTokenKind.Open, "bench", contact.Identity, sendId)) + ".gif",
                    url => "https://t.northwind.example/t/c/" + tokens.Issue(new TrackingToken(TrackingTokenKind.Click, "bench", contact.Identity, sendId, url)))));
            signer.Sign(message);
            return message;
        }

        // The baseline's messages are built beforehand: it measures MailKit and Postfix alone.
        var prebuilt = Enumerable.Range(0, count).Select(i => Compose(count + i)).ToArray();
        var results = new List<BenchResult>();
        foreach (var connections in new[] { 1, 4 })
        {
            await using var pooled = new SmtpMailSender(new MailboxAccount(Sender, "Anna Schmidt", endpoint, null, null, null),
                new MailOptions { SmtpConnections = connections }, NullLogger<SmtpMailSender>.Instance);
            using var raw = new SmtpClient { ServerCertificateValidationCallback = (_, certificate, _, _) => mail.IsRunCertificate(certificate) };
            await raw.ConnectAsync(endpoint.Host, endpoint.Port, SecureSocketOptions.StartTls);
            await raw.AuthenticateAsync(Sender, Password);
            var rawGate = new SemaphoreSlim(1, 1);

            async Task Agent(int worker, int i)
            {
                var handOff = await pooled.SendAsync(Compose(i), CancellationToken.None);
                if (handOff.Outcome != HandOffOutcome.Accepted)
                {
                    throw new InvalidOperationException($"Postfix did not take message {i}: {handOff.Outcome} {handOff.Detail}");
                }
            }

            async Task Raw(int worker, int i)
            {
                // One connection: the loop sends one message at a time, as a raw MailKit loop does.
                await rawGate.WaitAsync();
                try
                {
                    await raw.SendAsync(prebuilt[i % prebuilt.Length]);
                }
                finally
                {
                    rawGate.Release();
                }
            }

            var warmUp = Math.Clamp(count / 10, 20, 200);
            await Measure.WarmUpAsync(warmUp, connections, Agent);
            await Measure.WarmUpAsync(warmUp, 1, Raw);
            var measured = await Measure.InterleavedAsync(connections, new Phase(count, Agent), new Phase(count, Raw));
            await raw.DisconnectAsync(true);
            results.Add(new BenchResult(Name, $"render + DKIM sign + SMTP hand-off, {connections} connection{(connections == 1 ? "" : "s")}", measured[0].Rate, "messages/s",
                "raw MailKit send loop, 1 connection", measured[1].Rate, Measure.PeakWorkingSetMb()));
        }

        return results;
    }
}
