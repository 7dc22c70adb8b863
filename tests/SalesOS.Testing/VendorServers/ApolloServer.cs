using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SalesOS.Testing.VendorServers;

public sealed record ApolloOrganization(
    string Domain,
    string Name,
    string? Industry = null,
    int? Employees = null,
    decimal? AnnualRevenue = null,
    string? Country = null,
    string? City = null,
    int? FoundedYear = null,
    IReadOnlyList<string>? Technologies = null,
    string? LinkedInUrl = null,
    string? Phone = null,
    IReadOnlyList<string>? Keywords = null,
    bool IsAccount = false);

public sealed record ApolloPerson(
    string Domain,
    string FirstName,
    string LastName,
    string Title,
    string? Seniority = null,
    string? Email = null,
    string? LinkedInUrl = null,
    string? Phone = null);

/// <summary>
/// Apollo's search and enrichment API as docs.apollo.io describes it: X-Api-Key header, JSON bodies,
/// page/per_page pagination with a pagination object. Unknown domains enrich to an empty object (assumed),
/// quota exhaustion is a 422 "insufficient credits" (assumed; Apollo does not document the body).
/// </summary>
public sealed class ApolloServer : VendorServer
{
    private readonly IReadOnlyList<ApolloOrganization> organizations;
    private readonly IReadOnlyList<ApolloPerson> people;

    private ApolloServer(string apiKey, IReadOnlyList<ApolloOrganization> organizations, IReadOnlyList<ApolloPerson> people)
        : base(apiKey)
    {
        this.organizations = organizations;
        this.people = people;
    }

    public static async Task<ApolloServer> StartAsync(string apiKey, IEnumerable<ApolloOrganization> organizations, IEnumerable<ApolloPerson>? people = null)
    {
        var server = new ApolloServer(apiKey, [.. organizations], [.. people ?? []]);
        await server.StartAsync();
        return server;
    }

    public static string TechnologyUid(string name) => name.ToLowerInvariant().Replace(' ', '_').Replace('-', '_').Replace('.', '_');

    protected override bool IsAuthorized(HttpRequest request) =>
        string.Equals(request.Headers["X-Api-Key"].ToString(), ApiKey, StringComparison.Ordinal);

    protected override JsonObject ErrorBody(int status, string id, string message) => new() { ["error"] = message, ["error_code"] = id };

    protected override (int Status, JsonObject Body) QuotaExhaustedAnswer() =>
        (422, new JsonObject { ["error"] = "You have insufficient credits to perform this request. Please purchase more credits." });

    protected override void MapRoutes(WebApplication app)
    {
        app.MapPost("/api/v1/mixed_companies/search", (HttpContext context) => SearchCompanies(JsonNode.Parse(BodyOf(context))?.AsObject() ?? []));
        app.MapGet("/api/v1/organizations/enrich", (string? domain) =>
        {
            var org = organizations.FirstOrDefault(o => string.Equals(o.Domain, domain, StringComparison.OrdinalIgnoreCase));
            return JsonAnswer(org is null ? new JsonObject() : new JsonObject { ["organization"] = Organization(org, enrich: true) });
        });
        app.MapPost("/api/v1/mixed_people/search", (HttpContext context) => SearchPeople(JsonNode.Parse(BodyOf(context))?.AsObject() ?? []));
        app.MapPost("/api/v1/mixed_people/api_search", (HttpContext context) => SearchPeople(JsonNode.Parse(BodyOf(context))?.AsObject() ?? []));
    }

    private IResult SearchCompanies(JsonObject body)
    {
        var ranges = Strings(body, "organization_num_employees_ranges").Select(ParseRange).ToList();
        var locations = Strings(body, "organization_locations");
        var tags = Strings(body, "q_organization_keyword_tags");
        var technologies = Strings(body, "currently_using_any_of_technology_uids");
        var matching = organizations.Where(o =>
            (ranges.Count == 0 || ranges.Any(r => o.Employees >= r.Min && o.Employees <= r.Max))
            && (locations.Count == 0 || locations.Any(l => Contains(o.Country, l) || Contains(o.City, l) || Contains(l, o.Country)))
            && (tags.Count == 0 || tags.Any(t => Contains(o.Industry, t) || (o.Keywords ?? []).Any(k => Contains(k, t))))
            && (technologies.Count == 0 || (o.Technologies ?? []).Any(t => technologies.Contains(TechnologyUid(t), StringComparer.Ordinal))))
            .ToList();

        var (page, perPage, slice) = Page(body, matching);
        return JsonAnswer(new JsonObject
        {
            ["breadcrumbs"] = new JsonArray(),
            ["accounts"] = new JsonArray([.. slice.Where(o => o.IsAccount).Select(o => (JsonNode)Organization(o, enrich: false))]),
            ["organizations"] = new JsonArray([.. slice.Where(o => !o.IsAccount).Select(o => (JsonNode)Organization(o, enrich: false))]),
            ["pagination"] = Pagination(page, perPage, matching.Count),
        });
    }

