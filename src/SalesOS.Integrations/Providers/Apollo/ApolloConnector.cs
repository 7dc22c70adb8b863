using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesOS.Contracts.Markets;
using SalesOS.Prospecting.Ports;
using SalesOS.Prospecting.Scoring;

namespace SalesOS.Integrations.Providers.Apollo;

/// <summary>
/// Apollo.io: company search (a lead source), organization enrichment and people search.
/// Field names follow docs.apollo.io; where the docs were silent the assumption is noted beside the code.
/// </summary>
public sealed class ApolloConnector(IHttpClientFactory clients, IOptionsMonitor<ApolloOptions> options, ILogger<ApolloConnector> logger)
    : JsonApiConnector<ApolloOptions>(ProviderName, clients, options, logger),
      ICompanySearchProvider, IFirmographicsProvider, IPeopleSearchProvider
{
    public const string ProviderName = "apollo";

    // Apollo caps per_page at 100 and pages at 500 (docs); the page cap guards against a looping server.
    private const int MaxPerPage = 100;
    private const int MaxPages = 500;

    protected override void PrepareRequest(HttpRequestMessage request, ApolloOptions options)
    {
        request.Headers.Add("X-Api-Key", options.ApiKey);
        request.Headers.CacheControl = new() { NoCache = true };
    }

    public async IAsyncEnumerable<SourcedCompany> SearchCompaniesAsync(
        MarketDefinition market, int limit, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(market);
        if (limit <= 0)
        {
            yield break;
        }

        var perPage = Math.Clamp(Options.PageSize, 1, MaxPerPage);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var yielded = 0;
        for (var page = 1; page <= MaxPages; page++)
        {
            var request = PostJson("api/v1/mixed_companies/search", (market, page, perPage), static (w, s) => WriteCompanySearch(w, s.market, s.page, s.perPage));
            var result = await SendAsync(request, 0, static (root, _) => ReadCompanyPage(root), cancellationToken).ConfigureAwait(false);
            if (result.Fault is { } fault)
            {
                throw ToException(fault);
            }

            if (result.Value is not { } companyPage)
            {
                yield break;
            }

            foreach (var company in companyPage.Companies)
            {
                if (seen.Add(company.Domain))
                {
                    yield return company;
                    if (++yielded >= limit)
                    {
                        yield break;
                    }
                }
            }

            if (companyPage.Companies.Count == 0 || page >= companyPage.TotalPages)
            {
                yield break;
            }
        }
    }

    public async Task<ProviderAnswer<Firmographics>> EnrichCompanyAsync(string domain, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        var request = Get("api/v1/organizations/enrich?domain=" + Escape(domain));
        var result = await SendAsync(request, 0, static (root, _) => Json.Child(root, "organization") is { } org ? ReadFirmographics(org) : null, cancellationToken)
            .ConfigureAwait(false);
        return ToAnswer(result);
    }

    public async Task<ProviderAnswer<IReadOnlyList<PersonCandidate>>> FindPeopleAsync(
        string domain, IReadOnlyList<BuyerPersona> personas, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        ArgumentNullException.ThrowIfNull(personas);
        var people = new List<PersonCandidate>();
        var cost = 0m;
        var perPage = Math.Clamp(Math.Min(limit, Options.PageSize), 1, MaxPerPage);
        for (var page = 1; page <= MaxPages && people.Count < limit; page++)
        {
            var request = PostJson(Options.PeopleSearchPath, (domain, personas, page, perPage), static (w, s) => WritePeopleSearch(w, s.domain, s.personas, s.page, s.perPage));
            var result = await SendAsync(request, limit - people.Count, static (root, room) => ReadPeoplePage(root, room), cancellationToken).ConfigureAwait(false);
            cost += result.Cost;
            if (result.Fault is { } fault)
            {
                // What earlier pages found is kept only if the failure is not ours to fix; the error still tells.
                return new(Name, people.Count > 0 ? people : null, cost, fault.Describe(), fault.Transient);
            }

            if (result.Value is not { } peoplePage)
            {
                break;
            }

            people.AddRange(peoplePage.People);
            if (peoplePage.People.Count == 0 || page >= peoplePage.TotalPages)
            {
                break;
            }
        }

        return new(Name, people, cost);
    }

    private static void WriteCompanySearch(Utf8JsonWriter writer, MarketDefinition market, int page, int perPage)
    {
        writer.WriteStartObject();
        writer.WriteNumber("page", page);
        writer.WriteNumber("per_page", perPage);
        if (market.Employees is { } employees)
        {
            // Apollo ranges are "min,max" strings such as "51,200"; an open top is given as a large max (assumed).
            writer.WriteStartArray("organization_num_employees_ranges");
            writer.WriteStringValue($"{employees.Min ?? 1},{employees.Max ?? 1_000_000}");
            writer.WriteEndArray();
        }

        if (market.Revenue is { } revenue)
        {
            writer.WriteStartObject("revenue_range");
            if (revenue.MinUsd is { } min)
            {
                writer.WriteNumber("min", min);
            }

            if (revenue.MaxUsd is { } max)
            {
                writer.WriteNumber("max", max);
            }

            writer.WriteEndObject();
        }

        if (market.Geographies.Count > 0)
        {
            // Apollo matches locations by name ("Germany"), not by the ISO codes and regions SalesOS keeps.
            Json.WriteStrings(writer, "organization_locations", market.Geographies.SelectMany(Regions.CountriesOf).Select(CountryName).Distinct().ToList());
        }

        if (market.Industries.Count > 0 || market.BusinessModels.Count > 0)
        {
            // Apollo's industry filter wants its own tag ids; keyword tags take plain words, so industries go there.
            Json.WriteStrings(writer, "q_organization_keyword_tags", market.Industries.Concat(market.BusinessModels));
        }

        if (market.Technologies.Count > 0)
        {
            writer.WriteStartArray("currently_using_any_of_technology_uids");
            foreach (var technology in market.Technologies)
            {
                writer.WriteStringValue(TechnologyUid(technology));
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static string CountryName(string code)
    {
        try
        {
            return new System.Globalization.RegionInfo(code).EnglishName;
        }
        catch (ArgumentException)
        {
            return code;
        }
    }

    /// <summary>Apollo technology uids are lowercase with underscores ("google_analytics"); assumed from examples.</summary>
    internal static string TechnologyUid(string technology) =>
        string.Create(technology.Length, technology, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is ' ' or '-' or '.' ? '_' : char.ToLowerInvariant(c);
            }
        });

    private static void WritePeopleSearch(Utf8JsonWriter writer, string domain, IReadOnlyList<BuyerPersona> personas, int page, int perPage)
    {
        writer.WriteStartObject();
        writer.WriteNumber("page", page);
        writer.WriteNumber("per_page", perPage);
        writer.WriteStartArray("q_organization_domains_list");
        writer.WriteStringValue(domain);
        writer.WriteEndArray();
        if (personas.Count > 0)
        {
            Json.WriteStrings(writer, "person_titles", personas.Select(p => p.Title).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase));
            var seniorities = personas.Select(p => p.Seniority).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (seniorities.Count > 0)
            {
                Json.WriteStrings(writer, "person_seniorities", seniorities.Select(s => s.ToLowerInvariant()));
            }
        }

        writer.WriteEndObject();
    }

    private sealed record CompanyPage(List<SourcedCompany> Companies, int TotalPages);

    private sealed record PeoplePage(List<PersonCandidate> People, int TotalPages);

    private static CompanyPage ReadCompanyPage(JsonElement root)
    {
        if (!Json.HasArray(root, "organizations") && !Json.HasArray(root, "accounts"))
        {
            throw new FormatException("neither organizations[] nor accounts[] in the search answer");
        }

        var companies = new List<SourcedCompany>();
        // accounts[] are companies already saved in the caller's Apollo workspace; same shape as organizations.
        foreach (var name in (ReadOnlySpan<string>)["accounts", "organizations"])
        {
            foreach (var org in Json.Items(root, name))
            {
                if (ReadCompany(org) is { } company)
                {
                    companies.Add(company);
                }
            }
        }

        return new(companies, TotalPages(root));
    }

    private static PeoplePage ReadPeoplePage(JsonElement root, int room)
    {
        if (!Json.HasArray(root, "people") && !Json.HasArray(root, "contacts"))
        {
            throw new FormatException("no people[] in the search answer");
        }

        var people = new List<PersonCandidate>();
        foreach (var name in (ReadOnlySpan<string>)["people", "contacts"])
        {
            foreach (var person in Json.Items(root, name))
            {
                if (people.Count >= room)
                {
                    break;
                }

                if (ReadPerson(person) is { } candidate)
                {
                    people.Add(candidate);
                }
            }
        }

        return new(people, TotalPages(root));
    }

    private static int TotalPages(JsonElement root) =>
        Json.Child(root, "pagination") is { } pagination ? Json.Integer(pagination, "total_pages") ?? 1 : 1;

    private static SourcedCompany? ReadCompany(JsonElement org)
    {
        var domain = Json.Text(org, "primary_domain") ?? Json.Text(org, "domain") ?? HostOf(Json.Text(org, "website_url"));
        if (domain is null)
        {
            return null;
        }

        return new SourcedCompany(
            domain.ToLowerInvariant(),
            Json.Text(org, "name"),
            Json.Text(org, "industry"),
            Json.Integer(org, "estimated_num_employees"),
            Json.Amount(org, "annual_revenue"),
            Json.Text(org, "country"),
            Technologies(org),
            Json.Text(org, "linkedin_url"),
            Json.Text(org, "city"));
    }

    private static Firmographics ReadFirmographics(JsonElement org)
    {
        var technologies = Technologies(org);
        return new Firmographics(
            Json.Text(org, "name"),
            Json.Text(org, "industry"),
            Json.Integer(org, "estimated_num_employees"),
            Json.Amount(org, "annual_revenue"),
            Json.Text(org, "country"),
            Json.Text(org, "city"),
            Json.Integer(org, "founded_year"),
            technologies.Count > 0 ? technologies : null,
            Json.Text(org, "linkedin_url"),
            (Json.Child(org, "primary_phone") is { } phone ? Json.Text(phone, "sanitized_number") ?? Json.Text(phone, "number") : null)
                ?? Json.Text(org, "phone"));
    }

    private static List<string> Technologies(JsonElement org)
    {
        List<string>? names = null;
        foreach (var item in Json.Items(org, "technology_names"))
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } name)
            {
                (names ??= []).Add(name);
            }
        }

        if (names is null)
        {
            foreach (var item in Json.Items(org, "current_technologies"))
            {
                if ((Json.Text(item, "name") ?? Json.Text(item, "uid")) is { } name)
                {
                    (names ??= []).Add(name);
                }
            }
        }

        return names ?? [];
    }

    private static PersonCandidate? ReadPerson(JsonElement person)
    {
        var first = Json.Text(person, "first_name");
        var last = Json.Text(person, "last_name") ?? Json.Text(person, "last_name_obfuscated");
        if (first is null || last is null)
        {
            return null;
        }

        var email = Json.Text(person, "email");
        // Apollo hides emails not yet unlocked behind a placeholder such as "email_not_unlocked@domain.com".
        if (email is not null && (email.Contains("not_unlocked", StringComparison.OrdinalIgnoreCase) || !email.Contains('@', StringComparison.Ordinal)))
        {
            email = null;
        }

        string? phone = null;
        foreach (var number in Json.Items(person, "phone_numbers"))
        {
            phone = Json.Text(number, "sanitized_number") ?? Json.Text(number, "raw_number");
            if (phone is not null)
            {
                break;
            }
        }

        var linkedIn = Json.Text(person, "linkedin_url");
        return new PersonCandidate(first, last, Json.Text(person, "title"), email, linkedIn, phone, ProviderName, EvidenceUrl: linkedIn);
    }

    private static string? HostOf(string? url) =>
        url is not null && Uri.TryCreate(url.Contains("://", StringComparison.Ordinal) ? url : "https://" + url, UriKind.Absolute, out var uri)
            ? (uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host)
            : null;
}
