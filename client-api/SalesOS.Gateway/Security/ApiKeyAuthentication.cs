using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesOS.Contracts.Workspaces;

namespace SalesOS.Gateway.Security;

/// <summary>Section <c>SalesOS:Security</c>.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "SalesOS:Security";

    /// <summary>The operator's key: creates workspaces and reaches the diagnostics. From the environment or a secrets file, never the repo.</summary>
    public string? AdminApiKey { get; set; }

    /// <summary>How long a verified workspace key is trusted without asking its grain again (a revocation takes effect within it).</summary>
    public TimeSpan KeyCacheDuration { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Authenticates every API request by its key, sent as <c>Authorization: Bearer &lt;key&gt;</c> or
/// <c>X-Api-Key: &lt;key&gt;</c>: the admin key, or a workspace key checked against its grain.
/// Failures are ProblemDetails (401 with WWW-Authenticate, 403).
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptions<SecurityOptions> security,
    IClusterClient cluster,
    IProblemDetailsService problemDetails) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string WorkspaceClaim = "salesos:workspace";
    public const string KeyIdClaim = "salesos:key";
    public const string AdminRole = "admin";

    private static readonly ConcurrentDictionary<string, (string WorkspaceId, string KeyId, DateTimeOffset Until)> Verified = new();

    /// <summary>Drops a revoked key from this gateway's cache at once (other gateways drop it within the cache time).</summary>
    public static void Forget(string keyId)
    {
        foreach (var entry in Verified.Where(e => e.Value.KeyId == keyId))
        {
            Verified.TryRemove(entry.Key, out _);
        }
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = ReadKey(Request);
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }

        var admin = security.Value.AdminApiKey;
        if (!string.IsNullOrEmpty(admin) && FixedTimeEquals(key, admin))
        {
            return Success(new Claim(ClaimTypes.Role, AdminRole), new Claim(KeyIdClaim, "admin"));
        }

        if (!ApiKeyFormat.TryParse(key, out var keyId, out var secret))
        {
            return AuthenticateResult.Fail("The API key is not a SalesOS key.");
        }

        var hash = ApiKeyFormat.Hash(secret);
        var cacheKey = Convert.ToHexString(hash);
        var now = TimeProvider.GetUtcNow();
        if (!Verified.TryGetValue(cacheKey, out var cached) || cached.Until < now)
        {
            var workspaceId = await cluster.GetGrain<IApiKeyGrain>(keyId).Verify(hash);
            if (workspaceId is null)
            {
                Verified.TryRemove(cacheKey, out _);
                return AuthenticateResult.Fail("The API key is unknown or revoked.");
            }

            cached = (workspaceId, keyId, now + security.Value.KeyCacheDuration);
            Verified[cacheKey] = cached;
        }

        return Success(new Claim(WorkspaceClaim, cached.WorkspaceId), new Claim(KeyIdClaim, keyId));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        var failure = (await Context.AuthenticateAsync(SchemeName)).Failure?.Message;
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "An API key is required.",
                Detail = failure ?? "Send the key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.",
            },
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "This API key may not do that.",
                Detail = "Workspace keys reach only their own workspace; creating workspaces and diagnostics need the admin key.",
            },
        });
    }

    private static string? ReadKey(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }

        var header = request.Headers["X-Api-Key"].ToString();
        return string.IsNullOrWhiteSpace(header) ? null : header.Trim();
    }

    private static bool FixedTimeEquals(string a, string b)
        => CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(a)), SHA256.HashData(Encoding.UTF8.GetBytes(b)));

    private static AuthenticateResult Success(params Claim[] claims)
        => AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
}
