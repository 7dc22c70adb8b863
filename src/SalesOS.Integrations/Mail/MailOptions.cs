namespace SalesOS.Integrations.Mail;

/// <summary>Configuration section "SalesOS:Mail": how the mail connectors use their servers. Servers and credentials live on each mailbox account.</summary>
public sealed class MailOptions
{
    public const string SectionName = "SalesOS:Mail";

    /// <summary>SMTP connections one mailbox keeps open and sends over at once.</summary>
    public int SmtpConnections { get; set; } = 2;

    /// <summary>Most messages one inbox read returns.</summary>
    public int InboxBatchSize { get; set; } = 100;

    /// <summary>How often an IMAP server without IDLE, or an inbox folder, is asked for new mail while a read waits.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>An IDLE is ended and begun again after this long (RFC 2177: servers may drop a client idle for 30 minutes).</summary>
    public TimeSpan IdleRestartInterval { get; set; } = TimeSpan.FromMinutes(25);

    /// <summary>Connect, TLS, login and each server reply, for an endpoint that does not set its own timeout.</summary>
    public TimeSpan DefaultTimeout { get; set; } = TimeSpan.FromSeconds(30);

    internal IEnumerable<string> Problems()
    {
        if (SmtpConnections is < 1 or > 64)
        {
            yield return $"{SectionName}:SmtpConnections must be between 1 and 64";
        }

        if (InboxBatchSize is < 1 or > 10_000)
        {
            yield return $"{SectionName}:InboxBatchSize must be between 1 and 10000";
        }

        if (PollInterval <= TimeSpan.Zero)
        {
            yield return $"{SectionName}:PollInterval must be positive";
        }

        if (IdleRestartInterval <= TimeSpan.Zero || IdleRestartInterval > TimeSpan.FromMinutes(29))
        {
            yield return $"{SectionName}:IdleRestartInterval must be positive and at most 29 minutes";
        }

        if (DefaultTimeout <= TimeSpan.Zero)
        {
            yield return $"{SectionName}:DefaultTimeout must be positive";
        }
    }
}
