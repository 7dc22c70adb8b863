using Orleans.Concurrency;
using SalesOS.Contracts.Companies;
using SalesOS.Contracts.ReadModel;
using SalesOS.Storage.ReadModel;

namespace SalesOS.Grains.ReadModel;

/// <summary>Runs read-model queries on whichever silo the caller reaches; any number run at once.</summary>
[StatelessWorker]
public sealed class CompanyQueryGrain(CompanyReadModel readModel) : Grain, ICompanyQueryGrain
{
    public Task<CompanyPage> Query(CompanyQuery query) => readModel.QueryAsync(query);

    public Task<CompanyFunnel> Funnel(string workspaceId, string? marketId) => readModel.FunnelAsync(workspaceId, marketId);
}
