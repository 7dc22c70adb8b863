using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace SalesOS.Gateway.Security;

/// <summary>The authorization policies of the gateway.</summary>
public static class Policies
{
    /// <summary>The operator: workspace creation, diagnostics.</summary>
    public const string Admin = "admin";

    /// <summary>A key of the workspace named in the route (<c>{workspaceId}</c>); no other workspace's key passes.</summary>
    public const string WorkspaceMember = "workspace-member";
}

public sealed class WorkspaceMemberRequirement : IAuthorizationRequirement;

public sealed class WorkspaceMemberHandler : AuthorizationHandler<WorkspaceMemberRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, WorkspaceMemberRequirement requirement)
    {
        if (context.Resource is HttpContext http
            && http.Request.RouteValues.TryGetValue("workspaceId", out var routeWorkspace)
            && context.User.HasClaim(ApiKeyAuthenticationHandler.WorkspaceClaim, routeWorkspace?.ToString() ?? ""))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
