using SalesOS.Contracts.Markets;
using SalesOS.Domain.Markets;

namespace SalesOS.Tests.Domain;

/// <summary>
/// Realistic one-line market descriptions, each with the whole definition it must become: every
/// field is compared, so a stray industry or a silently dropped phrase fails the example.
/// </summary>
public sealed class MarketDescriptionExamplesTests
{
    private static readonly Dictionary<string, MarketDefinition> Examples = new()
    {
        ["B2B SaaS, SMB, using Salesforce"] = new()
        {
            Industries = ["Software"], BusinessModels = ["B2B"], Employees = new(1, 200), Technologies = ["Salesforce"],
        },
        ["Fintech companies in Germany and France with 50-500 employees hiring sales reps, using HubSpot or Stripe, excluding agencies"] = new()
        {
            Industries = ["Fintech"], Geographies = ["DE", "FR"], Employees = new(50, 500), GrowthSignals = ["hiring sales reps"],
            Technologies = ["HubSpot", "Stripe"], Exclusions = ["agencies"],
        },
        ["Series A and B SaaS startups in the UK hiring SDRs, targeting CTOs"] = new()
        {
            Industries = ["Software"], Employees = new(1, 50), Geographies = ["GB"], GrowthSignals = ["series a and b", "hiring sdrs"],
            Personas = [new("CTO", "C-level", "Engineering")],
        },
        ["DTC brands on Shopify Plus in the US and Canada with $1M-$10M revenue"] = new()
        {
            Industries = ["E-commerce"], BusinessModels = ["D2C"], Geographies = ["US", "CA"], Technologies = ["Shopify"], Revenue = new(1_000_000m, 10_000_000m),
        },
        ["Manufacturing companies in Poland, Czechia and Slovakia with 200+ employees using SAP"] = new()
        {
            Industries = ["Manufacturing"], Geographies = ["PL", "CZ", "SK"], Employees = new(200, null), Technologies = ["SAP"],
        },
        ["Cybersecurity vendors in Israel that recently raised Series B, selling to CISOs"] = new()
        {
            Industries = ["Cybersecurity"], Geographies = ["IL"], GrowthSignals = ["recently raised series b"], Personas = [new("CISO", "C-level", "Security")],
        },
        ["HR tech companies in APAC, ARR above $5M, targeting heads of people"] = new()
        {
            Industries = ["HR tech"], Geographies = ["APAC"], Revenue = new(5_000_000m, null), Personas = [new("Head of People", "Head", "HR")],
        },
        ["Logistics and supply chain firms in Benelux with <100 employees, not consultancies"] = new()
        {
            Industries = ["Logistics"], Geographies = ["Benelux"], Employees = new(null, 100), Exclusions = ["consultancies"],
        },
        ["Online retail in LATAM using WooCommerce or Magento"] = new()
        {
            Industries = ["E-commerce"], Geographies = ["LATAM"], Technologies = ["WooCommerce", "Magento"],
        },
        ["Edtech startups in India, recently funded, targeting founders"] = new()
        {
            Industries = ["Education"], Employees = new(1, 50), Geographies = ["IN"], GrowthSignals = ["recently funded"], Personas = [new("Founder", "C-level", "Executive")],
        },
        ["Real estate agencies in Spain and Portugal, except competitors"] = new()
        {
            Industries = ["Real estate"], Geographies = ["ES", "PT"], Exclusions = ["competitors"],
        },
        ["Law firms in the UK with 10-50 employees using Clio and NetSuite"] = new()
        {
            Industries = ["Legal"], Geographies = ["GB"], Employees = new(10, 50), Technologies = ["Clio", "NetSuite"],
        },
        ["B2C fintech in the EU, hiring engineers using GCP"] = new()
        {
            Industries = ["Fintech"], BusinessModels = ["B2C"], Geographies = ["EU"], GrowthSignals = ["hiring engineers"], Technologies = ["Google Cloud"],
        },
        ["Mid-market and enterprise companies in North America using Salesforce and Gong, targeting VPs of Sales"] = new()
        {
            Employees = new(200, null), Geographies = ["North America"], Technologies = ["Salesforce", "Gong"], Personas = [new("VP of Sales", "VP", "Sales")],
        },
        ["Biotech in Boston struggling with manual reporting"] = new()
        {
            Industries = ["Biotech"], PainPoints = ["manual reporting"], Unparsed = ["Boston"],
        },
        ["SMBs in Australia and New Zealand using Xero or QuickBooks, excluding accountants and bookkeepers"] = new()
        {
            Employees = new(1, 200), Geographies = ["AU", "NZ"], Technologies = ["Xero", "QuickBooks"], Exclusions = ["accountants", "bookkeepers"],
        },
        ["Telecom operators in EMEA with revenue between $100M and $1B"] = new()
        {
            Industries = ["Telecom"], Geographies = ["EMEA"], Revenue = new(100_000_000m, 1_000_000_000m),
        },
        ["Hospitality groups in Italy and Greece, expanding into new markets"] = new()
        {
            Industries = ["Hospitality"], Geographies = ["IT", "GR"], GrowthSignals = ["expanding into new markets"],
        },
        ["AI startups in the Nordics on Azure, fast-growing, selling to CTOs and VPs of Engineering"] = new()
        {
            Industries = ["Artificial intelligence"], Employees = new(1, 50), Geographies = ["Nordics"], Technologies = ["Azure"], GrowthSignals = ["fast-growing"],
            Personas = [new("CTO", "C-level", "Engineering"), new("VP of Engineering", "VP", "Engineering")],
        },
        ["SaaS companies with 1,000-5,000 employees and $50M+ ARR"] = new()
        {
            Industries = ["Software"], Employees = new(1000, 5000), Revenue = new(50_000_000m, null),
        },
        ["Media companies in the U.S. using Zendesk, Intercom or Freshdesk"] = new()
        {
            Industries = ["Media"], Geographies = ["US"], Technologies = ["Zendesk", "Intercom", "Freshdesk"],
        },
        ["Enterprise software, using Okta and Workday, targeting CIOs"] = new()
        {
            Industries = ["Software"], Technologies = ["Okta", "Workday"], Personas = [new("CIO", "C-level", "IT")],
        },
        ["Insurtechs in Switzerland and Austria using Guidewire, pain: legacy core systems"] = new()
        {
            Industries = ["Insurance"], Geographies = ["CH", "AT"], PainPoints = ["legacy core systems"], Unparsed = ["using Guidewire"],
        },
        ["We sell to Heads of Sales at B2B SaaS companies in the US with at least 20 employees"] = new()
        {
            Industries = ["Software"], BusinessModels = ["B2B"], Geographies = ["US"], Employees = new(20, null), Personas = [new("Head of Sales", "Head", "Sales")],
        },
        ["Ecommerce in Europe, 50+ employees, Series C, using GA and Klaviyo"] = new()
        {
            Industries = ["E-commerce"], Geographies = ["Europe"], Employees = new(50, null), GrowthSignals = ["series c"], Technologies = ["Google Analytics", "Klaviyo"],
        },
        ["Construction companies in Texas with 100 to 1000 employees, using Procore, excluding franchises"] = new()
        {
            Industries = ["Construction"], Employees = new(100, 1000), Technologies = ["Procore"], Exclusions = ["franchises"], Unparsed = ["Texas"],
        },
        ["German and Austrian mid-sized manufacturers running Microsoft Dynamics or SFDC, targeting the CFO"] = new()
        {
            Industries = ["Manufacturing"], Geographies = ["DE", "AT"], Employees = new(200, 1000), Technologies = ["Microsoft Dynamics", "Salesforce"],
            Personas = [new("CFO", "C-level", "Finance")],
        },
        ["Healthcare providers in Canada with over $20M in revenue, hiring RevOps, targeting RevOps leaders"] = new()
        {
            Industries = ["Healthcare"], Geographies = ["CA"], Revenue = new(20_000_000m, null), GrowthSignals = ["hiring revops"],
            Personas = [new("RevOps Leader", null, "Operations")],
        },
        ["B2B marketing agencies with 10-200 staff in the Netherlands and Belgium using HubSpot, Webflow or FooCRM, targeting agency owners"] = new()
        {
            Industries = ["Marketing agencies"], BusinessModels = ["B2B"], Employees = new(10, 200), Geographies = ["NL", "BE"], Technologies = ["HubSpot", "Webflow"],
            Personas = [new("Agency Owner", "C-level", "Executive")], Unparsed = ["FooCRM"],
        },
        ["Payments companies in Singapore and Hong Kong, $10M-$100M ARR, using Stripe or Adyen, new CFO"] = new()
        {
            Industries = ["Fintech"], Geographies = ["SG", "HK"], Revenue = new(10_000_000m, 100_000_000m), Technologies = ["Stripe", "Adyen"], GrowthSignals = ["new cfo"],
        },
        ["Fast-growing proptech in the DACH region, VP Marketing or CMO"] = new()
        {
            Industries = ["Real estate"], Geographies = ["DACH"], GrowthSignals = ["fast-growing"],
            Personas = [new("VP Marketing", "VP", "Marketing"), new("CMO", "C-level", "Marketing")],
        },
        ["Retailers in Sweden, Norway, Denmark and Finland using Shopify, except Amazon sellers"] = new()
        {
            Industries = ["Retail"], Geographies = ["SE", "NO", "DK", "FI"], Technologies = ["Shopify"], Exclusions = ["Amazon sellers"],
        },
        ["Telecoms in Bulgaria and Romania, 1k-10k employees"] = new()
        {
            Industries = ["Telecom"], Geographies = ["BG", "RO"], Employees = new(1000, 10_000),
        },
    };

