using SalesOS.Contracts;
using SalesOS.Contracts.Companies;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Prospecting;

namespace SalesOS.Grains.Agents.Scoring;

/// <summary>
/// The Scoring agent of a workspace: scores a company once its contacts are found, and again whenever
/// a new signal arrives for a scored company or its people's engagement moves.
/// </summary>
[ImplicitStreamSubscription(StreamIds.CompanyEvents)]
public sealed class ScoringAgentGrain : CompanyEventAgent
{
    protected override bool IsForMe(CompanyChanged change)
        => change.Company.State == CompanyState.ContactsFound
           || (change.Company.State is CompanyState.Scored or CompanyState.InOutreach or CompanyState.Engaged && change.Activity.Kind is "signal" or "engagement");

    protected override Task Dispatch(CompanyChanged change)
        => GrainFactory.GetGrain<IScoringWorkerGrain>(0).Score(WorkspaceKey.For(change.Company.WorkspaceId, change.Company.Domain), change.Company.Version);
}
