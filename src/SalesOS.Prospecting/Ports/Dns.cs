namespace SalesOS.Prospecting.Ports;

/// <summary>Looks up a domain's mail exchangers.</summary>
public interface IMailExchangeLookup
{
    Task<MailExchangeResult> LookupAsync(string domain, CancellationToken cancellationToken);
}

public enum MailExchangeStatus
{
    /// <summary>The domain has MX records (or an A record a mailer would fall back to).</summary>
    AcceptsMail,

    /// <summary>The domain does not exist or publishes a null MX: mail to it cannot be delivered.</summary>
    NoMail,

    /// <summary>The lookup failed (timeout, server failure): nothing can be concluded.</summary>
    Unknown,
}

public sealed record MailExchangeResult(string Domain, MailExchangeStatus Status, IReadOnlyList<string> Exchangers, string Reason);
