using System.Security.Cryptography;
using SalesOS.Contracts;
using SalesOS.Contracts.Workspaces;

namespace SalesOS.Grains.Workspaces;

[GenerateSerializer]
[Alias("SalesOS.Workspaces.ApiKeyRecord")]
public sealed class ApiKeyRecord
{
    [Id(0)] public string? WorkspaceId { get; set; }
    [Id(1)] public byte[] SecretHash { get; set; } = [];
    [Id(2)] public bool Revoked { get; set; }
}

public sealed class ApiKeyGrain(
    [PersistentState("api-key", StorageNames.Grains)] IPersistentState<ApiKeyRecord> state) : Grain, IApiKeyGrain
{
    public async Task Store(string workspaceId, byte[] secretHash)
    {
        state.State.WorkspaceId = workspaceId;
        state.State.SecretHash = secretHash;
        state.State.Revoked = false;
        await state.WriteStateAsync();
    }

    public Task<string?> Verify(byte[] secretHash)
    {
        var valid = state.State.WorkspaceId is not null && !state.State.Revoked
            && CryptographicOperations.FixedTimeEquals(state.State.SecretHash, secretHash);
        return Task.FromResult(valid ? state.State.WorkspaceId : null);
    }

    public async Task Revoke()
    {
        state.State.Revoked = true;
        await state.WriteStateAsync();
    }
}
