namespace SalesOS.Contracts.Workspaces;

/// <summary>A tenant: one selling company. Every entity key and API route carries its id.</summary>
[Alias("SalesOS.Workspaces.IWorkspaceGrain")]
public interface IWorkspaceGrain : IGrainWithStringKey
{
    /// <summary>The workspace, or null when it was never created.</summary>
    [Alias("Get")]
    Task<WorkspaceSnapshot?> Get();

    /// <summary>Creates the workspace; creating an existing one with the same name returns it unchanged.</summary>
    [Alias("Create")]
    Task<WorkspaceSnapshot> Create(string name);

    /// <summary>Issues an API key. Only its hash is stored; the caller gets the secret once, in <see cref="IssuedApiKey"/>.</summary>
    [Alias("IssueApiKey")]
    Task<IssuedApiKey> IssueApiKey(string label, string issuedBy);

    [Alias("RevokeApiKey")]
    Task<bool> RevokeApiKey(string keyId);

    [Alias("ListApiKeys")]
    Task<IReadOnlyList<ApiKeyInfo>> ListApiKeys();

    /// <summary>Adds a person (by email or contact identity) to the suppression list; only a salted hash is kept.</summary>
    [Alias("Suppress")]
    Task Suppress(string identity, string reason);

    /// <summary>Whether a person is on the suppression list: checked before registering and before every send.</summary>
    [Alias("IsSuppressed")]
    Task<bool> IsSuppressed(string identity);

    /// <summary>Which of these identities are suppressed (one call for a whole projection batch).</summary>
    [Alias("FindSuppressed")]
    Task<IReadOnlyList<string>> FindSuppressed(IReadOnlyList<string> identities);

    [Alias("CountSuppressed")]
    Task<int> CountSuppressed();

    /// <summary>
    /// Checked immediately before every send on every channel: why this recipient must not be contacted
    /// (the person's address or number is suppressed, or their email domain is), or null when they may be.
    /// </summary>
    [Alias("CheckRecipient")]
    Task<string?> CheckRecipient(string? email, string? phone);

    /// <summary>Suppresses a whole email domain (a customer, a competitor, a company that asked): kept in clear, not a person.</summary>
    [Alias("SuppressDomain")]
    Task SuppressDomain(string domain, string reason, string by);

    /// <summary>Lifts a domain suppression; false when the domain was not suppressed.</summary>
    [Alias("LiftDomain")]
    Task<bool> LiftDomain(string domain);

    /// <summary>The suppression list as operators may see it: domains in clear, people only as counts by reason (their hashes are not shown).</summary>
    [Alias("ListSuppressions")]
    Task<SuppressionList> ListSuppressions();
}

[GenerateSerializer, Immutable]
[Alias("SalesOS.Workspaces.SuppressedDomain")]
public sealed record SuppressedDomain(
    [property: Id(0)] string Domain,
    [property: Id(1)] string Reason,
    [property: Id(2)] string By,
    [property: Id(3)] DateTimeOffset At);

[GenerateSerializer, Immutable]
[Alias("SalesOS.Workspaces.SuppressionList")]
public sealed record SuppressionList(
    [property: Id(0)] int People,
    [property: Id(1)] IReadOnlyDictionary<string, int> PeopleByReason,
    [property: Id(2)] IReadOnlyList<SuppressedDomain> Domains);

/// <summary>One API key, found by the id embedded in the key itself; verifies the secret against its hash.</summary>
[Alias("SalesOS.Workspaces.IApiKeyGrain")]
public interface IApiKeyGrain : IGrainWithStringKey
{
    [Alias("Store")]
    Task Store(string workspaceId, byte[] secretHash);

    /// <summary>The workspace the key belongs to, or null when the secret is wrong or the key is revoked or unknown.</summary>
    [Alias("Verify")]
    Task<string?> Verify(byte[] secretHash);

    [Alias("Revoke")]
    Task Revoke();
}

[GenerateSerializer, Immutable]
[Alias("SalesOS.Workspaces.WorkspaceSnapshot")]
public sealed record WorkspaceSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] DateTimeOffset CreatedAt);

[GenerateSerializer, Immutable]
[Alias("SalesOS.Workspaces.ApiKeyInfo")]
public sealed record ApiKeyInfo(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string Label,
    [property: Id(2)] string IssuedBy,
    [property: Id(3)] DateTimeOffset IssuedAt,
    [property: Id(4)] DateTimeOffset? RevokedAt);

/// <summary>A new key: <see cref="Key"/> is shown once and never stored.</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Workspaces.IssuedApiKey")]
public sealed record IssuedApiKey(
    [property: Id(0)] ApiKeyInfo Info,
    [property: Id(1)] string Key);
