using Orleans.Concurrency;
using SalesOS.Contracts.Companies;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Errors;

namespace SalesOS.Grains.Agents.Engagement;

[Alias("SalesOS.Agents.IEngagementWorkerGrain")]
public interface IEngagementWorkerGrain : IGrainWithIntegerKey
{
    [Alias("Propagate"), OneWay]
    Task Propagate(string workspaceId, string contactIdentity, string companyDomain, double value, DateTimeOffset at, bool interested, Guid activityId);
}

[StatelessWorker, Reentrant]
public sealed class EngagementWorkerGrain : Grain, IEngagementWorkerGrain
{
    private const string Actor = "agent:engagement";

    public async Task Propagate(string workspaceId, string contactIdentity, string companyDomain, double value, DateTimeOffset at, bool interested, Guid activityId)
    {
        var company = GrainFactory.GetGrain<ICompanyGrain>(WorkspaceKey.For(workspaceId, companyDomain));
        var snapshot = await company.RecordEngagement(contactIdentity, value, at, new CommandContext(Actor, $"engagement:{activityId}"));
        if (interested && snapshot.State == CompanyState.InOutreach)
        {
            try
            {
                await company.Transition(CompanyTrigger.RecordEngagement, new CommandContext(Actor, $"engaged:{companyDomain}", "A contact answered with interest"));
            }
            catch (TransitionRefusedException)
            {
                // Moved on meanwhile (another reply, a meeting).
            }
        }
    }
}
