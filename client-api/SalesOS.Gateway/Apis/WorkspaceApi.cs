using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SalesOS.Contracts.Workspaces;
using SalesOS.Gateway.Infrastructure;
using SalesOS.Gateway.Security;

namespace SalesOS.Gateway.Apis;

/// <summary>Workspaces (tenants) and their API keys.</summary>
public static class WorkspaceApi
{
    public static IEndpointRouteBuilder MapWorkspaceApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/workspaces", CreateWorkspace).WithTags("Workspaces").WithName("CreateWorkspace")
            .WithSummary("Creates a workspace and its first API key (admin key required).").RequireAuthorization(Policies.Admin);

        var workspace = routes.MapGroup("/api/workspaces/{workspaceId}").WithTags("Workspaces").RequireAuthorization(Policies.WorkspaceMember);
        workspace.MapGet("", GetWorkspace).WithName("GetWorkspace").WithSummary("Reads the workspace.");
        workspace.MapGet("/api-keys", ListApiKeys).WithName("ListApiKeys").WithSummary("Lists the workspace's API keys (never their secrets).");
        workspace.MapPost("/api-keys", IssueApiKey).WithName("IssueApiKey").WithSummary("Issues another API key; the key is shown once.");
        workspace.MapDelete("/api-keys/{keyId}", RevokeApiKey).WithName("RevokeApiKey").WithSummary("Revokes an API key.");
        return routes;
    }

    public static async Task<Results<Created<CreatedWorkspace>, ValidationProblem>> CreateWorkspace(CreateWorkspaceRequest request, IClusterClient cluster)
    {
        var validation = new Validation()
            .RequireId(request.Id, "id")
            .Require(!string.IsNullOrWhiteSpace(request.Name), "name", "is required")
            .Require(request.Name is null || request.Name.Length <= 200, "name", "must be at most 200 characters");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.ToDictionary());
        }

        var grain = cluster.GetGrain<IWorkspaceGrain>(request.Id!);
        var workspace = await grain.Create(request.Name!.Trim());
        var key = await grain.IssueApiKey("initial", "admin");
        return TypedResults.Created($"/api/workspaces/{workspace.Id}", new CreatedWorkspace(workspace, key));
    }

    public static async Task<Results<Ok<WorkspaceSnapshot>, NotFound>> GetWorkspace(string workspaceId, IClusterClient cluster)
        => await cluster.GetGrain<IWorkspaceGrain>(workspaceId).Get() is { } workspace ? TypedResults.Ok(workspace) : TypedResults.NotFound();

    public static async Task<Ok<IReadOnlyList<ApiKeyInfo>>> ListApiKeys(string workspaceId, IClusterClient cluster)
        => TypedResults.Ok(await cluster.GetGrain<IWorkspaceGrain>(workspaceId).ListApiKeys());

    public static async Task<Results<Created<IssuedApiKey>, ValidationProblem>> IssueApiKey(string workspaceId, IssueApiKeyRequest request, ClaimsPrincipal user, IClusterClient cluster)
    {
        var validation = new Validation()
            .Require(!string.IsNullOrWhiteSpace(request.Label), "label", "is required")
            .Require(request.Label is null || request.Label.Length <= 100, "label", "must be at most 100 characters");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.ToDictionary());
        }

        var issuedBy = Caller.Actor(user);
        var key = await cluster.GetGrain<IWorkspaceGrain>(workspaceId).IssueApiKey(request.Label!.Trim(), issuedBy);
        return TypedResults.Created($"/api/workspaces/{workspaceId}/api-keys/{key.Info.KeyId}", key);
    }

    public static async Task<Results<NoContent, NotFound>> RevokeApiKey(string workspaceId, string keyId, IClusterClient cluster)
    {
        if (!await cluster.GetGrain<IWorkspaceGrain>(workspaceId).RevokeApiKey(keyId))
        {
            return TypedResults.NotFound();
        }

        ApiKeyAuthenticationHandler.Forget(keyId);
        return TypedResults.NoContent();
    }
}

public sealed record CreateWorkspaceRequest(string? Id, string? Name);

public sealed record CreatedWorkspace(WorkspaceSnapshot Workspace, IssuedApiKey ApiKey);

public sealed record IssueApiKeyRequest(string? Label);
