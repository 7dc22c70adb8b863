using Orleans.Concurrency;
using SalesOS.Contracts.Contacts;
using SalesOS.Contracts.Errors;
using SalesOS.Storage.ReadModel;

namespace SalesOS.Grains.ReadModel;

[StatelessWorker]
public sealed class ContactQueryGrain(ContactReadModel readModel) : Grain, IContactQueryGrain
{
    public async Task<ContactPage> Query(ContactQuery query)
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
}
