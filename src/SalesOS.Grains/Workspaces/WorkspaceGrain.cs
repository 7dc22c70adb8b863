using Microsoft.Extensions.DependencyInjection;
using SalesOS.Contracts;
using SalesOS.Contracts.Errors;
using SalesOS.Contracts.Workspaces;

namespace SalesOS.Grains.Workspaces;

[GenerateSerializer]
[Alias("SalesOS.Workspaces.WorkspaceRecord")]
public sealed class WorkspaceRecord
{
    [Id(0)] public string? Name { get; set; }
    [Id(1)] public DateTimeOffset CreatedAt { get; set; }
    [Id(2)] public List<ApiKeyInfo> ApiKeys { get; set; } = [];

    /// <summary>Per-workspace salt of the suppression hashes, so the list cannot be matched across workspaces.</summary>
    [Id(3)] public byte[] SuppressionSalt { get; set; } = [];

    /// <summary>Hex SHA-256 of salt + identity, with the reason it was suppressed.</summary>
    [Id(4)] public Dictionary<string, string> Suppressed { get; set; } = [];
}

public sealed class WorkspaceGrain(
    [PersistentState("workspace", StorageNames.Grains)] IPersistentState<WorkspaceRecord> state,
    [FromKeyedServices(DomainClock.Key)] TimeProvider time) : Grain, IWorkspaceGrain
{
    public Task<WorkspaceSnapshot?> Get()
        => Task.FromResult(state.State.Name is null ? null : Snapshot());

    public async Task<WorkspaceSnapshot> Create(string name)
    {
        if (state.State.Name is not null)
        {
            return string.Equals(state.State.Name, name, StringComparison.Ordinal)
                ? Snapshot()
                : throw new CommandRejectedException("id", $"A workspace '{this.GetPrimaryKeyString()}' already exists.", true);
        }

        state.State.Name = name;
        state.State.CreatedAt = time.GetUtcNow();
        state.State.SuppressionSalt = System.Security.Cryptography.RandomNumberGenerator.GetBytes(16);
        await state.WriteStateAsync();
        return Snapshot();
    }

    public async Task<IssuedApiKey> IssueApiKey(string label, string issuedBy)
    {
        if (state.State.Name is null)
        {
            throw new CommandRejectedException("workspace", $"Workspace '{this.GetPrimaryKeyString()}' does not exist.", true);
        }

        var (keyId, secret, key) = ApiKeyFormat.New();
        // The key grain is written first: a key listed here always verifies.
        await GrainFactory.GetGrain<IApiKeyGrain>(keyId).Store(this.GetPrimaryKeyString(), ApiKeyFormat.Hash(secret));
        var info = new ApiKeyInfo(keyId, label, issuedBy, time.GetUtcNow(), null);
        state.State.ApiKeys.Add(info);
        await state.WriteStateAsync();
        return new IssuedApiKey(info, key);
    }

    public async Task<bool> RevokeApiKey(string keyId)
    {
        var index = state.State.ApiKeys.FindIndex(k => k.KeyId == keyId);
        if (index < 0)
        {
            return false;
        }

        await GrainFactory.GetGrain<IApiKeyGrain>(keyId).Revoke();
        state.State.ApiKeys[index] = state.State.ApiKeys[index] with { RevokedAt = state.State.ApiKeys[index].RevokedAt ?? time.GetUtcNow() };
        await state.WriteStateAsync();
        return true;
    }

    public async Task Suppress(string identity, string reason)
    {
        if (state.State.Suppressed.TryAdd(Hash(identity), reason))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<bool> IsSuppressed(string identity) => Task.FromResult(state.State.Suppressed.ContainsKey(Hash(identity)));

    public Task<IReadOnlyList<string>> FindSuppressed(IReadOnlyList<string> identities)
        => Task.FromResult<IReadOnlyList<string>>(state.State.Suppressed.Count == 0 ? [] : identities.Where(i => state.State.Suppressed.ContainsKey(Hash(i))).ToList());

    public Task<int> CountSuppressed() => Task.FromResult(state.State.Suppressed.Count);

    private string Hash(string identity)
    {
        if (state.State.SuppressionSalt.Length == 0)
        {
            throw new CommandRejectedException("workspace", $"Workspace '{this.GetPrimaryKeyString()}' does not exist.", true);
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(identity.Trim().ToLowerInvariant());
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData([.. state.State.SuppressionSalt, .. bytes]));
    }

    public Task<IReadOnlyList<ApiKeyInfo>> ListApiKeys() => Task.FromResult<IReadOnlyList<ApiKeyInfo>>(state.State.ApiKeys.ToList());

    private WorkspaceSnapshot Snapshot() => new(this.GetPrimaryKeyString(), state.State.Name!, state.State.CreatedAt);
}
