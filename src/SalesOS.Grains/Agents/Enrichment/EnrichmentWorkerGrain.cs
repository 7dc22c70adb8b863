using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using SalesOS.Contracts.Companies;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Markets;
using SalesOS.Contracts.Prospecting;
using SalesOS.Grains.Prospecting;
using SalesOS.Prospecting.Enrichment;
using SalesOS.Prospecting.Ports;
using SalesOS.Prospecting.Scoring;

namespace SalesOS.Grains.Agents.Enrichment;

[Alias("SalesOS.Agents.IEnrichmentWorkerGrain")]
public interface IEnrichmentWorkerGrain : IGrainWithIntegerKey
{
    /// <summary>Enriches the company as it was at <paramref name="version"/> (ignored when it has moved on or someone else is on it).</summary>
    [Alias("Enrich"), OneWay]
    Task Enrich(string companyKey, long version);
}

/// <summary>
/// Does the Enrichment agent's work for one company: crawls its website (keyless), runs the
/// firmographics waterfall over the configured providers for what is still missing, turns what was
/// found into signals with evidence, scores fit and intent against the market, and hands it all to
/// the company in one command. A transient failure (site down, provider throttling) is reported to
/// the company, whose watchdog retries it with backoff; nothing is dropped silently.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class EnrichmentWorkerGrain(
    AgentSlots slots,
    MarketDirectory markets,
    IWebsiteCrawler crawler,
    IEnumerable<IFirmographicsProvider> providers,
    IOptions<EnrichmentOptions> options,
    TimeProvider clock,
    ILogger<EnrichmentWorkerGrain> logger) : CompanyStepWorker(slots, markets, logger), IEnrichmentWorkerGrain
{
    private readonly FirmographicsWaterfall waterfall = new(providers, options.Value.ProviderOrder, clock);

    protected override ProspectingStep Step => ProspectingStep.Enrich;

    protected override string Actor => "agent:enrichment";

    protected override TimeSpan Timeout => options.Value.StepTimeout;

    // Anything short of a bug in this code is worth another attempt: sites and providers come back.
    protected override bool IsTransient(Exception exception) => true;

    public Task Enrich(string companyKey, long version) => RunStepAsync(companyKey, version);

    protected override async Task RunAsync(ICompanyGrain companyGrain, CompanySnapshot company, MarketSnapshot market, int attempt, string? why, CancellationToken cancellationToken)
    {
        var enrichment = await BuildAsync(company, market.Definition, attempt, cancellationToken);
        await companyGrain.CompleteEnrichment(enrichment, new CommandContext(Actor));
    }

    private async Task<CompanyEnrichment> BuildAsync(CompanySnapshot company, MarketDefinition market, int attempt, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var crawl = await crawler.CrawlAsync(company.Domain, cancellationToken);
        var insights = crawl.Reachable ? WebsiteAnalyzer.Analyze(crawl, now) : null;

        var wanted = Missing(company);
        var firmographics = wanted == FirmographicFields.None || !waterfall.ActiveProviders.Any()
            ? null
            : await waterfall.EnrichAsync(company.Domain, wanted, cancellationToken);

        // Nothing learnt and something worth retrying: a transient failure. A site that is simply
        // not there (404, robots) with no provider to ask is not: enrichment completes with what
        // the sources said, and says why.
        if (insights is null && (firmographics is null || firmographics.AllFailedTransiently) && (crawl.FailedTransiently || firmographics?.AllFailedTransiently == true))
        {
            var reason = (crawl.Errors.Count > 0 ? crawl.Errors[0].Reason : null) ?? firmographics?.Calls.FirstOrDefault(c => c.Error is not null)?.Error ?? "no answer";
            throw new InvalidOperationException($"website {company.Domain} unreachable: {reason}");
        }

        var fields = new List<FieldSource>();
        var technologies = new List<string>();
        if (firmographics is not null)
        {
            AddFields(fields, firmographics, technologies);
        }

        var signals = new List<CompanySignal>();
        var notes = new List<string>();
        if (insights is not null)
        {
            technologies.AddRange(insights.Technologies.Select(t => t.Name));
            signals.AddRange(Signals(insights, now));
            if (insights.Pricing.Model != PricingModel.Unknown)
            {
                fields.Add(new FieldSource("pricing", insights.Pricing.Model.ToString(), "website", now));
            }

            notes.Add($"website: {crawl.Pages.Count} page(s), {insights.Technologies.Count} technologies, {insights.Hiring.OpenRoles} open roles, {insights.Funding.Count} funding and {insights.News.Count} news mentions, {insights.People.Count} people");
        }
        else
        {
            notes.Add($"website not read ({(crawl.DisallowedByRobots ? "robots.txt disallows it" : crawl.Errors.Count > 0 ? crawl.Errors[0].Reason : "no pages")})");
        }

        if (firmographics is not null)
        {
            notes.Add($"providers: {string.Join(", ", firmographics.Calls.Select(c => $"{c.Provider} {c.Outcome.ToString().ToLowerInvariant()} cost {c.Cost.ToString("0.##", CultureInfo.InvariantCulture)}{(c.Error is null ? "" : $" ({c.Error})")}"))}; total {firmographics.TotalCost.ToString("0.##", CultureInfo.InvariantCulture)}");
        }

        var merged = Profile(company, fields, technologies, signals);
        var fit = FitScorer.Score(merged, market);
        var intent = IntentScorer.Score(merged.Signals, now, SalesDepartments(market));
        return new CompanyEnrichment(
            attempt,
            fields,
            technologies.Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            signals,
            insights?.PageFingerprints.ToDictionary(p => p.Key.ToString(), p => p.Value.Fingerprint) ?? new Dictionary<string, string>(),
            fit,
            intent,
            string.Join("; ", notes),
            firmographics?.TotalCost ?? 0,
            insights?.People.Select(p => new WebPerson(p.Name, p.Title, p.Url.ToString())).ToList(),
            insights?.Emails.ToList());
    }

    private static FirmographicFields Missing(CompanySnapshot company)
    {
        var missing = FirmographicFields.None;
        if (company.Industry is null)
        {
            missing |= FirmographicFields.Industry;
        }

        if (company.EmployeeCount is null)
        {
            missing |= FirmographicFields.EmployeeCount;
        }

        if (company.AnnualRevenueUsd is null)
        {
            missing |= FirmographicFields.AnnualRevenue;
        }

        if (company.Country is null)
        {
            missing |= FirmographicFields.Country;
        }

        return missing;
    }

    private static void AddFields(List<FieldSource> fields, WaterfallResult result, List<string> technologies)
    {
        var f = result.Firmographics;
        void Add(FirmographicFields field, string name, string? value)
        {
            if (value is not null && result.Provenance.TryGetValue(field, out var source))
            {
                fields.Add(new FieldSource(name, value, source.Provider, source.At));
            }
        }

        Add(FirmographicFields.Name, "name", f.Name);
        Add(FirmographicFields.Industry, "industry", f.Industry);
        Add(FirmographicFields.EmployeeCount, "employees", f.EmployeeCount?.ToString(CultureInfo.InvariantCulture));
        Add(FirmographicFields.AnnualRevenue, "revenue", f.AnnualRevenueUsd?.ToString(CultureInfo.InvariantCulture));
        Add(FirmographicFields.Country, "country", f.Country);
        Add(FirmographicFields.City, "city", f.City);
        Add(FirmographicFields.FoundedYear, "founded", f.FoundedYear?.ToString(CultureInfo.InvariantCulture));
        Add(FirmographicFields.LinkedInUrl, "linkedin", f.LinkedInUrl);
        Add(FirmographicFields.Phone, "phone", f.Phone);
        technologies.AddRange(f.Technologies ?? []);
    }

    private static IEnumerable<CompanySignal> Signals(WebsiteInsights insights, DateTimeOffset now)
    {
        foreach (var group in insights.Hiring.Roles.GroupBy(r => r.Department))
        {
            var roles = group.ToList();
            yield return new CompanySignal(SignalKinds.Hiring,
                $"Hiring {roles.Count} {Name(group.Key)} role{(roles.Count == 1 ? "" : "s")}: {string.Join(", ", roles.Take(3).Select(r => r.Title))}",
                roles[0].Url.ToString(), string.Join("; ", roles.Take(5).Select(r => r.Title)), now);
        }

        foreach (var funding in insights.Funding.Take(3))
        {
            var amount = funding.Amount is { } value ? $"{funding.Currency ?? ""}{Money(value)} " : "";
            yield return new CompanySignal(SignalKinds.Funding, $"Raised {amount}{funding.Round ?? "funding"}".Trim(), funding.Url.ToString(),
                Clip(funding.Snippet), funding.Date is { } date ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : now);
        }

        foreach (var news in insights.News.Where(n => n.Date is not null).OrderByDescending(n => n.Date).Take(3))
        {
            yield return new CompanySignal(SignalKinds.News, Clip(news.Headline), news.Url.ToString(), Clip(news.Snippet),
                new DateTimeOffset(news.Date!.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        }
    }

    private static string Name(Department department) => department switch
    {
        Department.CustomerSuccess => "customer success",
        Department.HumanResources => "HR",
        _ => department.ToString().ToLowerInvariant(),
    };

    private static string Money(decimal value) => value switch
    {
        >= 1_000_000_000 => (value / 1_000_000_000).ToString("0.#", CultureInfo.InvariantCulture) + "B",
        >= 1_000_000 => (value / 1_000_000).ToString("0.#", CultureInfo.InvariantCulture) + "M",
        >= 1_000 => (value / 1_000).ToString("0.#", CultureInfo.InvariantCulture) + "K",
        _ => value.ToString("0", CultureInfo.InvariantCulture),
    };

    private static string Clip(string text) => text.Length <= 200 ? text : text[..197] + "...";

    private static List<string> SalesDepartments(MarketDefinition market)
        => market.Personas.Select(p => p.Department).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static CompanyProfile Profile(CompanySnapshot company, List<FieldSource> fields, List<string> technologies, List<CompanySignal> signals)
    {
        string? Field(string name) => fields.FirstOrDefault(f => f.Field == name)?.Value;
        return new CompanyProfile(
            company.Domain,
            company.Name,
            company.Industry ?? Field("industry"),
            company.EmployeeCount ?? (int.TryParse(Field("employees"), CultureInfo.InvariantCulture, out var employees) ? employees : null),
            company.AnnualRevenueUsd ?? (decimal.TryParse(Field("revenue"), CultureInfo.InvariantCulture, out var revenue) ? revenue : null),
            company.Country ?? Field("country"),
            company.Technologies.Concat(technologies).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            (company.Signals ?? []).Concat(signals).ToList());
    }
}

/// <summary>Enrichment settings (section <c>SalesOS:Enrichment</c>).</summary>
public sealed class EnrichmentOptions
{
    public const string SectionName = "SalesOS:Enrichment";

    /// <summary>Firmographics providers in the order the waterfall asks them (unconfigured ones are skipped).</summary>
    public List<string> ProviderOrder { get; set; } = ["apollo"];

    /// <summary>The most one company's enrichment (crawl and providers together) may take.</summary>
    public TimeSpan StepTimeout { get; set; } = TimeSpan.FromSeconds(90);
}
