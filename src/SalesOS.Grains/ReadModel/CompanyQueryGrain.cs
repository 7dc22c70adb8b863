using Orleans.Concurrency;
using SalesOS.Contracts.Companies;
using SalesOS.Contracts.Errors;
using SalesOS.Contracts.ReadModel;
using SalesOS.Storage.ReadModel;

namespace SalesOS.Grains.ReadModel;

/// <summary>Runs read-model queries on whichever silo the caller reaches; any number run at once.</summary>
[StatelessWorker]
public sealed class CompanyQueryGrain(CompanyReadModel readModel) : Grain, ICompanyQueryGrain
{
    public async Task<CompanyPage> Query(CompanyQuery query)
    {
        try
        {
            return await readModel.QueryAsync(query);
        }
        catch (ArgumentException e) when (e.ParamName == "cursor")
        {
            throw new CommandRejectedException("cursor", "is not one this API returned", true);
        }
    }

    public Task<CompanyFunnel> Funnel(string workspaceId, string? marketId) => readModel.FunnelAsync(workspaceId, marketId);
}
