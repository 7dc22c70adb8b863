using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using SalesOS.Contracts.Companies;
using SalesOS.Contracts.Contacts;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Outreach;
using SalesOS.Gateway.Infrastructure;
using SalesOS.Gateway.Security;

namespace SalesOS.Gateway.Apis;

/// <summary>
/// Outreach sequences of a workspace, the outreach settings, and each contact's enrolment in a
/// sequence (enrol, pause, resume, stop, and the steps as they ran).
/// </summary>
public static class SequenceApi
{
    public static IEndpointRouteBuilder MapSequenceApi(this IEndpointRouteBuilder routes)
    {
        var workspace = routes.MapGroup("/api/workspaces/{workspaceId}").WithTags("Outreach").RequireAuthorization(Policies.WorkspaceMember);
        workspace.MapGet("/outreach/settings", GetSettings).WithName("GetOutreachSettings").WithSummary("The workspace's outreach settings: sender, postal address (required by CAN-SPAM before anything is sent), tracking, LLM rewrite, auto-enrolment, LinkedIn and call task limits.");
        workspace.MapPut("/outreach/settings", PutSettings).WithName("PutOutreachSettings").WithSummary("Replaces the outreach settings; 400 names each invalid field.");
        workspace.MapGet("/outreach/overview", GetOverview).WithName("GetOutreachOverview").WithSummary("How outreach is doing over the last days (default 28): emails sent, open, click, reply and bounce rates per week, A/B results per sequence step and variant, steps per channel, unsubscribes, cost per email, and the product's targets beside them.");
        workspace.MapGet("/sequences", ListSequences).WithName("ListSequences").WithSummary("The workspace's sequences: the built-in tier sequences (unless replaced) and its own.");
        workspace.MapGet("/sequences/{sequenceId}", GetSequence).WithName("GetSequence").WithSummary("One sequence with its steps, variants, conditions and send windows.");
        workspace.MapPut("/sequences/{sequenceId}", PutSequence).WithName("PutSequence").WithSummary("Creates or replaces a sequence (a new version); every step, window and template is checked and each problem named.");

        var contacts = routes.MapGroup("/api/workspaces/{workspaceId}/contacts/{contactId}/enrollment").WithTags("Outreach").RequireAuthorization(Policies.WorkspaceMember);
        contacts.MapGet("", GetEnrollment).WithName("GetEnrollment").WithSummary("The contact's enrolment: sequence, status, next step and when (in the prospect's time zone), and every step as it ran with its Message-ID.");
        contacts.MapPost("", Enroll).WithName("Enroll").WithSummary("Enrols a scored contact in a sequence; the time zone comes from the company's country unless given.");
        routes.MapPost("/api/workspaces/{workspaceId}/contacts/{contactId}/page-visits", RecordPageVisit).WithTags("Outreach").RequireAuthorization(Policies.WorkspaceMember)
            .WithName("RecordPageVisit").WithSummary("Records a visit of the contact to your website (from your web analytics): it counts towards their engagement and their company's priority.");
        contacts.MapPost("/transitions", ChangeEnrollment).WithName("ChangeEnrollment").WithSummary("Pauses (optionally until a date), resumes or stops the enrolment; 409 when its status does not allow it.");
        return routes;
    }

    public static async Task<Ok<OutreachSettings>> GetSettings(string workspaceId, IClusterClient cluster)
        => TypedResults.Ok(await cluster.GetGrain<IOutreachPlaybookGrain>(workspaceId).GetSettings());

    public static async Task<Ok<OutreachSettings>> PutSettings(string workspaceId, OutreachSettings settings, ClaimsPrincipal user, IClusterClient cluster)
        => TypedResults.Ok(await cluster.GetGrain<IOutreachPlaybookGrain>(workspaceId).SetSettings(settings, Caller.Context(user, null)));

