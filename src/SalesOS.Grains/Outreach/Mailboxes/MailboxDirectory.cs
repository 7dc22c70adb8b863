using Microsoft.Extensions.Options;
using SalesOS.Outreach.Ports;
using SalesOS.Storage;

namespace SalesOS.Grains.Outreach.Mailboxes;

/// <summary>One sending mailbox as the silo knows it from configuration: its account, caps and signing key.</summary>
public sealed record MailboxSettings(string WorkspaceId, MailboxAccount Account, MailboxOptions Options, bool WritesToOutbox, bool IsDefault)
{
    public string Address => Account.Address;

    public string Key => $"{WorkspaceId}/{Account.Address}";
}

/// <summary>
/// The mailboxes each workspace sends from (<c>SalesOS:Outreach:Mailboxes</c>). A workspace with none
/// configured gets the offline default: one mailbox whose messages are written as .eml files to
/// <c>{data}/outbox/{workspace}</c> and whose replies are read from .eml files dropped into
/// <c>{data}/inbox/{workspace}</c>.
/// </summary>
public sealed class MailboxDirectory(IOptions<OutreachOptions> options, StorageSettings storage)
{
    private OutreachOptions Options => options.Value;

    public IReadOnlyList<MailboxSettings> Configured => Options.Mailboxes.Select(Settings).ToList();

    public IReadOnlyList<MailboxSettings> For(string workspaceId)
    {
        var own = Options.Mailboxes.Where(m => string.Equals(m.Workspace, workspaceId, StringComparison.Ordinal)).Select(Settings).ToList();
        return own.Count > 0 ? own : [Default(workspaceId)];
    }

    public MailboxSettings? Find(string workspaceId, string address)
        => For(workspaceId).FirstOrDefault(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase));

    /// <summary>The address the offline default sends from: a reserved .example name, so it can never be mistaken for a real sender.</summary>
    public static string DefaultAddress(string workspaceId) => $"outreach@{workspaceId}.salesos.example";

    public string OutboxFolder(string workspaceId) => Folder(Options.OutboxDirectory, workspaceId);

    public string InboxFolder(string workspaceId, string? address = null)
        => address is null ? Folder(Options.InboxDirectory, workspaceId) : Path.Combine(Folder(Options.InboxDirectory, workspaceId), Safe(address));

    private MailboxSettings Default(string workspaceId)
    {
        var address = DefaultAddress(workspaceId);
        var account = new MailboxAccount(address, null, null, null, OutboxFolder(workspaceId), InboxFolder(workspaceId));
        return new MailboxSettings(workspaceId, account, new MailboxOptions { Workspace = workspaceId, Address = address, DailyCap = 500 }, WritesToOutbox: true, IsDefault: true);
    }

    private MailboxSettings Settings(MailboxOptions mailbox)
    {
        var account = new MailboxAccount(
            mailbox.Address,
            mailbox.DisplayName,
            mailbox.Smtp,
            mailbox.Imap,
            mailbox.Smtp is null ? Path.Combine(OutboxFolder(mailbox.Workspace), Safe(mailbox.Address)) : null,
            mailbox.Imap is null ? InboxFolder(mailbox.Workspace, mailbox.Address) : null,
            mailbox.SentFolder);
        return new MailboxSettings(mailbox.Workspace, account, mailbox, WritesToOutbox: mailbox.Smtp is null, IsDefault: false);
    }

    private string Folder(string folder, string workspaceId)
        => Path.GetFullPath(Path.Combine(Path.IsPathRooted(folder) ? folder : Path.Combine(storage.DataDirectory, folder), Safe(workspaceId)));

    private static string Safe(string name) => string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '@' ? c : '_'));
}
