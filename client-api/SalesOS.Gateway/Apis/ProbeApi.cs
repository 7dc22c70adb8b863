using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using SalesOS.Contracts.Diagnostics;
using SalesOS.Gateway.Infrastructure;

namespace SalesOS.Gateway.Apis;

/// <summary>The plumbing probe: write, read and schedule a reminder on one persisted grain.</summary>
public static class ProbeApi
{
    public const int MaxValueLength = 4000;
    public static readonly TimeSpan MaxReminderDelay = TimeSpan.FromDays(7);

    public static RouteGroupBuilder MapProbeApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/probes").WithTags("Probes");
        group.MapGet("/{id}", GetProbe).WithName("GetProbe").WithSummary("Reads a probe grain's persisted state.");
        group.MapPut("/{id}", WriteProbe).WithName("WriteProbe").WithSummary("Stores a value in a probe grain (persisted before the answer).");
        group.MapGet("/{id}/audit", GetAudit).WithName("GetProbeAudit").WithSummary("What the probe's event read model has applied: distinct events and dropped repeats.");
        group.MapPost("/{id}/reminder", ScheduleReminder).WithName("ScheduleProbeReminder").WithSummary("Registers a durable one-shot reminder on a probe grain.");
        return group;
    }

    public static async Task<Results<Ok<ProbeSnapshot>, ValidationProblem>> GetProbe(string id, IClusterClient cluster)
    {
        var validation = new Validation().RequireId(id, "id");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.ToDictionary());
        }

        return TypedResults.Ok(await cluster.GetGrain<IProbeGrain>(id).Get());
    }

    public static async Task<Results<Ok<ProbeAuditStats>, ValidationProblem>> GetAudit(string id, IClusterClient cluster)
    {
        var validation = new Validation().RequireId(id, "id");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.ToDictionary());
        }

        return TypedResults.Ok(await cluster.GetGrain<IProbeAuditGrain>(id).GetStats());
    }

    public static async Task<Results<Ok<ProbeSnapshot>, ValidationProblem>> WriteProbe(
        string id,
        ProbeWriteRequest request,
        [FromHeader(Name = IdempotencyKey.HeaderName)] string? idempotencyKey,
        IClusterClient cluster)
    {
        var validation = new Validation()
            .RequireId(id, "id")
            .RequireIdempotencyKey(idempotencyKey)
            .Require(request.Value is not null, "value", "is required")
            .Require(request.Value is null || request.Value.Length <= MaxValueLength, "value", $"must be at most {MaxValueLength} characters");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.ToDictionary());
        }

        return TypedResults.Ok(await cluster.GetGrain<IProbeGrain>(id).Write(request.Value!, idempotencyKey));
    }

    public static async Task<Results<Ok<ProbeSnapshot>, ValidationProblem>> ScheduleReminder(string id, ProbeReminderRequest request, IClusterClient cluster)
    {
        var validation = new Validation()
            .RequireId(id, "id")
            .Require(request.DueInSeconds is > 0, "dueInSeconds", "is required and must be greater than 0")
            .Require(request.DueInSeconds is null || request.DueInSeconds <= MaxReminderDelay.TotalSeconds, "dueInSeconds", $"must be at most {MaxReminderDelay.TotalSeconds} (7 days)");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.ToDictionary());
        }

        return TypedResults.Ok(await cluster.GetGrain<IProbeGrain>(id).ScheduleReminder(TimeSpan.FromSeconds(request.DueInSeconds!.Value)));
    }
}

public sealed record ProbeWriteRequest(string? Value);

public sealed record ProbeReminderRequest(double? DueInSeconds);
