using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using SalesOS.Contracts.Deals;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.ReadModel;
using SalesOS.Domain.Identity;
using SalesOS.Gateway.Infrastructure;
using SalesOS.Gateway.Security;

namespace SalesOS.Gateway.Apis;

/// <summary>Deals of a workspace: open, update terms, move through the stages, timeline.</summary>
public static class DealApi
{
    public static RouteGroupBuilder MapDealApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/workspaces/{workspaceId}/deals").WithTags("Deals").RequireAuthorization(Policies.WorkspaceMember);
        group.MapGet("", ListDeals).WithName("ListDeals").WithSummary("Lists deals from the read model: filter by stage, owner, company; cursor pages.");
        group.MapPost("", OpenDeal).WithName("OpenDeal").WithSummary("Opens a deal in Discovery.");
        group.MapGet("/{dealId}", GetDeal).WithName("GetDeal").WithSummary("Reads a deal with its stage history.");
        group.MapPatch("/{dealId}", UpdateDeal).WithName("UpdateDeal").WithSummary("Changes a deal's terms (amount, probability, close date, requirements, next step).");
        group.MapPost("/{dealId}/transitions", TransitionDeal).WithName("TransitionDeal").WithSummary("Moves a deal to its next stage, wins or loses it; 409 when its stage does not allow it.");
        group.MapGet("/{dealId}/activities", GetDealTimeline).WithName("GetDealTimeline").WithSummary("The deal's timeline.");
        return group;
    }

    public static async Task<Results<Ok<DealPage>, ValidationProblem>> ListDeals(
        string workspaceId, IClusterClient cluster, string? state = null, string? owner = null, string? companyDomain = null, int limit = 50, string? cursor = null)
    {
        DealState? stage = null;
        var stateOk = state is null || (Enum.TryParse<DealState>(state, true, out var parsed) && Enum.IsDefined(parsed) && (stage = parsed) is not null);
        var validation = new Validation()
            .Require(stateOk, "state", "must be one of: " + string.Join(", ", Enum.GetNames<DealState>()))
            .Require(limit is >= 1 and <= 500, "limit", "must be between 1 and 500")
            .Require(cursor is null || Validation.IsId(cursor), "cursor", "is not one this API returned");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.ToDictionary());
        }

        return TypedResults.Ok(await cluster.GetGrain<IPipelineQueryGrain>(0).Deals(workspaceId, stage, owner, companyDomain, limit, cursor));
    }

    public static async Task<Results<Created<DealSnapshot>, ValidationProblem>> OpenDeal(
        string workspaceId, OpenDealRequest request, [FromHeader(Name = IdempotencyKey.HeaderName)] string? idempotencyKey, ClaimsPrincipal user, IClusterClient cluster)
    {
        var validation = Validate(request.Terms(), new Validation().RequireId(request.DealId, "dealId").Require(!string.IsNullOrWhiteSpace(request.Name), "name", "is required").RequireIdempotencyKey(idempotencyKey));
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.ToDictionary());
        }

        var deal = await cluster.GetGrain<IDealGrain>(WorkspaceKey.For(workspaceId, request.DealId!)).Open(Normalize(request.Terms()), Caller.Context(user, idempotencyKey));
        return TypedResults.Created($"/api/workspaces/{workspaceId}/deals/{deal.DealId}", deal);
    }

    public static async Task<Results<Ok<DealSnapshot>, NotFound>> GetDeal(string workspaceId, string dealId, IClusterClient cluster)
        => await cluster.GetGrain<IDealGrain>(WorkspaceKey.For(workspaceId, dealId)).Get() is { } deal ? TypedResults.Ok(deal) : TypedResults.NotFound();

    public static async Task<Results<Ok<DealSnapshot>, NotFound, ValidationProblem>> UpdateDeal(
        string workspaceId, string dealId, UpdateDealRequest request, [FromHeader(Name = IdempotencyKey.HeaderName)] string? idempotencyKey, ClaimsPrincipal user, IClusterClient cluster)
    {
        var terms = new DealTerms(request.Name, request.CompanyDomain, request.Amount, request.Currency, request.Probability, request.ExpectedCloseDate, request.Requirements, request.NextStep, request.Owner);
        var validation = Validate(terms, new Validation().RequireIdempotencyKey(idempotencyKey));
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.ToDictionary());
        }

        var grain = cluster.GetGrain<IDealGrain>(WorkspaceKey.For(workspaceId, dealId));
        if (await grain.Get() is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await grain.Update(Normalize(terms), Caller.Context(user, idempotencyKey, request.Reason)));
    }

    public static async Task<Results<Ok<DealSnapshot>, NotFound, ValidationProblem>> TransitionDeal(
        string workspaceId, string dealId, TransitionRequest request, [FromHeader(Name = IdempotencyKey.HeaderName)] string? idempotencyKey, ClaimsPrincipal user, IClusterClient cluster)
    {
        var triggerOk = Enum.TryParse<DealTrigger>(request.Trigger, true, out var trigger) && Enum.IsDefined(trigger);
        var validation = new Validation()
            .Require(triggerOk, "trigger", "must be one of: " + string.Join(", ", Enum.GetNames<DealTrigger>()))
            .Require(request.Reason is null || request.Reason.Length <= 2000, "reason", "must be at most 2000 characters")
            .RequireIdempotencyKey(idempotencyKey);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.ToDictionary());
        }

        var grain = cluster.GetGrain<IDealGrain>(WorkspaceKey.For(workspaceId, dealId));
        if (await grain.Get() is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await grain.Transition(trigger, Caller.Context(user, idempotencyKey, request.Reason)));
    }

    public static async Task<Results<Ok<IReadOnlyList<Activity>>, NotFound>> GetDealTimeline(string workspaceId, string dealId, IClusterClient cluster)
    {
        var grain = cluster.GetGrain<IDealGrain>(WorkspaceKey.For(workspaceId, dealId));
        return await grain.Get() is null ? TypedResults.NotFound() : TypedResults.Ok(await grain.GetTimeline());
    }

    private static Validation Validate(DealTerms terms, Validation validation) => validation
        .Require(terms.Name is null || terms.Name.Length <= 300, "name", "must be at most 300 characters")
        .Require(terms.CompanyDomain is null || CompanyDomain.TryNormalize(terms.CompanyDomain, out _, out _), "companyDomain", "must be a web domain such as example.com")
        .Require(terms.Amount is null or >= 0, "amount", "must not be negative")
        .Require(terms.Currency is null || (terms.Currency.Length == 3 && terms.Currency.All(char.IsAsciiLetter)), "currency", "must be a three-letter ISO 4217 code such as USD")
        .Require(terms.Probability is null or (>= 0 and <= 1), "probability", "must be between 0 and 1")
        .Require(terms.Requirements is null || (terms.Requirements.Count <= 100 && terms.Requirements.All(r => r.Length <= 1000)), "requirements", "at most 100 requirements of at most 1000 characters")
        .Require(terms.NextStep is null || terms.NextStep.Length <= 1000, "nextStep", "must be at most 1000 characters");

    private static DealTerms Normalize(DealTerms terms)
        => terms with { CompanyDomain = terms.CompanyDomain is null ? null : CompanyDomain.Normalize(terms.CompanyDomain) };

}

public sealed record OpenDealRequest(
    string? DealId,
    string? Name,
    string? CompanyDomain = null,
    decimal? Amount = null,
    string? Currency = null,
    double? Probability = null,
    DateOnly? ExpectedCloseDate = null,
    IReadOnlyList<string>? Requirements = null,
    string? NextStep = null,
    string? Owner = null)
{
    public DealTerms Terms() => new(Name, CompanyDomain, Amount, Currency, Probability, ExpectedCloseDate, Requirements, NextStep, Owner);
}

public sealed record UpdateDealRequest(
    string? Name = null,
    string? CompanyDomain = null,
    decimal? Amount = null,
    string? Currency = null,
    double? Probability = null,
    DateOnly? ExpectedCloseDate = null,
    IReadOnlyList<string>? Requirements = null,
    string? NextStep = null,
    string? Owner = null,
    string? Reason = null);
