using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Markets;
using SalesOS.Contracts.ReadModel;
using SalesOS.Gateway.Infrastructure;
using SalesOS.Gateway.Security;

namespace SalesOS.Gateway.Apis;

/// <summary>Markets (ideal customer profiles): create from fields or a one-line description, redefine, activate, pause, archive.</summary>
public static class MarketApi
{
    public static RouteGroupBuilder MapMarketApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/workspaces/{workspaceId}/markets").WithTags("Markets").RequireAuthorization(Policies.WorkspaceMember);
        group.MapGet("", ListMarkets).WithName("ListMarkets").WithSummary("Lists the workspace's markets from the read model, optionally by state.");
        group.MapPost("", CreateMarket).WithName("CreateMarket").WithSummary("Drafts a market from structured fields and/or a one-line description such as 'B2B SaaS, SMB, using Salesforce'.");
        group.MapGet("/{marketId}", GetMarket).WithName("GetMarket").WithSummary("Reads a market and its definition.");
        group.MapPut("/{marketId}/definition", DefineMarket).WithName("DefineMarket").WithSummary("Replaces a market's definition.");
        group.MapPost("/{marketId}/transitions", TransitionMarket).WithName("TransitionMarket").WithSummary("Activates, pauses or archives a market; 409 when its state does not allow it.");
        group.MapGet("/{marketId}/activities", GetMarketTimeline).WithName("GetMarketTimeline").WithSummary("The market's timeline.");
        return group;
    }

    public static async Task<Results<Ok<IReadOnlyList<MarketListItem>>, ValidationProblem>> ListMarkets(string workspaceId, IClusterClient cluster, string? state = null)
    {
        MarketState? filter = null;
        if (state is not null)
        {
            if (!Enum.TryParse<MarketState>(state, true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["state"] = ["must be one of: " + string.Join(", ", Enum.GetNames<MarketState>())] });
            }

            filter = parsed;
        }

        return TypedResults.Ok(await cluster.GetGrain<IPipelineQueryGrain>(0).Markets(workspaceId, filter));
    }

    public static async Task<Results<Created<MarketSnapshot>, ValidationProblem>> CreateMarket(
        string workspaceId, CreateMarketRequest request, [FromHeader(Name = IdempotencyKey.HeaderName)] string? idempotencyKey, ClaimsPrincipal user, IClusterClient cluster)
    {
        var validation = new Validation()
            .RequireId(request.MarketId, "marketId")
            .Require(!string.IsNullOrWhiteSpace(request.Name) && request.Name.Length <= 200, "name", "is required, at most 200 characters")
            .Require(request.Description is null || request.Description.Length <= 2000, "description", "must be at most 2000 characters")
            .Require(request.Description is not null || request.Definition is not null, "definition", "give a definition, a description, or both")
            .RequireIdempotencyKey(idempotencyKey);
        Validate(request.Definition, validation);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.ToDictionary());
        }

        var market = await cluster.GetGrain<IMarketGrain>(WorkspaceKey.For(workspaceId, request.MarketId!))
            .Create(request.Name!.Trim(), request.Description?.Trim(), request.Definition, Caller.Context(user, idempotencyKey));
        return TypedResults.Created($"/api/workspaces/{workspaceId}/markets/{market.MarketId}", market);
    }

    public static async Task<Results<Ok<MarketSnapshot>, NotFound>> GetMarket(string workspaceId, string marketId, IClusterClient cluster)
        => await cluster.GetGrain<IMarketGrain>(WorkspaceKey.For(workspaceId, marketId)).Get() is { } market ? TypedResults.Ok(market) : TypedResults.NotFound();

    public static async Task<Results<Ok<MarketSnapshot>, NotFound, ValidationProblem>> DefineMarket(
        string workspaceId, string marketId, MarketDefinition definition, [FromHeader(Name = IdempotencyKey.HeaderName)] string? idempotencyKey, ClaimsPrincipal user, IClusterClient cluster)
    {
        var validation = Validate(definition, new Validation().RequireIdempotencyKey(idempotencyKey));
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.ToDictionary());
        }

        var grain = cluster.GetGrain<IMarketGrain>(WorkspaceKey.For(workspaceId, marketId));
        if (await grain.Get() is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await grain.Define(definition, Caller.Context(user, idempotencyKey)));
    }

    public static async Task<Results<Ok<MarketSnapshot>, NotFound, ValidationProblem>> TransitionMarket(
        string workspaceId, string marketId, TransitionRequest request, [FromHeader(Name = IdempotencyKey.HeaderName)] string? idempotencyKey, ClaimsPrincipal user, IClusterClient cluster)
    {
        var triggerOk = Enum.TryParse<MarketTrigger>(request.Trigger, true, out var trigger) && Enum.IsDefined(trigger);
        var validation = new Validation()
            .Require(triggerOk, "trigger", "must be one of: " + string.Join(", ", Enum.GetNames<MarketTrigger>()))
            .RequireIdempotencyKey(idempotencyKey);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.ToDictionary());
        }

        var grain = cluster.GetGrain<IMarketGrain>(WorkspaceKey.For(workspaceId, marketId));
        if (await grain.Get() is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await grain.Transition(trigger, Caller.Context(user, idempotencyKey, request.Reason)));
    }

    public static async Task<Results<Ok<IReadOnlyList<Activity>>, NotFound>> GetMarketTimeline(string workspaceId, string marketId, IClusterClient cluster)
    {
        var grain = cluster.GetGrain<IMarketGrain>(WorkspaceKey.For(workspaceId, marketId));
        return await grain.Get() is null ? TypedResults.NotFound() : TypedResults.Ok(await grain.GetTimeline());
    }

    private static Validation Validate(MarketDefinition? definition, Validation validation)
    {
        if (definition is null)
        {
            return validation;
        }

        var lists = new[] { definition.Industries, definition.BusinessModels, definition.Geographies, definition.Technologies, definition.GrowthSignals, definition.PainPoints, definition.Exclusions };
        return validation
            .Require(lists.All(l => l is not null && l.Count <= 100 && l.All(v => !string.IsNullOrWhiteSpace(v) && v.Length <= 200)), "definition", "lists hold at most 100 non-empty entries of at most 200 characters")
            .Require(definition.Employees is null || (definition.Employees.Min is null or >= 0 && (definition.Employees.Max is null || definition.Employees.Max >= (definition.Employees.Min ?? 0))), "definition.employees", "min must not be negative or above max")
            .Require(definition.Revenue is null || (definition.Revenue.MinUsd is null or >= 0 && (definition.Revenue.MaxUsd is null || definition.Revenue.MaxUsd >= (definition.Revenue.MinUsd ?? 0))), "definition.revenue", "min must not be negative or above max")
            .Require(definition.Personas is null || (definition.Personas.Count <= 50 && definition.Personas.All(p => !string.IsNullOrWhiteSpace(p.Title))), "definition.personas", "at most 50 personas, each with a title");
    }

}

public sealed record CreateMarketRequest(string? MarketId, string? Name, string? Description = null, MarketDefinition? Definition = null);
