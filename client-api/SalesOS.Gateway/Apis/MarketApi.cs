using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Markets;
using SalesOS.Contracts.Prospecting;
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
        group.MapPut("/{marketId}/prospecting", ConfigureProspecting).WithName("ConfigureProspecting")
            .WithSummary("Sets how the market prospects: sources (\"demo\" for sample data, \"apollo\", ...), contacts per company, tier shares and the channel plan per tier.");
        group.MapGet("/{marketId}/prospecting", GetProspecting).WithName("GetProspecting")
            .WithSummary("The market's prospecting: companies per state, throughput, errors by reason, tiers, and the top companies and contacts by priority with their explanations.");
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

        if (request.Prospecting is not null)
        {
            var settingsProblem = ValidateSettings(request.Prospecting);
            if (settingsProblem is not null)
            {
                return settingsProblem;
            }
        }

        var grain = cluster.GetGrain<IMarketGrain>(WorkspaceKey.For(workspaceId, request.MarketId!));
        var market = await grain.Create(request.Name!.Trim(), request.Description?.Trim(), request.Definition, Caller.Context(user, idempotencyKey));
        if (request.Prospecting is not null)
        {
            market = await grain.ConfigureProspecting(request.Prospecting, Caller.Context(user, idempotencyKey is null ? null : idempotencyKey + ":prospecting"));
        }

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

    public static async Task<Results<Ok<MarketSnapshot>, NotFound, ValidationProblem>> ConfigureProspecting(
        string workspaceId, string marketId, ProspectingSettings settings, [FromHeader(Name = IdempotencyKey.HeaderName)] string? idempotencyKey, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (ValidateSettings(settings, new Validation().RequireIdempotencyKey(idempotencyKey)) is { } problem)
        {
            return problem;
        }

        var grain = cluster.GetGrain<IMarketGrain>(WorkspaceKey.For(workspaceId, marketId));
        if (await grain.Get() is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await grain.ConfigureProspecting(settings, Caller.Context(user, idempotencyKey)));
    }

    public static async Task<Results<Ok<ProspectingOverview>, NotFound, ValidationProblem>> GetProspecting(string workspaceId, string marketId, IClusterClient cluster, int top = 10)
    {
        if (top is < 1 or > 100)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["top"] = ["must be between 1 and 100"] });
        }

        if (!Validation.IsId(marketId) || await cluster.GetGrain<IMarketGrain>(WorkspaceKey.For(workspaceId, marketId)).Get() is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await cluster.GetGrain<IProspectingQueryGrain>(0).Overview(workspaceId, marketId, top));
    }

    // The grain checks the same rules (a refusal there is a 400 too); checking here answers with every field at once.
    private static ValidationProblem? ValidateSettings(ProspectingSettings settings, Validation? validation = null)
    {
        validation ??= new Validation();
        validation
            .Require(settings.Sources is not null && settings.Sources.Count <= 10 && settings.Sources.All(Validation.IsId), "prospecting.sources", "at most 10 source names such as \"demo\" or \"apollo\"")
            .Require(settings.ContactsPerCompany is >= 1 and <= 25, "prospecting.contactsPerCompany", "must be between 1 and 25")
            .Require(settings.Tier1Share is > 0 and < 1 && settings.Tier2Share is >= 0 and < 1 && settings.Tier1Share + settings.Tier2Share <= 1, "prospecting.tier1Share", "tier shares are fractions above 0 whose sum is at most 1")
            .Require(settings.DemoCompanies is >= 1 and <= 10_000, "prospecting.demoCompanies", "must be between 1 and 10,000")
            .Require(settings.SourceLimit is >= 1 and <= 100_000, "prospecting.sourceLimit", "must be between 1 and 100,000")
            .Require(settings.Plans is not null && settings.Plans.Select(p => p?.Tier).Order().SequenceEqual([1, 2, 3]), "prospecting.plans", "one plan for each of tiers 1, 2 and 3");
        return validation.IsValid ? null : TypedResults.ValidationProblem(validation.ToDictionary());
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

public sealed record CreateMarketRequest(string? MarketId, string? Name, string? Description = null, MarketDefinition? Definition = null, ProspectingSettings? Prospecting = null);
