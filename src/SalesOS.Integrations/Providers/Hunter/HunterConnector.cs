using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesOS.Contracts.Markets;
using SalesOS.Prospecting.Ports;

namespace SalesOS.Integrations.Providers.Hunter;

/// <summary>
/// Hunter.io: domain search (people at a company), email finder and email verifier.
/// Hunter's conventions (hunter.io/api/v2/docs): answers under "data", errors as
/// {"errors":[{"id","code","details"}]}; 403 means the per-second/minute rate limit was hit, 429 that the
/// monthly usage is spent, 202 that a verification is still running, 451 that the person asked not to be
/// processed.
/// </summary>
public sealed class HunterConnector(IHttpClientFactory clients, IOptionsMonitor<HunterOptions> options, ILogger<HunterConnector> logger)
    : JsonApiConnector<HunterOptions>(ProviderName, clients, options, logger),
      IPeopleSearchProvider, IEmailVerificationProvider
{
    public const string ProviderName = "hunter";

    private const int MaxPerCall = 100;

    private static readonly HashSet<string> Departments = new(StringComparer.OrdinalIgnoreCase)
    {
        "executive", "it", "finance", "management", "sales", "legal", "support", "hr", "marketing", "communication",
        "education", "design", "health", "operations",
    };

    /// <summary>What the resilience pipeline retries for Hunter: rate limited (403), still verifying (202), 408, 5xx,
    /// and a 429 only when it says when to come back (a spent monthly quota does not).</summary>
    public static bool IsTransientStatus(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        return status is 202 or 403 or 408 or >= 500 || (status == 429 && response.Headers.RetryAfter is not null);
    }

    protected override void PrepareRequest(HttpRequestMessage request, HunterOptions options)
    {
        // Hunter takes the key as ?api_key= or the X-API-KEY header; the header keeps it out of logged URLs.
        request.Headers.Add("X-API-KEY", options.ApiKey);
    }

    protected override ProviderFault? ClassifyResponse(HttpResponseMessage response, JsonElement? body)
    {
        var status = (int)response.StatusCode;
        var message = body is { } root ? ReadErrorMessage(root) : null;
        return status switch
        {
            202 => new(ProviderFaultKind.Transient, "verification still in progress", status),
            403 when message is null || !message.Contains("key", StringComparison.OrdinalIgnoreCase)
                => new(ProviderFaultKind.Transient, "rate limited: " + (message ?? "403"), status),
            429 when response.Headers.RetryAfter is null => new(ProviderFaultKind.Quota, message ?? "usage limit reached", status),
            451 => new(ProviderFaultKind.Rejected, "person asked not to be processed: " + (message ?? "451"), status),
            _ => base.ClassifyResponse(response, body),
        };
    }

    public async Task<ProviderAnswer<IReadOnlyList<PersonCandidate>>> FindPeopleAsync(
        string domain, IReadOnlyList<BuyerPersona> personas, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        ArgumentNullException.ThrowIfNull(personas);
        var filters = PersonaFilters(personas);
        var people = new List<PersonCandidate>();
        var cost = 0m;
        var perCall = Math.Clamp(Math.Min(limit, Options.PageSize), 1, MaxPerCall);
        var offset = 0;
        while (people.Count < limit)
        {
            var path = $"v2/domain-search?domain={Escape(domain)}&limit={Invariant(perCall)}&offset={Invariant(offset)}&type=personal{filters}";
            var result = await SendAsync(Get(path), limit - people.Count, static (root, room) => ReadDomainSearch(root, room), cancellationToken)
                .ConfigureAwait(false);
            cost += result.Cost;
            if (result.Fault is { } fault)
            {
                return new(Name, people.Count > 0 ? people : null, cost, fault.Describe(), fault.Transient);
            }

            if (result.Value is not { } page)
            {
                break;
            }

            people.AddRange(page.People);
            offset += page.Returned;
            if (page.Returned == 0 || offset >= page.Total)
            {
                break;
            }
        }

        return new(Name, people, cost);
    }

    public async Task<ProviderAnswer<EmailVerification>> VerifyEmailAsync(string email, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        var result = await SendAsync(Get("v2/email-verifier?email=" + Escape(email)), email, static (root, asked) => ReadVerification(root, asked), cancellationToken)
            .ConfigureAwait(false);
        return ToAnswer(result);
    }

    /// <summary>Hunter's guess of a person's address from name and domain; null value when it has none.</summary>
    public async Task<ProviderAnswer<PersonCandidate>> FindEmailAsync(string domain, string firstName, string lastName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        ArgumentException.ThrowIfNullOrWhiteSpace(firstName);
        ArgumentException.ThrowIfNullOrWhiteSpace(lastName);
        var path = $"v2/email-finder?domain={Escape(domain)}&first_name={Escape(firstName)}&last_name={Escape(lastName)}";
        var result = await SendAsync(Get(path), (firstName, lastName), static (root, name) => ReadFoundEmail(root, name.firstName, name.lastName), cancellationToken)
            .ConfigureAwait(false);
        return ToAnswer(result);
    }

    /// <summary>Hunter filters by seniority (junior, senior, executive) and by its own department names.</summary>
    private static string PersonaFilters(IReadOnlyList<BuyerPersona> personas)
    {
        var seniorities = new SortedSet<string>(StringComparer.Ordinal);
        var departments = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var persona in personas)
        {
            if (SeniorityOf(persona.Seniority) is { } seniority)
            {
                seniorities.Add(seniority);
            }

            if (persona.Department is { } department && Departments.Contains(department))
            {
                departments.Add(department.ToLowerInvariant());
            }
        }

        var filters = new StringBuilder();
        if (seniorities.Count > 0)
        {
            filters.Append("&seniority=").Append(Escape(string.Join(',', seniorities)));
        }

        if (departments.Count > 0)
        {
            filters.Append("&department=").Append(Escape(string.Join(',', departments)));
        }

        return filters.ToString();
    }

    private static string? SeniorityOf(string? seniority) => seniority?.ToLowerInvariant() switch
    {
        null => null,
        "c_suite" or "c-suite" or "owner" or "founder" or "partner" or "vp" or "head" or "director" or "executive" => "executive",
        "senior" or "manager" or "lead" => "senior",
        "junior" or "entry" or "intern" => "junior",
        _ => null,
    };

    private sealed record DomainSearchPage(List<PersonCandidate> People, int Returned, int Total);

    private static DomainSearchPage ReadDomainSearch(JsonElement root, int room)
    {
        var data = Json.Child(root, "data") ?? throw new FormatException("no data object in the domain-search answer");
        var people = new List<PersonCandidate>();
        var returned = 0;
        foreach (var entry in Json.Items(data, "emails"))
        {
            returned++;
            if (people.Count < room && ReadPerson(entry) is { } person)
            {
                people.Add(person);
            }
        }

        var total = Json.Child(root, "meta") is { } meta ? Json.Integer(meta, "results") ?? returned : returned;
        return new(people, returned, total);
    }

    private static PersonCandidate? ReadPerson(JsonElement entry)
    {
        var first = Json.Text(entry, "first_name");
        var last = Json.Text(entry, "last_name");
        var email = Json.Text(entry, "value");
        // Generic addresses (info@, sales@) carry no person; they are not candidates.
        if (first is null || last is null || email is null)
        {
            return null;
        }

        string? evidence = null;
        foreach (var source in Json.Items(entry, "sources"))
        {
            evidence = Json.Text(source, "uri");
            if (evidence is not null)
            {
                break;
            }
        }

        var confidence = Json.Integer(entry, "confidence");
        return new PersonCandidate(
            first, last, Json.Text(entry, "position"), email, LinkedInUrl(Json.Text(entry, "linkedin")),
            Json.Text(entry, "phone_number"), ProviderName, confidence / 100.0, evidence);
    }

    /// <summary>Hunter has given both a profile URL and a bare handle in "linkedin" over time.</summary>
    private static string? LinkedInUrl(string? value) => value switch
    {
        null => null,
        _ when value.Contains("linkedin.com", StringComparison.OrdinalIgnoreCase) => value,
        _ => "https://www.linkedin.com/in/" + value,
    };

    private static EmailVerification ReadVerification(JsonElement root, string asked)
    {
        var data = Json.Child(root, "data") ?? throw new FormatException("no data object in the email-verifier answer");
        var status = Json.Text(data, "status");
        var result = Json.Text(data, "result");
        var score = Json.Integer(data, "score");
        var verdict = status switch
        {
            "valid" => EmailVerdict.Deliverable,
            "webmail" => EmailVerdict.Deliverable,
            "invalid" => EmailVerdict.Undeliverable,
            "disposable" => EmailVerdict.Undeliverable,
            "accept_all" => EmailVerdict.Risky,
            "unknown" => EmailVerdict.Unknown,
            // "result" is the deprecated field; read it only when "status" is absent.
            _ => result switch
            {
                "deliverable" => EmailVerdict.Deliverable,
                "undeliverable" => EmailVerdict.Undeliverable,
                "risky" => EmailVerdict.Risky,
                _ => EmailVerdict.Unknown,
            },
        };
        var reason = status is not null ? "hunter status " + status : "hunter result " + (result ?? "missing");
        return new EmailVerification(Json.Text(data, "email") ?? asked, verdict, reason, score / 100.0);
    }

    private static PersonCandidate? ReadFoundEmail(JsonElement root, string firstName, string lastName)
    {
        var data = Json.Child(root, "data") ?? throw new FormatException("no data object in the email-finder answer");
        if (Json.Text(data, "email") is not { } email)
        {
            return null;
        }

        string? evidence = null;
        foreach (var source in Json.Items(data, "sources"))
        {
            evidence = Json.Text(source, "uri");
            if (evidence is not null)
            {
                break;
            }
        }

        return new PersonCandidate(
            Json.Text(data, "first_name") ?? firstName, Json.Text(data, "last_name") ?? lastName, Json.Text(data, "position"), email,
            LinkedInUrl(Json.Text(data, "linkedin_url") ?? Json.Text(data, "linkedin")), Json.Text(data, "phone_number"), ProviderName,
            Json.Integer(data, "score") / 100.0, evidence);
    }
}
