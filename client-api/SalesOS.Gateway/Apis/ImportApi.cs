using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using SalesOS.Contracts.Errors;
using SalesOS.Domain.Identity;
using SalesOS.Gateway.Infrastructure;
using SalesOS.Gateway.Security;

namespace SalesOS.Gateway.Apis;

/// <summary>
/// Bulk import of companies and contacts as a JSON array. Each row is registered on its own (valid
/// rows are accepted even when others are refused) and gets its own outcome. With an
/// Idempotency-Key, row i is sent as "key:i", so a retried import changes nothing twice.
/// </summary>
public static class ImportApi
{
    public const int MaxRows = 1000;
    private const int Parallelism = 16;

    public static IEndpointRouteBuilder MapImportApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/workspaces/{workspaceId}").WithTags("Import").RequireAuthorization(Policies.WorkspaceMember);
        group.MapPost("/companies/import", ImportCompanies).WithName("ImportCompanies").WithSummary($"Registers up to {MaxRows} companies; one outcome per row.");
        group.MapPost("/contacts/import", ImportContacts).WithName("ImportContacts").WithSummary($"Registers up to {MaxRows} contacts; one outcome per row.");
        return routes;
    }

    public static Task<Results<Ok<ImportReport>, ValidationProblem>> ImportCompanies(
        string workspaceId, RegisterCompanyRequest[] rows, [FromHeader(Name = IdempotencyKey.HeaderName)] string? idempotencyKey, ClaimsPrincipal user, IClusterClient cluster)
        => ImportAsync(rows, idempotencyKey, row => CompanyDomain.TryNormalize(row?.Domain, out var domain, out _) ? domain : row?.Domain,
            async (row, key) => Outcome(await CompanyApi.RegisterCompany(workspaceId, row, key, user, cluster)));

    public static Task<Results<Ok<ImportReport>, ValidationProblem>> ImportContacts(
        string workspaceId, RegisterContactRequest[] rows, [FromHeader(Name = IdempotencyKey.HeaderName)] string? idempotencyKey, ClaimsPrincipal user, IClusterClient cluster)
        => ImportAsync(rows, idempotencyKey, row => ContactIdentity.TryFromEmail(row?.Email, out var byEmail, out _) ? byEmail.Key
                : ContactIdentity.TryFromLinkedIn(row?.LinkedInUrl, out var byProfile, out _) ? byProfile.Key : null,
            async (row, key) => Outcome(await ContactApi.RegisterContact(workspaceId, row, key, user, cluster)));

    private static async Task<Results<Ok<ImportReport>, ValidationProblem>> ImportAsync<TRow>(TRow[] rows, string? idempotencyKey, Func<TRow, string?> identity, Func<TRow, string?, Task<RowOutcome>> register)
    {
        var validation = new Validation()
            .Require(rows.Length is > 0 and <= MaxRows, "rows", $"send 1 to {MaxRows} rows per import")
            .Require(rows.All(r => r is not null), "rows", "rows must be objects, not null")
            .Require(idempotencyKey is null || IdempotencyKey.IsValid(idempotencyKey + ":" + MaxRows), IdempotencyKey.HeaderName, "must be 1 to 120 characters of letters, digits, '-', '_', '.' or ':'");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.ToDictionary());
        }

        // Rows of one entity go in row order (the first creates, later ones merge); different entities in parallel.
        var outcomes = new RowOutcome[rows.Length];
        var groups = Enumerable.Range(0, rows.Length).GroupBy(i => identity(rows[i]) ?? $"row:{i}").Select(g => g.ToArray());
        await Parallel.ForEachAsync(groups, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (group, _) =>
        {
            foreach (var i in group)
            {
                try
                {
                    outcomes[i] = (await register(rows[i], idempotencyKey is null ? null : $"{idempotencyKey}:{i}")) with { Row = i };
                }
                catch (CommandRejectedException e)
                {
                    outcomes[i] = new RowOutcome(i, "rejected", null, new Dictionary<string, string[]> { [e.Field] = [e.Message] });
                }
            }
        });

        return TypedResults.Ok(new ImportReport(
            rows.Length,
            outcomes.Count(o => o.Status == "created"),
            outcomes.Count(o => o.Status == "merged"),
            outcomes.Count(o => o.Status == "rejected"),
            outcomes));
    }

    private static RowOutcome Outcome<TSnapshot>(Results<Created<TSnapshot>, Ok<TSnapshot>, ValidationProblem> result) => result.Result switch
    {
        Created<TSnapshot> created => new RowOutcome(0, "created", created.Location, null),
        Ok<TSnapshot> => new RowOutcome(0, "merged", null, null),
        ValidationProblem problem => new RowOutcome(0, "rejected", null, problem.ProblemDetails.Errors),
        _ => throw new InvalidOperationException("Unexpected registration result."),
    };
}

/// <summary>What an import did: counts, and one outcome per row in the order sent.</summary>
public sealed record ImportReport(int Rows, int Created, int Merged, int Rejected, IReadOnlyList<RowOutcome> Outcomes);

/// <summary>"created" (with its location), "merged" into an existing entity, or "rejected" with each field and why.</summary>
public sealed record RowOutcome(int Row, string Status, string? Location, IDictionary<string, string[]>? Errors);
