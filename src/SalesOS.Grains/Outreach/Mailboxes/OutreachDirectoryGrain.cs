using Orleans.Concurrency;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Outreach;

namespace SalesOS.Grains.Outreach.Mailboxes;

/// <summary>Lists a workspace's sending mailboxes with their live state (configuration is the same on every silo).</summary>
[StatelessWorker]
public sealed class OutreachDirectoryGrain(MailboxDirectory directory) : Grain, IOutreachDirectoryGrain
{
    public async Task<IReadOnlyList<MailboxSnapshot>> Mailboxes(string workspaceId)
        => await Task.WhenAll(directory.For(workspaceId).Select(m => GrainFactory.GetGrain<IMailboxGrain>(WorkspaceKey.For(workspaceId, m.Address)).Get()));
}