    public static TheoryData<string> Descriptions => [.. Examples.Keys];

    [Theory]
    [MemberData(nameof(Descriptions))]
    public void Description_BecomesItsWholeMarketDefinition(string description)
        => Assert.Equal(Describe(Examples[description]), Describe(MarketDescriptionParser.Parse(description)));

    [Fact]
    public void TheExamples_AreManyAndDistinct()
        => Assert.True(Examples.Count >= 25, $"only {Examples.Count} examples");

    // One line per field, so a failure names the field that differs.
    private static string Describe(MarketDefinition market) => string.Join('\n',
        $"industries: {string.Join(", ", market.Industries)}",
        $"business models: {string.Join(", ", market.BusinessModels)}",
        $"employees: {market.Employees?.Min}..{market.Employees?.Max}",
        $"revenue: {market.Revenue?.MinUsd}..{market.Revenue?.MaxUsd}",
        $"geographies: {string.Join(", ", market.Geographies)}",
        $"technologies: {string.Join(", ", market.Technologies)}",
        $"growth signals: {string.Join(", ", market.GrowthSignals)}",
        $"pain points: {string.Join(", ", market.PainPoints)}",
        $"personas: {string.Join(", ", market.Personas.Select(p => $"{p.Title} ({p.Seniority}, {p.Department})"))}",
        $"exclusions: {string.Join(", ", market.Exclusions)}",
        $"unparsed: {string.Join(" | ", market.Unparsed)}");
}
