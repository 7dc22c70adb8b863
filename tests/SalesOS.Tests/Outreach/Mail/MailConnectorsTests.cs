using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SalesOS.Integrations.Mail;
using SalesOS.Outreach.Ports;
using SalesOS.Testing;

namespace SalesOS.Tests.Outreach.Mail;

public sealed class MailConnectorsTests
{
    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>("SalesOS:Mail:" + s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddLogging().AddSalesOSMail(configuration).BuildServiceProvider();
    }

    [Fact]
    public async Task Connectors_ChooseTheTransportsOfEachAccount()
    {
        using var folder = new TempDirectory();
        await using var services = Services(("PollInterval", "00:00:01.5"), ("SmtpConnections", "4"));
        var connectors = services.GetRequiredService<IMailConnectors>();
        var server = new MailServerEndpoint { Host = "127.0.0.1", Port = 2525 };
        var online = new MailboxAccount("seller@acme.test", null, server, server, null, null);
        var offline = new MailboxAccount("seller@acme.test", null, null, null, Path.Combine(folder.Path, "out"), Path.Combine(folder.Path, "in"));

        await using var smtp = connectors.CreateSender(online);
        await using var imap = connectors.CreateInbox(online);
        await using var outbox = connectors.CreateSender(offline);
        await using var inboxFolder = connectors.CreateInbox(offline);

        Assert.IsType<SmtpMailSender>(smtp);
        Assert.Equal("smtp 127.0.0.1:2525 (STARTTLS when offered)", smtp.Transport);
        Assert.IsType<ImapMailInbox>(imap);
        Assert.IsType<FileOutboxSender>(outbox);
        Assert.Equal("outbox folder " + Path.Combine(folder.Path, "out"), outbox.Transport);
        Assert.IsType<FolderMailInbox>(inboxFolder);
        Assert.Equal("folder polling every 1.5 s", (await inboxFolder.ReadAsync(null, TimeSpan.Zero, default)).Mode);
        Assert.Equal(4, services.GetRequiredService<IOptions<MailOptions>>().Value.SmtpConnections);
        Assert.Throws<ArgumentException>(() => connectors.CreateSender(offline with { OutboxDirectory = null }));
        Assert.Throws<ArgumentException>(() => connectors.CreateInbox(offline with { InboxDirectory = " " }));
    }

    [Theory]
    [InlineData("SmtpConnections", "0")]
    [InlineData("InboxBatchSize", "0")]
    [InlineData("PollInterval", "00:00:00")]
    [InlineData("IdleRestartInterval", "00:45:00")]
    [InlineData("DefaultTimeout", "-00:00:01")]
    public async Task Options_OutOfRange_AreRefused(string key, string value)
    {
        await using var services = Services((key, value));

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<MailOptions>>().Value);

        Assert.Contains("SalesOS:Mail is invalid", failure.Message, StringComparison.Ordinal);
    }
}
