using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SalesOS.Testing.VendorServers;

public sealed record HunterEmail(
    string Domain,
    string Value,
    string? FirstName,
    string? LastName,
    string? Position = null,
    string? Seniority = null,
    string? Department = null,
    int Confidence = 90,
    string? LinkedIn = null,
    string? PhoneNumber = null,
    string? SourceUri = null)
{
    public bool IsPersonal => FirstName is not null && LastName is not null;
}

/// <summary>A verification the server will give; <paramref name="PendingCalls"/> first calls answer 202 (still running).</summary>
public sealed record HunterVerification(string Email, string Status, string Result, int Score, int PendingCalls = 0);

/// <summary>
/// Hunter's v2 API as hunter.io/api/v2/docs describes it: key as ?api_key= or X-API-KEY, answers under
/// "data" and "meta", errors as {"errors":[{"id","code","details"}]}, limit/offset pagination, 202 while a
/// verification runs, 429 when the monthly usage is spent.
/// </summary>
public sealed class HunterServer : VendorServer
{
    private readonly IReadOnlyList<HunterEmail> emails;
    private readonly Dictionary<string, HunterVerification> verifications;
    private readonly Dictionary<string, int> verifierCalls = new(StringComparer.OrdinalIgnoreCase);

    private HunterServer(string apiKey, IReadOnlyList<HunterEmail> emails, IEnumerable<HunterVerification> verifications)
        : base(apiKey)
    {
        this.emails = emails;
        this.verifications = verifications.ToDictionary(v => v.Email, StringComparer.OrdinalIgnoreCase);
    }

    public static async Task<HunterServer> StartAsync(string apiKey, IEnumerable<HunterEmail> emails, IEnumerable<HunterVerification>? verifications = null)
    {
        var server = new HunterServer(apiKey, [.. emails], verifications ?? []);
        await server.StartAsync();
        return server;
    }

    protected override bool IsAuthorized(HttpRequest request)
    {
        var key = request.Query["api_key"].ToString();
        if (key.Length == 0)
        {
            key = request.Headers["X-API-KEY"].ToString();
        }

        return string.Equals(key, ApiKey, StringComparison.Ordinal);
    }

    protected override JsonObject ErrorBody(int status, string id, string message) =>
        new() { ["errors"] = new JsonArray(new JsonObject { ["id"] = id, ["code"] = status, ["details"] = message }) };

    protected override (int Status, JsonObject Body) QuotaExhaustedAnswer() =>
        (429, ErrorBody(429, "too_many_requests", "You have reached your usage limit for this month."));

    /// <summary>Hunter's rate-limit answer: 403 (not 429, which means the monthly usage is spent).</summary>
    public static VendorFault RateLimited { get; } = VendorFault.WithStatus(403);

    protected override void MapRoutes(WebApplication app)
    {
        app.MapGet("/v2/domain-search", (HttpRequest request) => DomainSearch(request));
        app.MapGet("/v2/email-verifier", (string? email) => Verify(email ?? ""));
        app.MapGet("/v2/email-finder", (string? domain, string? first_name, string? last_name) => Find(domain, first_name, last_name));
    }