    private IResult SearchPeople(JsonObject body)
    {
        var domains = Strings(body, "q_organization_domains_list");
        var titles = Strings(body, "person_titles");
        var seniorities = Strings(body, "person_seniorities");
        var matching = people.Where(p =>
            (domains.Count == 0 || domains.Contains(p.Domain, StringComparer.OrdinalIgnoreCase))
            && (titles.Count == 0 || titles.Any(t => Contains(p.Title, t)))
            && (seniorities.Count == 0 || seniorities.Contains(p.Seniority ?? "", StringComparer.OrdinalIgnoreCase)))
            .ToList();
        var (page, perPage, slice) = Page(body, matching);
        return JsonAnswer(new JsonObject
        {
            ["people"] = new JsonArray([.. slice.Select(p => (JsonNode)new JsonObject
            {
                ["id"] = Guid.NewGuid().ToString("N"),
                ["first_name"] = p.FirstName,
                ["last_name"] = p.LastName,
                ["name"] = p.FirstName + " " + p.LastName,
                ["title"] = p.Title,
                ["seniority"] = p.Seniority,
                ["email"] = p.Email ?? "email_not_unlocked@domain.com",
                ["linkedin_url"] = p.LinkedInUrl,
                ["phone_numbers"] = p.Phone is null ? new JsonArray() : new JsonArray(new JsonObject { ["raw_number"] = p.Phone, ["sanitized_number"] = p.Phone }),
                ["organization"] = new JsonObject { ["primary_domain"] = p.Domain },
            })]),
            ["pagination"] = Pagination(page, perPage, matching.Count),
        });
    }

    private static JsonObject Organization(ApolloOrganization o, bool enrich)
    {
        var json = new JsonObject
        {
            ["id"] = o.Domain.Replace('.', '_'),
            ["name"] = o.Name,
            ["website_url"] = "http://www." + o.Domain,
            ["primary_domain"] = o.Domain,
            ["industry"] = o.Industry,
            ["estimated_num_employees"] = o.Employees,
            ["annual_revenue"] = o.AnnualRevenue,
            ["country"] = o.Country,
            ["city"] = o.City,
            ["founded_year"] = o.FoundedYear,
            ["linkedin_url"] = o.LinkedInUrl,
            ["current_technologies"] = new JsonArray([.. (o.Technologies ?? []).Select(t => (JsonNode)new JsonObject { ["uid"] = TechnologyUid(t), ["name"] = t, ["category"] = "Other" })]),
        };
        if (enrich)
        {
            json["technology_names"] = new JsonArray([.. (o.Technologies ?? []).Select(t => (JsonNode)JsonValue.Create(t))]);
            json["primary_phone"] = o.Phone is null ? null : new JsonObject { ["number"] = o.Phone, ["sanitized_number"] = o.Phone };
        }

        return json;
    }

    private static (int Page, int PerPage, List<T> Slice) Page<T>(JsonObject body, List<T> all)
    {
        var page = Math.Max(1, body["page"]?.GetValue<int>() ?? 1);
        var perPage = Math.Clamp(body["per_page"]?.GetValue<int>() ?? 10, 1, 100);
        return (page, perPage, all.Skip((page - 1) * perPage).Take(perPage).ToList());
    }

    private static JsonObject Pagination(int page, int perPage, int total) => new()
    {
        ["page"] = page,
        ["per_page"] = perPage,
        ["total_entries"] = total,
        ["total_pages"] = (total + perPage - 1) / perPage,
    };

    private static List<string> Strings(JsonObject body, string name) =>
        body[name] is JsonArray array ? [.. array.Select(n => n?.GetValue<string>()).OfType<string>()] : [];

    private static (int Min, int Max) ParseRange(string range)
    {
        var parts = range.Split(',');
        return (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture),
            parts.Length > 1 && parts[1].Length > 0 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : int.MaxValue);
    }

    private static bool Contains(string? haystack, string? needle) =>
        haystack is not null && needle is not null && haystack.Contains(needle, StringComparison.OrdinalIgnoreCase);
}