    public static async Task<Results<Ok<OutreachOverview>, ValidationProblem>> GetOverview(string workspaceId, IClusterClient cluster, int days = 28, string? marketId = null, string? sequenceId = null)
    {
        var validation = new Validation()
            .Require(days is >= 1 and <= 366, "days", "must be between 1 and 366")
            .Require(marketId is null || Validation.IsId(marketId), "marketId", "must be a market id")
            .Require(sequenceId is null || Validation.IsId(sequenceId), "sequenceId", "must be a sequence id");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.ToDictionary());
        }

        return TypedResults.Ok(await cluster.GetGrain<IOutreachQueryGrain>(0).Overview(new OutreachQuery(workspaceId, days, marketId, sequenceId)));
    }

    public static async Task<Ok<IReadOnlyList<SequenceDefinition>>> ListSequences(string workspaceId, IClusterClient cluster)
        => TypedResults.Ok(await cluster.GetGrain<IOutreachPlaybookGrain>(workspaceId).ListSequences());

    public static async Task<Results<Ok<SequenceDefinition>, NotFound>> GetSequence(string workspaceId, string sequenceId, IClusterClient cluster)
        => await cluster.GetGrain<IOutreachPlaybookGrain>(workspaceId).GetSequence(sequenceId) is { } sequence ? TypedResults.Ok(sequence) : TypedResults.NotFound();

    public static async Task<Results<Ok<SequenceDefinition>, ValidationProblem>> PutSequence(string workspaceId, string sequenceId, SequenceRequest request, ClaimsPrincipal user, IClusterClient cluster)
    {
        var validation = new Validation()
            .Require(request.Steps is not null, "steps", "is required")
            .Require(request.Window is null || request.Window.Days is not null, "window.days", "is required when a window is given");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.ToDictionary());
        }

        var definition = new SequenceDefinition(sequenceId, request.Name ?? sequenceId, request.Steps!, request.Window ?? SendWindow.BusinessHours);
        return TypedResults.Ok(await cluster.GetGrain<IOutreachPlaybookGrain>(workspaceId).SaveSequence(definition, Caller.Context(user, null)));
    }

    public static async Task<Results<Ok<EnrollmentSnapshot>, NotFound>> GetEnrollment(string workspaceId, string contactId, IClusterClient cluster)
        => await Outreach(cluster, workspaceId, contactId).GetEnrollment() is { } enrollment ? TypedResults.Ok(enrollment) : TypedResults.NotFound();

    public static async Task<Results<Ok<EnrollmentSnapshot>, NotFound, ValidationProblem>> Enroll(
        string workspaceId,
        string contactId,
        EnrollRequest request,
        [FromHeader(Name = IdempotencyKey.HeaderName)] string? idempotencyKey,
        ClaimsPrincipal user,
        IClusterClient cluster)
    {
        var validation = new Validation()
            .RequireId(request.SequenceId, "sequenceId")
            .Require(request.TimeZone is null || request.TimeZone.Length <= 64, "timeZone", "must be an IANA time zone such as Europe/Berlin")
            .RequireIdempotencyKey(idempotencyKey);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.ToDictionary());
        }

        var key = WorkspaceKey.For(workspaceId, Uri.UnescapeDataString(contactId));
        var contact = await cluster.GetGrain<IContactGrain>(key).Get();
        if (contact is null)
        {
            return TypedResults.NotFound();
        }

        var company = contact.CompanyDomain is null ? null : await cluster.GetGrain<ICompanyGrain>(WorkspaceKey.For(workspaceId, contact.CompanyDomain)).Get();
        var request2 = new EnrollmentRequest(request.SequenceId!, request.MarketId ?? (company?.MarketIds is { Count: > 0 } markets ? markets[0] : null), request.Channels, request.TimeZone, company?.Country);
        return TypedResults.Ok(await cluster.GetGrain<IContactOutreachGrain>(key).Enroll(request2, Caller.Context(user, idempotencyKey, request.Reason)));
    }

    public static async Task<Results<Ok<EnrollmentSnapshot>, ValidationProblem>> ChangeEnrollment(
        string workspaceId,
        string contactId,
        EnrollmentChangeRequest request,
        [FromHeader(Name = IdempotencyKey.HeaderName)] string? idempotencyKey,
        ClaimsPrincipal user,
        IClusterClient cluster)
    {
        var triggerOk = Enum.TryParse<EnrollmentTrigger>(request.Trigger, true, out var trigger) && Enum.IsDefined(trigger) && trigger != EnrollmentTrigger.Complete;
        var validation = new Validation()
            .Require(triggerOk, "trigger", "must be one of: Pause, PauseUntil, Resume, Stop")
            .Require(trigger != EnrollmentTrigger.PauseUntil || request.Until is not null, "until", "is required for PauseUntil")
            .Require(request.Reason is null || request.Reason.Length <= 2000, "reason", "must be at most 2000 characters")
            .RequireIdempotencyKey(idempotencyKey);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.ToDictionary());
        }

        return TypedResults.Ok(await Outreach(cluster, workspaceId, contactId)
            .ChangeEnrollment(new EnrollmentChange(trigger, request.Reason, request.Until), Caller.Context(user, idempotencyKey, request.Reason)));
    }

    public static async Task<Results<Accepted, NotFound, ValidationProblem>> RecordPageVisit(string workspaceId, string contactId, PageVisitRequest request, ClaimsPrincipal user, IClusterClient cluster)
    {
        var validation = new Validation()
            .Require(Uri.TryCreate(request.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https", "url", "must be the absolute http(s) URL of the page visited")
            .Require(request.Url is null || request.Url.Length <= 2048, "url", "must be at most 2048 characters");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.ToDictionary());
        }

        var key = WorkspaceKey.For(workspaceId, Uri.UnescapeDataString(contactId));
        if (await cluster.GetGrain<IContactGrain>(key).Get() is null)
        {
            return TypedResults.NotFound();
        }

        var at = request.At ?? DateTimeOffset.UtcNow;
        await cluster.GetGrain<IContactOutreachGrain>(key).RecordTouch(new EngagementTouch("", TouchType.PageVisit, at, false, "reported by the web analytics", request.Url), Caller.Context(user, null));
        return TypedResults.Accepted((string?)null);
    }

    private static IContactOutreachGrain Outreach(IClusterClient cluster, string workspaceId, string contactId)
        => cluster.GetGrain<IContactOutreachGrain>(WorkspaceKey.For(workspaceId, Uri.UnescapeDataString(contactId)));
}

public sealed record SequenceRequest(string? Name, IReadOnlyList<SequenceStep>? Steps, SendWindow? Window = null);

public sealed record EnrollRequest(string? SequenceId, string? TimeZone = null, IReadOnlyList<OutreachChannel>? Channels = null, string? MarketId = null, string? Reason = null);

public sealed record PageVisitRequest(string? Url, DateTimeOffset? At = null);

public sealed record EnrollmentChangeRequest(string? Trigger, string? Reason = null, DateTimeOffset? Until = null);
