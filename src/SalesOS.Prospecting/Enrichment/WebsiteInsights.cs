using SalesOS.Prospecting.Ports;

namespace SalesOS.Prospecting.Enrichment;

/// <summary>What a company's own website says about it: stack, hiring, news and funding, pricing, people.</summary>
public sealed record WebsiteInsights(
    string Domain,
    DateTimeOffset AnalyzedAt,
    IReadOnlyList<DetectedTechnology> Technologies,
    HiringInsight Hiring,
    IReadOnlyList<NewsMention> News,
    IReadOnlyList<FundingMention> Funding,
    PricingInsight Pricing,
    IReadOnlyList<WebsitePerson> People,
    IReadOnlyList<string> Emails,
    IReadOnlyDictionary<Uri, PageFingerprint> PageFingerprints)
{
    public bool Uses(string technology) => Technologies.Any(t => string.Equals(t.Name, technology, StringComparison.OrdinalIgnoreCase));
}

public enum TechnologyCategory
{
    Analytics,
    TagManagement,
    MarketingAutomation,
    Crm,
    Payments,
    Subscriptions,
    LiveChat,
    CustomerSupport,
    Ecommerce,
    Cms,
    JavaScriptFramework,
    JavaScriptLibrary,
    CssFramework,
    Cdn,
    Hosting,
    WebServer,
    ABTesting,
    SessionReplay,
    ProductAnalytics,
    Advertising,
    Scheduling,
    Forms,
    IntentData,
    SalesEngagement,
    Monitoring,
    Identity,
    ApplicantTracking,
    EmailMarketing,
    ConsentManagement,
    Video,
    Fonts,
    Captcha,
    Search,
    CustomerEngagement,
}

/// <summary>Why a technology is believed to be in use: which signature matched, on which page, on what value.</summary>
public sealed record TechnologyEvidence(string Signature, Uri Url, string Value);

public sealed record DetectedTechnology(string Name, TechnologyCategory Category, IReadOnlyList<TechnologyEvidence> Evidence);

public enum Department
{
    Sales,
    Marketing,
    Engineering,
    Product,
    CustomerSuccess,
    Finance,
    HumanResources,
    Operations,
    Other,
}

public sealed record OpenRole(string Title, Department Department, string? Location, Uri Url);

public sealed record HiringInsight(IReadOnlyList<OpenRole> Roles, IReadOnlyDictionary<Department, int> CountsByDepartment)
{
    public static HiringInsight None { get; } = new([], new Dictionary<Department, int>());

    public int OpenRoles => Roles.Count;
}

public sealed record NewsMention(Uri Url, string Headline, string Snippet, DateOnly? Date);

public sealed record FundingMention(Uri Url, string Snippet, DateOnly? Date, decimal? Amount, string? Currency, string? Round);

[Flags]
public enum PricingModel
{
    Unknown = 0,
    FreeTrial = 1,
    Freemium = 2,
    PerSeat = 4,
    UsageBased = 8,
    Tiered = 16,
    ContactSales = 32,

    /// <summary>Only "contact sales": no price is shown anywhere.</summary>
    EnterpriseOnly = 64,
}

public sealed record PricePoint(decimal Amount, string Currency, string? Period);

public sealed record PricingEvidence(PricingModel Model, string Snippet, Uri Url);

public sealed record PricingInsight(PricingModel Model, IReadOnlyList<PricePoint> PricePoints, IReadOnlyList<PricingEvidence> Evidence)
{
    public static PricingInsight None { get; } = new(PricingModel.Unknown, [], []);

    public bool Has(PricingModel model) => (Model & model) == model;
}

public sealed record WebsitePerson(string Name, string Title, Uri Url);

public sealed record PageFingerprint(PageKind Kind, string Fingerprint);
