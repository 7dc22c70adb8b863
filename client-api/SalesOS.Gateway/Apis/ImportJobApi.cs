using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Orleans.Concurrency;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Markets;
using SalesOS.Contracts.Prospecting;
using SalesOS.Gateway.Infrastructure;
using SalesOS.Gateway.Security;

namespace SalesOS.Gateway.Apis;

/// <summary>
/// Lead-list imports as background jobs: upload a CSV (HubSpot, Salesforce, Apollo, Sales Navigator
/// or any export) or JSON file, get 202 and a job to watch: rows read, accepted, duplicates, and
/// rejections with row number, field and reason.
/// </summary>
public static class ImportJobApi
{
    public const long MaxFileBytes = 64L * 1024 * 1024;

    public static IEndpointRouteBuilder MapImportJobApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/workspaces/{workspaceId}/imports").WithTags("Import").RequireAuthorization(Policies.WorkspaceMember);
        group.MapPost("", StartImport).WithName("StartImport")
            .WithSummary("Uploads a lead list (body: the file as text/csv, application/json or application/x-ndjson, or multipart/form-data with a 'file' part) and starts importing it; ?marketId= links the companies to a market.")
            .DisableAntiforgery();
        group.MapGet("/{jobId}", GetImport).WithName("GetImport").WithSummary("An import job's progress and rejected rows.");
        return routes;
    }

    public static async Task<Results<Accepted<ImportJobStatus>, ValidationProblem, NotFound<string>>> StartImport(
        string workspaceId, HttpRequest http, ClaimsPrincipal user, IClusterClient cluster,
        string? marketId = null, string? source = null, string? format = null, string? jobId = null, string? owner = null)
    {
        var validation = new Validation()
            .Require(marketId is null || Validation.IsId(marketId), "marketId", "must be a market id")
            .Require(source is null || Validation.IsId(source), "source", "must be 1 to 64 letters, digits, '-' or '_'")
            .Require(jobId is null || Validation.IsId(jobId), "jobId", "must be 1 to 64 letters, digits, '-' or '_'")
            .Require(format is null or "csv" or "json" or "ndjson", "format", "must be csv, json or ndjson (or left out to detect it)")
            .Require(owner is null || owner.Length <= 200, "owner", "must be at most 200 characters");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.ToDictionary());
        }

        var (content, fileName) = await ReadFileAsync(http);
        if (content is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [fileName] });
        }

        if (marketId is not null && await cluster.GetGrain<IMarketGrain>(WorkspaceKey.For(workspaceId, marketId)).Get() is null)
        {
            return TypedResults.NotFound($"No market '{marketId}' in this workspace.");
        }

        var id = jobId ?? $"import-{DateTimeOffset.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid().ToString("N")[..8]}";
        var request = new ImportJobRequest(fileName, format, source ?? "file", marketId, owner, Caller.Actor(user));
        var status = await cluster.GetGrain<IImportJobGrain>(WorkspaceKey.For(workspaceId, id)).Start(request, new Immutable<byte[]>(content));
        return TypedResults.Accepted($"/api/workspaces/{workspaceId}/imports/{status.JobId}", status);
    }

    public static async Task<Results<Ok<ImportJobStatus>, NotFound>> GetImport(string workspaceId, string jobId, IClusterClient cluster)
        => Validation.IsId(jobId) && await cluster.GetGrain<IImportJobGrain>(WorkspaceKey.For(workspaceId, jobId)).GetStatus() is { } status
            ? TypedResults.Ok(status)
            : TypedResults.NotFound();

    private static async Task<(byte[]? Content, string FileNameOrError)> ReadFileAsync(HttpRequest http)
    {
        if (http.HasFormContentType)
        {
            var form = await http.ReadFormAsync();
            var file = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null);
            if (file is null || file.Length == 0)
            {
                return (null, "send the lead list as a non-empty 'file' part");
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer);
            return (buffer.ToArray(), Path.GetFileName(file.FileName));
        }

        using var body = new MemoryStream();
        await http.Body.CopyToAsync(body);
        if (body.Length == 0)
        {
            return (null, "the request body is empty: send the lead list file as the body");
        }

        var name = http.Headers.ContentDisposition.ToString() is { Length: > 0 } disposition
            && System.Net.Http.Headers.ContentDispositionHeaderValue.TryParse(disposition, out var parsed) && parsed.FileName is { } given
                ? Path.GetFileName(given.Trim('"'))
                : "upload";
        return (body.ToArray(), name);
    }
}
