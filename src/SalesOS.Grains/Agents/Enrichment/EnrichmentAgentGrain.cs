using SalesOS.Contracts;
using SalesOS.Contracts.Companies;
using SalesOS.Contracts.Domain;

namespace SalesOS.Grains.Agents.Enrichment;

/// <summary>
/// The Enrichment agent of a workspace: enriches each newly sourced company, retries a failed attempt
/// when the company's watchdog says so (or its redelivered event finds the attempt lost with a silo),
/// and re-reads the websites of enriched companies when their market's recrawl sweep says so.
/// </summary>
[ImplicitStreamSubscription(StreamIds.CompanyEvents)]
public sealed class EnrichmentAgentGrain : CompanyEventAgent
{
    protected override bool IsForMe(CompanyChanged change)
        => change.Company.State is CompanyState.Sourced or CompanyState.Enriching || change.Activity.Kind == "recrawl";

    protected override Task Dispatch(CompanyChanged change)
        => GrainFactory.GetGrain<IEnrichmentWorkerGrain>(0).Enrich(WorkspaceKey.For(change.Company.WorkspaceId, change.Company.Domain), change.Company.Version);
}
