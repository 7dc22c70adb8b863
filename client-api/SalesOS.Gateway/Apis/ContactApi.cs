using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using SalesOS.Contracts.Contacts;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Errors;
using SalesOS.Domain.Identity;
using SalesOS.Gateway.Infrastructure;
using SalesOS.Gateway.Security;

namespace SalesOS.Gateway.Apis;

/// <summary>
/// Contacts of a workspace. A contact's id is its identity, "email:&lt;address&gt;" or
/// "linkedin:&lt;profile path&gt;", URL-encoded in routes.
/// </summary>
public static class ContactApi
{
    public static RouteGroupBuilder MapContactApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/workspaces/{workspaceId}/contacts").WithTags("Contacts").RequireAuthorization(Policies.WorkspaceMember);
        group.MapGet("", ListContacts).WithName("ListContacts").WithSummary("Lists contacts from the read model: filter by state, tier, company, market; search by name or email; sort=priority for the best first.");
        group.MapPost("", RegisterContact).WithName("RegisterContact").WithSummary("Registers a contact, or merges it into the one with the same email (or LinkedIn profile).");
        group.MapGet("/{contactId}", GetContact).WithName("GetContact").WithSummary("Reads a contact.");
        group.MapPost("/{contactId}/transitions", TransitionContact).WithName("TransitionContact").WithSummary("Moves a contact through its states; 409 when its state does not allow the trigger.");
        group.MapGet("/{contactId}/activities", GetContactTimeline).WithName("GetContactTimeline").WithSummary("The contact's timeline.");
        group.MapGet("/{contactId}/export", ExportContact).WithName("ExportContact").WithSummary("GDPR access: everything held about the contact, as JSON.");
        group.MapDelete("/{contactId}", EraseContact).WithName("EraseContact").WithSummary("GDPR erasure: deletes every personal detail; only a salted hash stays, on the suppression list.");
        return group;
    }

    public static async Task<Results<Ok<ContactPage>, ValidationProblem>> ListContacts(
        string workspaceId, IClusterClient cluster, string? state = null, int? tier = null, string? companyDomain = null, string? search = null, int limit = 50, string? cursor = null,
        string? marketId = null, string? sort = null)
    {
        ContactState? stateFilter = null;
        var stateOk = state is null || (Enum.TryParse<ContactState>(state, true, out var parsed) && Enum.IsDefined(parsed) && (stateFilter = parsed) is not null);
        var validation = new Validation()
            .Require(stateOk, "state", "must be one of: " + string.Join(", ", Enum.GetNames<ContactState>()))
            .Require(tier is null or (>= 1 and <= 3), "tier", "must be 1, 2 or 3")
            .Require(limit is >= 1 and <= 500, "limit", "must be between 1 and 500")
            .Require(search is null || search.Length <= 200, "search", "must be at most 200 characters")
            .Require(marketId is null || Validation.IsId(marketId), "marketId", "must be a market id")
            .Require(sort is null or "identity" or "priority", "sort", "must be identity or priority (highest first)");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.ToDictionary());
        }

        try
        {
            return TypedResults.Ok(await cluster.GetGrain<IContactQueryGrain>(0).Query(
                new ContactQuery(workspaceId, stateFilter, tier, companyDomain, search, limit, cursor, marketId, sort == "priority")));
        }
        catch (CommandRejectedException e) when (e.Field == "cursor")
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["cursor"] = [e.Message] });
        }
    }

    public static async Task<Results<Created<ContactSnapshot>, Ok<ContactSnapshot>, ValidationProblem>> RegisterContact(
        string workspaceId,
        RegisterContactRequest request,
        [FromHeader(Name = IdempotencyKey.HeaderName)] string? idempotencyKey,
        ClaimsPrincipal user,
        IClusterClient cluster)
    {
        var validation = new Validation().RequireIdempotencyKey(idempotencyKey);
        ContactIdentity? identity = null;
        if (request.Email is not null)
        {
            validation.Require(ContactIdentity.TryFromEmail(request.Email, out var byEmail, out var reason), "email", reason);
            identity = byEmail;
        }
        else if (request.LinkedInUrl is not null)
        {
            validation.Require(ContactIdentity.TryFromLinkedIn(request.LinkedInUrl, out var byProfile, out var reason), "linkedInUrl", reason);
            identity = byProfile;
        }
        else
        {
            validation.Require(false, "email", "an email or a linkedInUrl is required");
        }

        var companyOk = request.CompanyDomain is null || CompanyDomain.TryNormalize(request.CompanyDomain, out _, out _);
        validation
            .Require(companyOk, "companyDomain", "must be a web domain such as example.com")
            .Require(request.LinkedInUrl is null || request.Email is null || ContactIdentity.TryFromLinkedIn(request.LinkedInUrl, out _, out _), "linkedInUrl", "must be a LinkedIn profile URL")
            .Require(TextOk(request.FirstName, 200) && TextOk(request.LastName, 200) && TextOk(request.Title, 300), "name", "names must be at most 200 characters and titles 300")
            .Require(TextOk(request.LawfulBasis, 1000), "lawfulBasis", "must be at most 1000 characters")
            .Require(request.BuyingAuthority is null or (>= 0 and <= 1), "buyingAuthority", "must be between 0 and 1")
            .Require(TextOk(request.EmailVerification, 200) && TextOk(request.PhoneVerification, 200), "verification", "results must be at most 200 characters");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.ToDictionary());
        }

        var grain = cluster.GetGrain<IContactGrain>(WorkspaceKey.For(workspaceId, identity!.Key));
        var registration = new ContactRegistration(
            request.Source ?? "api", identity.Email, request.LinkedInUrl, request.FirstName, request.LastName, request.Title, request.Seniority,
            request.Department, request.Phone, request.CompanyDomain is null ? null : CompanyDomain.Normalize(request.CompanyDomain), request.LawfulBasis,
            request.BuyingAuthority, request.EmailVerification, request.PhoneVerification);
        var contact = await grain.Register(registration, Caller.Context(user, idempotencyKey));
        // Version 1 is the registration that created it (a retry with the same key gets that answer again).
        return contact.Version > 1
            ? TypedResults.Ok(contact)
            : TypedResults.Created($"/api/workspaces/{workspaceId}/contacts/{Uri.EscapeDataString(identity.Key)}", contact);
    }

    public static async Task<Results<Ok<ContactSnapshot>, NotFound>> GetContact(string workspaceId, string contactId, IClusterClient cluster)
        => await Grain(cluster, workspaceId, contactId).Get() is { } contact ? TypedResults.Ok(contact) : TypedResults.NotFound();

    public static async Task<Results<Ok<ContactSnapshot>, NotFound, ValidationProblem>> TransitionContact(
        string workspaceId,
        string contactId,
        ContactTransitionRequest request,
        [FromHeader(Name = IdempotencyKey.HeaderName)] string? idempotencyKey,
        ClaimsPrincipal user,
        IClusterClient cluster)
    {
        var triggerOk = Enum.TryParse<ContactTrigger>(request.Trigger, true, out var trigger) && Enum.IsDefined(trigger);
        ReplyKind? replyKind = null;
        var replyOk = request.ReplyKind is null || (Enum.TryParse<ReplyKind>(request.ReplyKind, true, out var kind) && Enum.IsDefined(kind) && (replyKind = kind) is not null);
        var validation = new Validation()
            .Require(triggerOk, "trigger", "must be one of: " + string.Join(", ", Enum.GetNames<ContactTrigger>()))
            .Require(replyOk, "replyKind", "must be one of: " + string.Join(", ", Enum.GetNames<ReplyKind>()))
            .Require(request.SequenceId is null || Validation.IsId(request.SequenceId), "sequenceId", "must be 1 to 100 characters of letters, digits, '-', '_' or '.'")
            .Require(TextOk(request.Reason, 2000), "reason", "must be at most 2000 characters")
            .RequireIdempotencyKey(idempotencyKey);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.ToDictionary());
        }

        var grain = Grain(cluster, workspaceId, contactId);
        if (await grain.Get() is null)
        {
            return TypedResults.NotFound();
        }

        var transition = new ContactTransition(trigger, request.Tier, request.SequenceId, replyKind);
        return TypedResults.Ok(await grain.Transition(transition, Caller.Context(user, idempotencyKey, request.Reason)));
    }

    public static async Task<Results<Ok<IReadOnlyList<Activity>>, NotFound>> GetContactTimeline(string workspaceId, string contactId, IClusterClient cluster)
    {
        var grain = Grain(cluster, workspaceId, contactId);
        return await grain.Get() is null ? TypedResults.NotFound() : TypedResults.Ok(await grain.GetTimeline());
    }

    public static async Task<Results<Ok<ContactExport>, NotFound>> ExportContact(string workspaceId, string contactId, IClusterClient cluster)
        => await Grain(cluster, workspaceId, contactId).Export() is { } export ? TypedResults.Ok(export) : TypedResults.NotFound();

    public static async Task<Results<NoContent, NotFound>> EraseContact(string workspaceId, string contactId, ClaimsPrincipal user, IClusterClient cluster)
        => await Grain(cluster, workspaceId, contactId).Erase(Caller.Context(user, null)) ? TypedResults.NoContent() : TypedResults.NotFound();

    // Identities hold '/' (LinkedIn paths), which clients send encoded and routing leaves encoded.
    private static IContactGrain Grain(IClusterClient cluster, string workspaceId, string contactId)
        => cluster.GetGrain<IContactGrain>(WorkspaceKey.For(workspaceId, Uri.UnescapeDataString(contactId)));

    private static bool TextOk(string? text, int max) => text is null || text.Length <= max;

}

public sealed record RegisterContactRequest(
    string? Email = null,
    string? LinkedInUrl = null,
    string? FirstName = null,
    string? LastName = null,
    string? Title = null,
    string? Seniority = null,
    string? Department = null,
    string? Phone = null,
    string? CompanyDomain = null,
    string? LawfulBasis = null,
    string? Source = null,
    double? BuyingAuthority = null,
    string? EmailVerification = null,
    string? PhoneVerification = null);

public sealed record ContactTransitionRequest(string? Trigger, int? Tier = null, string? SequenceId = null, string? ReplyKind = null, string? Reason = null);
