namespace SalesOS.Contracts.Domain;

/// <summary>
/// Keys of workspace-scoped grains: "{workspaceId}/{local id}". Workspace ids have no '/', so the
/// first one separates them; the local id (a domain, an email identity, a LinkedIn path) may hold more.
/// </summary>
public static class WorkspaceKey
{
    public static string For(string workspaceId, string localId) => $"{workspaceId}/{localId}";

    public static (string WorkspaceId, string LocalId) Parse(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash <= 0 ? throw new ArgumentException($"'{key}' is not a workspace-scoped key.", nameof(key)) : (key[..slash], key[(slash + 1)..]);
    }
}
