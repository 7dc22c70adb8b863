using System.Security.Claims;
using SalesOS.Contracts.Domain;

namespace SalesOS.Gateway.Security;

/// <summary>Who is calling, as entity timelines record it.</summary>
public static class Caller
{
    /// <summary>"user:&lt;api key id&gt;" (or "user:admin") for the authenticated key.</summary>
    public static string Actor(ClaimsPrincipal user) => "user:" + user.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim);

    public static CommandContext Context(ClaimsPrincipal user, string? idempotencyKey, string? reason = null)
        => new(Actor(user), idempotencyKey, reason);
}
