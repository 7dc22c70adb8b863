using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using SalesOS.Contracts.Companies;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Errors;
using SalesOS.Contracts.ReadModel;
using SalesOS.Domain.Identity;
using SalesOS.Gateway.Infrastructure;
using SalesOS.Gateway.Security;

namespace SalesOS.Gateway.Apis;

/// <summary>Companies of a workspace: register (deduplicated by domain), read, move through the funnel, timeline.</summary>
public static class CompanyApi
{
    public static RouteGroupBuilder MapCompanyApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/workspaces/{workspaceId}/companies").WithTags("Companies").RequireAuthorization(Policies.WorkspaceMember);
        group.MapGet("", ListCompanies).WithName("ListCompanies").WithSummary("Lists companies from the read model: filter, sort, search, cursor pages.");
        group.MapPost("", RegisterCompany).WithName("RegisterCompany").WithSummary("Registers a company, or merges it into the one with the same domain.");
        group.MapGet("/{domain}", GetCompany).WithName("GetCompany").WithSummary("Reads a company.");
        group.MapPost("/{domain}/transitions", TransitionCompany).WithName("TransitionCompany").WithSummary("Moves a company through its funnel; 409 when its state does not allow the trigger.");
        group.MapPost("/{domain}/signals", AddCompanySignal).WithName("AddCompanySignal").WithSummary("Records a buying signal with its evidence (agents and integrations).");
        group.MapPut("/{domain}/scores/{kind}", RecordCompanyScore).WithName("RecordCompanyScore").WithSummary("Records the fit or intent score with its explanation (agents and integrations).");
        group.MapGet("/{domain}/activities", GetCompanyTimeline).WithName("GetCompanyTimeline").WithSummary("The company's timeline: who did what, when and why.");
        routes.MapGet("/api/workspaces/{workspaceId}/funnel", GetFunnel).WithTags("Companies").WithName("GetFunnel")
            .WithSummary("How many companies are in each funnel state, for the workspace or one market.").RequireAuthorization(Policies.WorkspaceMember);
        return group;
    }

    public static async Task<Results<Ok<CompanyPage>, ValidationProblem>> ListCompanies(
        string workspaceId,
        IClusterClient cluster,
        string? state = null,
        string? marketId = null,
        string? owner = null,
        string? industry = null,
        string? technology = null,
        double? minFitScore = null,
        double? maxFitScore = null,
        double? minIntentScore = null,
        double? maxIntentScore = null,
        string? search = null,
        string? sort = null,
        bool descending = false,
        int limit = 50,
        string? cursor = null,
        int? tier = null)
    {
        CompanyState? stateFilter = null;
        var stateOk = state is null || (Enum.TryParse<CompanyState>(state, true, out var parsedState) && Enum.IsDefined(parsedState) && (stateFilter = parsedState) is not null);
        var sortOk = Enum.TryParse<CompanySort>(sort ?? nameof(CompanySort.Domain), true, out var sortBy) && Enum.IsDefined(sortBy);
        var validation = new Validation()
            .Require(stateOk, "state", "must be one of: " + string.Join(", ", Enum.GetNames<CompanyState>()))
            .Require(sortOk, "sort", "must be one of: " + string.Join(", ", Enum.GetNames<CompanySort>()))
            .Require(limit is >= 1 and <= 500, "limit", "must be between 1 and 500")
            .Require(tier is null or (>= 1 and <= 3), "tier", "must be 1, 2 or 3")
            .Require(search is null || search.Length <= 200, "search", "must be at most 200 characters")
            .Require(cursor is null || cursor.Length <= 1000, "cursor", "is not one this API returned");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.ToDictionary());
        }

        var query = new CompanyQuery(workspaceId, stateFilter, marketId, owner, industry, technology, minFitScore, maxFitScore,
            minIntentScore, maxIntentScore, search, sortBy, descending, limit, cursor, tier);
        try
        {
            return TypedResults.Ok(await cluster.GetGrain<ICompanyQueryGrain>(0).Query(query));
        }
        catch (CommandRejectedException e) when (e.Field == "cursor")
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["cursor"] = [e.Message] });
        }
    }

    public static async Task<Ok<CompanyFunnel>> GetFunnel(string workspaceId, IClusterClient cluster, string? marketId = null)
        => TypedResults.Ok(await cluster.GetGrain<ICompanyQueryGrain>(0).Funnel(workspaceId, marketId));

    public static async Task<Results<Created<CompanySnapshot>, Ok<CompanySnapshot>, ValidationProblem>> RegisterCompany(
        string workspaceId,
        RegisterCompanyRequest request,
        [FromHeader(Name = IdempotencyKey.HeaderName)] string? idempotencyKey,
        ClaimsPrincipal user,
        IClusterClient cluster)
    {
        var domainOk = CompanyDomain.TryNormalize(request.Domain, out var domain, out var domainReason);
        var validation = new Validation()
            .Require(domainOk, "domain", domainReason)
            .Require(request.Name is null || request.Name.Length <= 300, "name", "must be at most 300 characters")
            .Require(request.EmployeeCount is null or >= 0, "employeeCount", "must not be negative")
            .Require(request.AnnualRevenueUsd is null or >= 0, "annualRevenueUsd", "must not be negative")
            .Require(request.Technologies is null || request.Technologies.Count <= 200, "technologies", "must list at most 200 technologies")
            .Require(request.MarketId is null || Validation.IsId(request.MarketId), "marketId", "must be 1 to 100 characters of letters, digits, '-', '_' or '.'")
            .RequireIdempotencyKey(idempotencyKey);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.ToDictionary());
        }

        var grain = cluster.GetGrain<ICompanyGrain>(WorkspaceKey.For(workspaceId, domain));
        var registration = new CompanyRegistration(
            request.Source ?? "api", request.Name, request.Industry, request.EmployeeCount, request.AnnualRevenueUsd,
            request.Country, request.Technologies, request.MarketId, request.Owner);
        var company = await grain.Register(registration, Caller.Context(user, idempotencyKey));
        // Version 1 is the registration that created it (a retry with the same key gets that answer again).
        return company.Version > 1
            ? TypedResults.Ok(company)
            : TypedResults.Created($"/api/workspaces/{workspaceId}/companies/{domain}", company);
    }

    public static async Task<Results<Ok<CompanySnapshot>, NotFound>> GetCompany(string workspaceId, string domain, IClusterClient cluster)
        => CompanyDomain.TryNormalize(domain, out var normalized, out _)
           && await cluster.GetGrain<ICompanyGrain>(WorkspaceKey.For(workspaceId, normalized)).Get() is { } company
            ? TypedResults.Ok(company)
            : TypedResults.NotFound();

    public static async Task<Results<Ok<CompanySnapshot>, NotFound, ValidationProblem>> TransitionCompany(
        string workspaceId,
        string domain,
        TransitionRequest request,
        [FromHeader(Name = IdempotencyKey.HeaderName)] string? idempotencyKey,
        ClaimsPrincipal user,
        IClusterClient cluster)
    {
        var triggerOk = Enum.TryParse<CompanyTrigger>(request.Trigger, ignoreCase: true, out var trigger) && Enum.IsDefined(trigger);
        var validation = new Validation()
            .Require(triggerOk, "trigger", "must be one of: " + string.Join(", ", Enum.GetNames<CompanyTrigger>()))
            .Require(request.Reason is null || request.Reason.Length <= 2000, "reason", "must be at most 2000 characters")
            .RequireIdempotencyKey(idempotencyKey);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.ToDictionary());
        }

        if (!CompanyDomain.TryNormalize(domain, out var normalized, out _))
        {
            return TypedResults.NotFound();
        }

        var grain = cluster.GetGrain<ICompanyGrain>(WorkspaceKey.For(workspaceId, normalized));
        if (await grain.Get() is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await grain.Transition(trigger, Caller.Context(user, idempotencyKey, request.Reason)));
    }

    public static async Task<Results<Ok<CompanySnapshot>, NotFound, ValidationProblem>> AddCompanySignal(
        string workspaceId, string domain, CompanySignalRequest request, [FromHeader(Name = IdempotencyKey.HeaderName)] string? idempotencyKey, ClaimsPrincipal user, IClusterClient cluster)
    {
        var validation = new Validation()
            .Require(!string.IsNullOrWhiteSpace(request.Kind) && request.Kind.Length <= 50, "kind", "is required, at most 50 characters (hiring, funding, news, website-change, ...)")
            .Require(!string.IsNullOrWhiteSpace(request.Summary) && request.Summary.Length <= 500, "summary", "is required, at most 500 characters")
            .Require(request.EvidenceUrl is null || (Uri.TryCreate(request.EvidenceUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"), "evidenceUrl", "must be an http(s) URL")
            .Require(request.Snippet is null || request.Snippet.Length <= 2000, "snippet", "must be at most 2000 characters")
            .RequireIdempotencyKey(idempotencyKey);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.ToDictionary());
        }

        if (await Existing(cluster, workspaceId, domain) is not { } grain)
        {
            return TypedResults.NotFound();
        }

        var signal = new CompanySignal(request.Kind!.Trim().ToLowerInvariant(), request.Summary!.Trim(), request.EvidenceUrl, request.Snippet, request.ObservedAt ?? DateTimeOffset.UtcNow);
        return TypedResults.Ok(await grain.AddSignal(signal, Caller.Context(user, idempotencyKey)));
    }

    public static async Task<Results<Ok<CompanySnapshot>, NotFound, ValidationProblem>> RecordCompanyScore(
        string workspaceId, string domain, string kind, ScoreExplanation request, [FromHeader(Name = IdempotencyKey.HeaderName)] string? idempotencyKey, ClaimsPrincipal user, IClusterClient cluster)
    {
        var kindOk = Enum.TryParse<ScoreKind>(kind, true, out var scoreKind) && Enum.IsDefined(scoreKind);
        var validation = new Validation()
            .Require(kindOk, "kind", "must be Fit or Intent")
            .Require(request.Score is >= 0 and <= 1, "score", "must be between 0 and 1")
            .Require(request.Factors is not null && request.Factors.Count is > 0 and <= 50, "factors", "explain the score with 1 to 50 factors")
            .Require(request.Factors is null || request.Factors.All(f => f is not null && !string.IsNullOrWhiteSpace(f.Criterion) && f.Reason is not null && f.Reason.Length <= 500), "factors", "each factor needs a criterion and a reason of at most 500 characters")
            .RequireIdempotencyKey(idempotencyKey);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.ToDictionary());
        }

        if (await Existing(cluster, workspaceId, domain) is not { } grain)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await grain.RecordScore(scoreKind, request, Caller.Context(user, idempotencyKey)));
    }

    private static async Task<ICompanyGrain?> Existing(IClusterClient cluster, string workspaceId, string domain)
    {
        if (!CompanyDomain.TryNormalize(domain, out var normalized, out _))
        {
            return null;
        }

        var grain = cluster.GetGrain<ICompanyGrain>(WorkspaceKey.For(workspaceId, normalized));
        return await grain.Get() is null ? null : grain;
    }

    public static async Task<Results<Ok<IReadOnlyList<Activity>>, NotFound>> GetCompanyTimeline(string workspaceId, string domain, IClusterClient cluster)
    {
        if (!CompanyDomain.TryNormalize(domain, out var normalized, out _))
        {
            return TypedResults.NotFound();
        }

        var grain = cluster.GetGrain<ICompanyGrain>(WorkspaceKey.For(workspaceId, normalized));
        return await grain.Get() is null ? TypedResults.NotFound() : TypedResults.Ok(await grain.GetTimeline());
    }

}

public sealed record RegisterCompanyRequest(
    string? Domain,
    string? Name = null,
    string? Industry = null,
    int? EmployeeCount = null,
    decimal? AnnualRevenueUsd = null,
    string? Country = null,
    IReadOnlyList<string>? Technologies = null,
    string? MarketId = null,
    string? Owner = null,
    string? Source = null);

public sealed record TransitionRequest(string? Trigger, string? Reason = null);

public sealed record CompanySignalRequest(string? Kind, string? Summary, string? EvidenceUrl = null, string? Snippet = null, DateTimeOffset? ObservedAt = null);
