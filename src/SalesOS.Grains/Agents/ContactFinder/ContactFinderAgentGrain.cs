using SalesOS.Contracts;
using SalesOS.Contracts.Companies;
using SalesOS.Contracts.Domain;

namespace SalesOS.Grains.Agents.ContactFinder;

/// <summary>The Contact Finder agent of a workspace: finds the decision makers of each company once it is enriched.</summary>
[ImplicitStreamSubscription(StreamIds.CompanyEvents)]
public sealed class ContactFinderAgentGrain : CompanyEventAgent
{
    protected override bool IsForMe(CompanyChanged change) => change.Company.State == CompanyState.Enriched;

    protected override Task Dispatch(CompanyChanged change)
        => GrainFactory.GetGrain<IContactFinderWorkerGrain>(0).Find(WorkspaceKey.For(change.Company.WorkspaceId, change.Company.Domain), change.Company.Version);
}

/// <summary>Contact finder settings (section <c>SalesOS:ContactFinder</c>).</summary>
public sealed class ContactFinderOptions
{
    public const string SectionName = "SalesOS:ContactFinder";

    /// <summary>Personas used when a market names none: the people who usually buy B2B software.</summary>
    public List<string> DefaultPersonas { get; set; } = ["CEO", "VP Sales", "Head of Marketing", "CTO"];

    /// <summary>People asked of each configured people-search provider per company.</summary>
    public int ProviderPeopleLimit { get; set; } = 10;
}
