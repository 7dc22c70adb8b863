using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Outreach;
using SalesOS.Contracts.Workspaces;
using SalesOS.Gateway.Infrastructure;
using SalesOS.Gateway.Security;

namespace SalesOS.Gateway.Apis;

/// <summary>
/// The mailboxes a workspace sends from (caps, warm-up, health, reader), the offline outbox, inbound
/// mail handed over directly, the suppression list and the reps' task queues.
/// </summary>
public static class MailboxApi
{
    /// <summary>Largest inbound message accepted through the API.</summary>
    public const long MaxInboundBytes = 10 * 1024 * 1024;

    public static IEndpointRouteBuilder MapMailboxApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/workspaces/{workspaceId}").WithTags("Outreach").RequireAuthorization(Policies.WorkspaceMember);
        group.MapGet("/mailboxes", ListMailboxes).WithName("ListMailboxes").WithSummary("The sending mailboxes: transport (or the outbox folder when none is configured), today's cap under warm-up, bounce and complaint health, and the inbox reader.");
        group.MapGet("/mailboxes/{address}", GetMailbox).WithName("GetMailbox").WithSummary("One mailbox.");
        group.MapPost("/mailboxes/{address}/transitions", TransitionMailbox).WithName("TransitionMailbox").WithSummary("Pauses or resumes a mailbox (a mailbox paused by its health check says why).");
        group.MapGet("/mailboxes/{address}/outbox", ListOutbox).WithName("ListOutbox").WithSummary("The newest messages written to the outbox folder by the offline default (nothing was sent).");
        group.MapPost("/inbound", ReceiveInbound).WithName("ReceiveInbound").WithSummary("Hands SalesOS one inbound email (the raw RFC 5322 message, message/rfc822): it is classified and applied like mail read from a mailbox.")
            .Accepts<string>("message/rfc822");
        group.MapGet("/suppressions", ListSuppressions).WithName("ListSuppressions").WithSummary("The suppression list checked before every send: suppressed domains, and suppressed people counted by reason (only salted hashes are kept).");
        group.MapPost("/suppressions", AddSuppression).WithName("AddSuppression").WithSummary("Suppresses an email address, a phone number or a whole domain.");
        group.MapDelete("/suppressions/domains/{domain}", LiftDomain).WithName("LiftDomainSuppression").WithSummary("Lifts a domain suppression (people stay suppressed for good).");
        group.MapGet("/tasks", ListTasks).WithName("ListRepTasks").WithSummary("A rep task queue (linkedin, calls, follow-ups): tasks spread over days within each action's daily limit.");
        group.MapPost("/tasks/{queue}/{taskId}/{outcome}", CloseTask).WithName("CloseRepTask").WithSummary("Marks a task done or skipped; a sequence step's task moves that contact's sequence on.");
        return routes;
    }

    public static async Task<Ok<IReadOnlyList<MailboxSnapshot>>> ListMailboxes(string workspaceId, IClusterClient cluster)
        => TypedResults.Ok(await cluster.GetGrain<IOutreachDirectoryGrain>(0).Mailboxes(workspaceId));

    public static async Task<Results<Ok<MailboxSnapshot>, NotFound>> GetMailbox(string workspaceId, string address, IClusterClient cluster)
        => await Find(cluster, workspaceId, address) is { } mailbox ? TypedResults.Ok(mailbox) : TypedResults.NotFound();

    public static async Task<Results<Ok<MailboxSnapshot>, NotFound, ValidationProblem>> TransitionMailbox(string workspaceId, string address, MailboxTransitionRequest request, ClaimsPrincipal user, IClusterClient cluster)
    {
        var triggerOk = Enum.TryParse<MailboxTrigger>(request.Trigger, true, out var trigger) && Enum.IsDefined(trigger);
        var validation = new Validation()
            .Require(triggerOk, "trigger", "must be Pause or Resume")
            .Require(request.Reason is null || request.Reason.Length <= 2000, "reason", "must be at most 2000 characters");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.ToDictionary());
        }

        if (await Find(cluster, workspaceId, address) is not { } mailbox)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await cluster.GetGrain<IMailboxGrain>(WorkspaceKey.For(workspaceId, mailbox.Address)).Transition(trigger, Caller.Context(user, null, request.Reason)));
    }

    public static async Task<Results<Ok<IReadOnlyList<OutboxMessage>>, NotFound, ValidationProblem>> ListOutbox(string workspaceId, string address, IClusterClient cluster, int limit = 50)
    {
        if (limit is < 1 or > 500)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = ["must be between 1 and 500"] });
        }

        if (await Find(cluster, workspaceId, address) is not { } mailbox)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await cluster.GetGrain<IMailboxGrain>(WorkspaceKey.For(workspaceId, mailbox.Address)).ListOutbox(limit));
    }

    public static async Task<Results<Ok<InboundResult>, ValidationProblem>> ReceiveInbound(string workspaceId, HttpRequest request, IClusterClient cluster)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        var raw = buffer.ToArray();
        var validation = new Validation()
            .Require(raw.Length > 0, "body", "must be a raw email message (RFC 5322)")
            .Require(raw.Length <= MaxInboundBytes, "body", $"must be at most {MaxInboundBytes} bytes");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.ToDictionary());
        }

        var key = "api:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(raw))[..32];
        return TypedResults.Ok(await cluster.GetGrain<IInboundMailGrain>(0).Receive(workspaceId, "api", key, raw));
    }

    public static async Task<Ok<SuppressionList>> ListSuppressions(string workspaceId, IClusterClient cluster)
        => TypedResults.Ok(await cluster.GetGrain<IWorkspaceGrain>(workspaceId).ListSuppressions());

    public static async Task<Results<NoContent, ValidationProblem>> AddSuppression(string workspaceId, SuppressionRequest request, ClaimsPrincipal user, IClusterClient cluster)
    {
        var given = new[] { request.Email, request.Phone, request.Domain }.Count(v => !string.IsNullOrWhiteSpace(v));
        var validation = new Validation()
            .Require(given == 1, "email", "give exactly one of email, phone or domain")
            .Require(request.Email is null || Domain.Identity.ContactIdentity.TryFromEmail(request.Email, out _, out _), "email", "must be an email address")
            .Require(request.Reason is null || request.Reason.Length <= 500, "reason", "must be at most 500 characters");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.ToDictionary());
        }

        var workspace = cluster.GetGrain<IWorkspaceGrain>(workspaceId);
        var reason = request.Reason ?? "added by hand";
        var actor = Caller.Context(user, null).Actor;
        if (request.Domain is { } domain)
        {
            await workspace.SuppressDomain(domain, reason, actor);
        }
        else if (request.Email is { } email)
        {
            Domain.Identity.ContactIdentity.TryFromEmail(email, out var identity, out _);
            await workspace.Suppress(identity.Email!, reason);
            await workspace.Suppress(identity.Key, reason);
        }
        else
        {
            await workspace.Suppress(request.Phone!.Trim(), reason);
        }

        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, NotFound>> LiftDomain(string workspaceId, string domain, IClusterClient cluster)
        => await cluster.GetGrain<IWorkspaceGrain>(workspaceId).LiftDomain(domain) ? TypedResults.NoContent() : TypedResults.NotFound();

    public static async Task<Results<Ok<IReadOnlyList<RepTask>>, ValidationProblem>> ListTasks(
        string workspaceId, IClusterClient cluster, string queue = "linkedin", string? status = "open", DateOnly? dueBy = null, int limit = 100)
    {
        var validation = new Validation()
            .Require(queue is "linkedin" or "calls" or "follow-ups", "queue", "must be linkedin, calls or follow-ups")
            .Require(status is null or "open" or "done" or "skipped" or "expired", "status", "must be open, done, skipped or expired")
            .Require(limit is >= 1 and <= 500, "limit", "must be between 1 and 500");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.ToDictionary());
        }

        return TypedResults.Ok(await cluster.GetGrain<IRepTaskQueueGrain>(WorkspaceKey.For(workspaceId, queue)).List(status, dueBy, limit));
    }

    public static async Task<Results<Ok<RepTask>, ValidationProblem>> CloseTask(string workspaceId, string queue, string taskId, string outcome, CloseTaskRequest? request, ClaimsPrincipal user, IClusterClient cluster)
    {
        var normalized = outcome.ToLowerInvariant() switch { "done" => "done", "skip" or "skipped" => "skipped", _ => null };
        var validation = new Validation()
            .Require(queue is "linkedin" or "calls" or "follow-ups", "queue", "must be linkedin, calls or follow-ups")
            .Require(normalized is not null, "outcome", "must be done or skip")
            .Require(request?.Note is null || request.Note.Length <= 2000, "note", "must be at most 2000 characters");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.ToDictionary());
        }

        return TypedResults.Ok(await cluster.GetGrain<IRepTaskQueueGrain>(WorkspaceKey.For(workspaceId, queue)).Close(taskId, normalized!, request?.Note, Caller.Context(user, null)));
    }

    private static async Task<MailboxSnapshot?> Find(IClusterClient cluster, string workspaceId, string address)
    {
        var wanted = Uri.UnescapeDataString(address);
        return (await cluster.GetGrain<IOutreachDirectoryGrain>(0).Mailboxes(workspaceId)).FirstOrDefault(m => string.Equals(m.Address, wanted, StringComparison.OrdinalIgnoreCase));
    }
}

public sealed record MailboxTransitionRequest(string? Trigger, string? Reason = null);

public sealed record SuppressionRequest(string? Email = null, string? Phone = null, string? Domain = null, string? Reason = null);

public sealed record CloseTaskRequest(string? Note = null);
