using SalesOS.Testing.Mail;

namespace SalesOS.Tests.Outreach.Mail;

/// <summary>One Dovecot + Postfix set shared by the mail tests; each test makes its own users, so none sees another's mail.</summary>
public sealed class MailServersFixture : IAsyncLifetime
{
    private MailServers? servers;

    public MailServers Servers => servers ?? throw new InvalidOperationException("The mail servers have not started");

    /// <summary>How long the servers took to answer their greetings, for the record.</summary>
    public TimeSpan StartupTime { get; private set; }

    public async Task InitializeAsync()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        servers = await MailServers.StartAsync();
        StartupTime = started.Elapsed;
    }

    public async Task DisposeAsync()
    {
        if (servers is not null)
        {
            await servers.DisposeAsync();
        }
    }

    /// <summary>A fresh mailbox on the servers: "{name}-{random}@{domain}".</summary>
    public string NewUser(string name = "user", string domain = "acme.test", string password = "secret-pass")
    {
        var address = $"{name}-{Guid.NewGuid():N}"[..(name.Length + 13)] + "@" + domain;
        Servers.AddUser(address, password);
        return address;
    }
}

[CollectionDefinition(Name)]
public sealed class MailServersCollection : ICollectionFixture<MailServersFixture>
{
    public const string Name = "Mail servers";
}