    private IResult DomainSearch(HttpRequest request)
    {
        var domain = request.Query["domain"].ToString();
        if (domain.Length == 0)
        {
            return JsonAnswer(ErrorBody(400, "wrong_params", "You are missing the domain parameter"), 400);
        }

        var limit = Math.Clamp(QueryInt(request, "limit", 10), 1, 100);
        var offset = Math.Max(0, QueryInt(request, "offset", 0));
        var type = request.Query["type"].ToString();
        var seniority = Set(request.Query["seniority"].ToString());
        var department = Set(request.Query["department"].ToString());
        var matching = emails.Where(e =>
            string.Equals(e.Domain, domain, StringComparison.OrdinalIgnoreCase)
            && (type.Length == 0 || (type == "personal") == e.IsPersonal)
            && (seniority.Count == 0 || (e.Seniority is not null && seniority.Contains(e.Seniority)))
            && (department.Count == 0 || (e.Department is not null && department.Contains(e.Department))))
            .ToList();
        var slice = matching.Skip(offset).Take(limit);
        return JsonAnswer(new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["domain"] = domain,
                ["pattern"] = "{first}.{last}",
                ["organization"] = domain.Split('.')[0],
                ["emails"] = new JsonArray([.. slice.Select(e => (JsonNode)new JsonObject
                {
                    ["value"] = e.Value,
                    ["type"] = e.IsPersonal ? "personal" : "generic",
                    ["confidence"] = e.Confidence,
                    ["sources"] = e.SourceUri is null ? new JsonArray() : new JsonArray(new JsonObject { ["domain"] = domain, ["uri"] = e.SourceUri, ["still_on_page"] = true }),
                    ["first_name"] = e.FirstName,
                    ["last_name"] = e.LastName,
                    ["position"] = e.Position,
                    ["seniority"] = e.Seniority,
                    ["department"] = e.Department,
                    ["linkedin"] = e.LinkedIn,
                    ["phone_number"] = e.PhoneNumber,
                    ["verification"] = new JsonObject { ["status"] = "valid" },
                })]),
            },
            ["meta"] = new JsonObject
            {
                ["results"] = matching.Count,
                ["limit"] = limit,
                ["offset"] = offset,
                ["params"] = new JsonObject { ["domain"] = domain, ["type"] = type.Length == 0 ? null : type },
            },
        });
    }

    private IResult Verify(string email)
    {
        if (!verifications.TryGetValue(email, out var verification))
        {
            verification = new HunterVerification(email, "unknown", "risky", 0);
        }

        int calls;
        lock (verifierCalls)
        {
            calls = verifierCalls[email] = verifierCalls.GetValueOrDefault(email) + 1;
        }

        if (calls <= verification.PendingCalls)
        {
            return JsonAnswer(new JsonObject { ["data"] = new JsonObject { ["email"] = email, ["status"] = null } }, 202);
        }

        return JsonAnswer(new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["status"] = verification.Status,
                ["result"] = verification.Result,
                ["score"] = verification.Score,
                ["email"] = email,
                ["regexp"] = true,
                ["gibberish"] = false,
                ["disposable"] = verification.Status == "disposable",
                ["webmail"] = verification.Status == "webmail",
                ["mx_records"] = true,
                ["smtp_server"] = true,
                ["smtp_check"] = verification.Status == "valid",
                ["accept_all"] = verification.Status == "accept_all",
                ["block"] = false,
                ["sources"] = new JsonArray(),
            },
            ["meta"] = new JsonObject { ["params"] = new JsonObject { ["email"] = email } },
        });
    }

    private IResult Find(string? domain, string? firstName, string? lastName)
    {
        if (string.IsNullOrEmpty(domain) || string.IsNullOrEmpty(firstName) || string.IsNullOrEmpty(lastName))
        {
            return JsonAnswer(ErrorBody(400, "wrong_params", "You are missing the domain, first_name or last_name parameter"), 400);
        }

        var match = emails.FirstOrDefault(e =>
            string.Equals(e.Domain, domain, StringComparison.OrdinalIgnoreCase)
            && string.Equals(e.FirstName, firstName, StringComparison.OrdinalIgnoreCase)
            && string.Equals(e.LastName, lastName, StringComparison.OrdinalIgnoreCase));
        return JsonAnswer(new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["first_name"] = firstName,
                ["last_name"] = lastName,
                ["email"] = match?.Value,
                ["score"] = match?.Confidence,
                ["domain"] = domain,
                ["position"] = match?.Position,
                ["linkedin_url"] = match?.LinkedIn,
                ["phone_number"] = match?.PhoneNumber,
                ["sources"] = match?.SourceUri is null ? new JsonArray() : new JsonArray(new JsonObject { ["uri"] = match.SourceUri }),
            },
            ["meta"] = new JsonObject { ["params"] = new JsonObject { ["domain"] = domain, ["first_name"] = firstName, ["last_name"] = lastName } },
        });
    }

    private static HashSet<string> Set(string commaSeparated) =>
        new(commaSeparated.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase);
}
