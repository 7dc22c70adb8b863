namespace SalesOS.Prospecting.Ports;

/// <summary>
/// Grants permission to call a provider, shared by every silo of the cluster: connectors call it before
/// each request so a provider's published rate limit holds for the whole deployment.
/// </summary>
public interface IProviderRateLimiter
{
    /// <summary>Waits until one call to <paramref name="provider"/> is allowed.</summary>
    ValueTask AcquireAsync(string provider, CancellationToken cancellationToken);
}
