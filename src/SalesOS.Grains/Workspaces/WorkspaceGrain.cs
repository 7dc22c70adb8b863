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

    /// <summary>Whole email domains not to contact, by lowercase domain.</summary>
    [Id(5)] public Dictionary<string, SuppressedDomain> SuppressedDomains { get; set; } = [];
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

    public Task<string?> CheckRecipient(string? email, string? phone)
    {
        if (state.State.Name is null)
        {
            return Task.FromResult<string?>("the workspace does not exist");
        }

        if (!string.IsNullOrWhiteSpace(email))
        {
            if (state.State.Suppressed.TryGetValue(Hash(email), out var reason))
            {
                return Task.FromResult<string?>($"the address is on the suppression list ({reason})");
            }

            var at = email.LastIndexOf('@');
            var domain = at >= 0 ? email[(at + 1)..].Trim().TrimEnd('.').ToLowerInvariant() : "";
            for (var name = domain; name.Length > 0; name = name.IndexOf('.', StringComparison.Ordinal) is var dot and >= 0 ? name[(dot + 1)..] : "")
            {
                if (state.State.SuppressedDomains.TryGetValue(name, out var entry))
                {
                    return Task.FromResult<string?>($"the domain {entry.Domain} is on the suppression list ({entry.Reason})");
                }
            }
        }

        if (!string.IsNullOrWhiteSpace(phone) && state.State.Suppressed.TryGetValue(Hash(phone), out var phoneReason))
        {
            return Task.FromResult<string?>($"the phone number is on the suppression list ({phoneReason})");
        }

        return Task.FromResult<string?>(null);
    }

    public async Task SuppressDomain(string domain, string reason, string by)
    {
        var key = domain.Trim().TrimEnd('.').ToLowerInvariant();
        if (key.Length == 0 || key.Contains('@', StringComparison.Ordinal) || !key.Contains('.', StringComparison.Ordinal))
        {
            throw new CommandRejectedException("domain", $"'{domain}' is not a domain (for example acme.com).", true);
        }

        if (state.State.SuppressedDomains.TryAdd(key, new SuppressedDomain(key, reason, by, time.GetUtcNow())))
        {
            await state.WriteStateAsync();
        }
    }

    public async Task<bool> LiftDomain(string domain)
    {
        if (!state.State.SuppressedDomains.Remove(domain.Trim().TrimEnd('.').ToLowerInvariant()))
        {
            return false;
        }

        await state.WriteStateAsync();
        return true;
    }

    public Task<SuppressionList> ListSuppressions()
        => Task.FromResult(new SuppressionList(
            state.State.Suppressed.Count,
            state.State.Suppressed.Values.GroupBy(r => r, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            state.State.SuppressedDomains.Values.OrderBy(d => d.Domain, StringComparer.Ordinal).ToList()));

    private string Hash(string identity)
    {
        if (state.State.SuppressionSalt.Length == 0)
        {
            throw new CommandRejectedException("workspace", $"Workspace '{this.GetPrimaryKeyString()}' does not exist.", true);
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(Canonical(identity));
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData([.. state.State.SuppressionSalt, .. bytes]));
    }

    // One form per person: addresses and identity keys in lower case; a phone number as its digits (with
    // the leading '+'), so "+49 30 1234-567" suppresses the contact stored as "+49301234567".
    private static string Canonical(string identity)
    {
        var value = identity.Trim().ToLowerInvariant();
        if (value.Any(char.IsLetter) || value.Contains('@', StringComparison.Ordinal) || value.Contains(':', StringComparison.Ordinal) || value.Count(char.IsAsciiDigit) < 5)
        {
            return value;
        }

        var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
        return value.StartsWith('+') ? "+" + digits : digits;
    }

    public Task<IReadOnlyList<ApiKeyInfo>> ListApiKeys() => Task.FromResult<IReadOnlyList<ApiKeyInfo>>(state.State.ApiKeys.ToList());

    private WorkspaceSnapshot Snapshot() => new(this.GetPrimaryKeyString(), state.State.Name!, state.State.CreatedAt);
}
