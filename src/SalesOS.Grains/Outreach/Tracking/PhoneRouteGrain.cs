using SalesOS.Contracts;

namespace SalesOS.Grains.Outreach.Tracking;

/// <summary>Which contact a phone number (E.164) belongs to, keyed "{workspaceId}/{number}": how an inbound text finds its contact.</summary>
[Alias("SalesOS.Outreach.IPhoneRouteGrain")]
public interface IPhoneRouteGrain : IGrainWithStringKey
{
    [Alias("Get")]
    Task<string?> Get();

    [Alias("Set")]
    Task Set(string contactIdentity);
}

[GenerateSerializer]
[Alias("SalesOS.Outreach.PhoneRouteRecord")]
public sealed class PhoneRouteRecord
{
    [Id(0)] public string? ContactIdentity { get; set; }
}

public sealed class PhoneRouteGrain([PersistentState("phone-route", StorageNames.Grains)] IPersistentState<PhoneRouteRecord> state) : Grain, IPhoneRouteGrain
{
    public Task<string?> Get() => Task.FromResult(state.State.ContactIdentity);

    public async Task Set(string contactIdentity)
    {
        if (state.State.ContactIdentity != contactIdentity)
        {
            state.State.ContactIdentity = contactIdentity;
            await state.WriteStateAsync();
        }
    }
}
