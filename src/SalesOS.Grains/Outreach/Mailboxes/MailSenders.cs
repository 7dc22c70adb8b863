using System.Collections.Concurrent;
using SalesOS.Outreach.Messages;
using SalesOS.Outreach.Ports;

namespace SalesOS.Grains.Outreach.Mailboxes;

/// <summary>
/// The silo's open mail transports and DKIM signers, one per mailbox: SMTP connections are reused
/// across sends, keys are read once. Disposed with the silo.
/// </summary>
public sealed class MailSenders(IMailConnectors connectors) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, IMailSender> senders = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, MessageSigner?> signers = new(StringComparer.OrdinalIgnoreCase);

    public IMailSender For(MailboxSettings mailbox) => senders.GetOrAdd(mailbox.Key, _ => connectors.CreateSender(mailbox.Account));

    /// <summary>The mailbox's DKIM signer, or null when it has no key configured.</summary>
    public MessageSigner? SignerFor(MailboxSettings mailbox) => signers.GetOrAdd(mailbox.Key, _ => mailbox.Options.Dkim is { } dkim
        ? new MessageSigner(dkim.PrivateKey ?? File.ReadAllText(dkim.PrivateKeyPath ?? throw new InvalidOperationException($"Mailbox {mailbox.Address}: Dkim needs PrivateKey or PrivateKeyPath.")), dkim.Domain, dkim.Selector)
        : null);

    public async ValueTask DisposeAsync()
    {
        foreach (var sender in senders.Values)
        {
            await sender.DisposeAsync();
        }

        senders.Clear();
    }
}
