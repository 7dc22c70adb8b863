using SalesOS.Contracts.Markets;
using SalesOS.Domain.Markets;

namespace SalesOS.Tests.Domain;

/// <summary>The parser's rules one at a time: vocabularies, aliases, sizes, money, signals, personas, exclusions and what it reports back.</summary>
public sealed class MarketDescriptionRulesTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(", ; ,")]
    public void NoDescription_IsAnEmptyDefinition(string? description)
    {
        var market = MarketDescriptionParser.Parse(description);

        Assert.Empty(market.Industries);
        Assert.Null(market.Employees);
        Assert.Null(market.Revenue);
        Assert.Empty(market.Unparsed);
    }

    [Fact]
    public void PhrasesItCannotPlace_AreReportedAsWritten()
    {
        var market = MarketDescriptionParser.Parse("B2B SaaS, great company culture, in Atlantis, with purple logos");

        Assert.Equal(["Software"], market.Industries);
        Assert.Equal(["great company culture", "Atlantis", "purple logos"], market.Unparsed);
    }

    [Fact]
    public void AnUnknownToolInAList_IsReported_WhileTheKnownOnesAreKept()
    {
        var market = MarketDescriptionParser.Parse("fintech using HubSpot or FooCRM");

        Assert.Equal(["HubSpot"], market.Technologies);
        Assert.Equal(["FooCRM"], market.Unparsed);
    }

    [Fact]
    public void APhraseWithOnlyUnknownTools_IsReportedWhole()
        => Assert.Equal(["using FooCRM and BarSuite"], MarketDescriptionParser.Parse("fintech, using FooCRM and BarSuite").Unparsed);

    [Theory]
    [InlineData("companies based in Germany")]
    [InlineData("fintech companies headquartered in France")]
    [InlineData("the companies, SaaS")]
    public void LinkingWords_AreNotReportedAsNotUnderstood(string description)
        => Assert.Empty(MarketDescriptionParser.Parse(description).Unparsed);

    [Fact]
    public void AnEuroAmount_IsReported_NotReadAsDollars()
    {
        var market = MarketDescriptionParser.Parse("insurance brokers in France with €10M revenue");

        Assert.Null(market.Revenue);
        Assert.Equal(["€10M revenue"], market.Unparsed);
    }

    [Theory]
    [InlineData("SaaS", "Software")]
    [InlineData("cloud software vendors", "Software")]
    [InlineData("fintechs", "Fintech")]
    [InlineData("payments", "Fintech")]
    [InlineData("digital health", "Healthtech")]
    [InlineData("hospitals", "Healthcare")]
    [InlineData("ecommerce", "E-commerce")]
    [InlineData("online retailers", "E-commerce")]
    [InlineData("manufacturers", "Manufacturing")]
    [InlineData("freight forwarders", "Logistics")]
    [InlineData("proptech", "Real estate")]
    [InlineData("insurers", "Insurance")]
    [InlineData("higher education", "Education")]
    [InlineData("edtech", "Education")]
    [InlineData("digital agencies", "Marketing agencies")]
    [InlineData("infosec", "Cybersecurity")]
    [InlineData("HR software", "HR tech")]
    [InlineData("law firms", "Legal")]
    [InlineData("publishers", "Media")]
    [InlineData("telcos", "Telecom")]
    [InlineData("renewables", "Energy")]
    [InlineData("life sciences", "Biotech")]
    [InlineData("retailers", "Retail")]
    [InlineData("construction", "Construction")]
    [InlineData("restaurants", "Hospitality")]
    [InlineData("banks", "Banking")]
    [InlineData("staffing agencies", "Staffing")]
    [InlineData("travel agencies", "Travel")]
    [InlineData("nonprofits", "Nonprofit")]
    public void Industries_AreReadFromTheirCommonNames(string description, string industry)
        => Assert.Equal([industry], MarketDescriptionParser.Parse(description).Industries);

    [Theory]
    [InlineData("b2b fintech", "B2B")]
    [InlineData("B2C apps", "B2C")]
    [InlineData("business-to-business marketplaces", "B2B")]
    [InlineData("D2C brands", "D2C")]
    [InlineData("B2B2C insurance", "B2B2C")]
    public void BusinessModels_AreTaggedApartFromIndustries(string description, string model)
        => Assert.Equal([model], MarketDescriptionParser.Parse(description).BusinessModels);

    [Theory]
    [InlineData("SMB", 1, 200)]
    [InlineData("small businesses", 1, 200)]
    [InlineData("SMEs", 1, 200)]
    [InlineData("small and medium-sized enterprises", 1, 200)]
    [InlineData("mid-market", 200, 1000)]
    [InlineData("midsize companies", 200, 1000)]
    [InlineData("enterprise", 1000, null)]
    [InlineData("Fortune 500", 1000, null)]
    [InlineData("startups", 1, 50)]
    [InlineData("early-stage", 1, 50)]
    [InlineData("SMB and mid-market", 1, 1000)]
    [InlineData("mid-market, enterprise", 200, null)]
    public void SizeWords_BecomeEmployeeRanges_AndWidenEachOther(string description, int? min, int? max)
        => Assert.Equal(new EmployeeRange(min, max), MarketDescriptionParser.Parse(description).Employees);

    [Theory]
    [InlineData("50-500 employees", 50, 500)]
    [InlineData("50 – 500 employees", 50, 500)]
    [InlineData("50 to 500 employees", 50, 500)]
    [InlineData("between 50 and 500 employees", 50, 500)]
    [InlineData("500-50 employees", 50, 500)]
    [InlineData("1,000-5,000 employees", 1000, 5000)]
    [InlineData("1k-5k staff", 1000, 5000)]
    [InlineData("10-50 FTEs", 10, 50)]
    [InlineData("over 1000 employees", 1001, null)]
    [InlineData("more than 1,000 employees", 1001, null)]
    [InlineData("at least 200 employees", 200, null)]
    [InlineData("200+ employees", 200, null)]
    [InlineData("<100 employees", null, 100)]
    [InlineData("fewer than 100 employees", null, 100)]
    [InlineData("up to 100 employees", null, 100)]
    [InlineData("employees: 20-200", 20, 200)]
    [InlineData("headcount over 500", 501, null)]
    [InlineData("exactly 40 employees", 40, 40)]
    public void StatedHeadcounts_BecomeEmployeeRanges(string description, int? min, int? max)
        => Assert.Equal(new EmployeeRange(min, max), MarketDescriptionParser.Parse(description).Employees);

    [Fact]
    public void AStatedHeadcount_WinsOverASizeWord()
        => Assert.Equal(new EmployeeRange(20, 80), MarketDescriptionParser.Parse("SMB, 20-80 employees").Employees);

    [Theory]
    [InlineData("$1M-$10M revenue", 1_000_000, 10_000_000)]
    [InlineData("$1-10M revenue", 1_000_000, 10_000_000)]
    [InlineData("$500k-$2M ARR", 500_000, 2_000_000)]
    [InlineData("$1.5M to $3M in annual revenue", 1_500_000, 3_000_000)]
    [InlineData("ARR above $5M", 5_000_000, null)]
    [InlineData("ARR of $1-10M", 1_000_000, 10_000_000)]
    [InlineData("revenue between $100M and $1B", 100_000_000, 1_000_000_000)]
    [InlineData("over $10M ARR", 10_000_000, null)]
    [InlineData("$50M+ ARR", 50_000_000, null)]
    [InlineData("more than $5 million in revenue", 5_000_000, null)]
    [InlineData("under $5M revenue", null, 5_000_000)]
    [InlineData("turnover below 20m", null, 20_000_000)]
    public void RevenueFigures_BecomeDollarRanges(string description, int? min, int? max)
        => Assert.Equal(new RevenueRange(min, max), MarketDescriptionParser.Parse(description).Revenue);

    [Theory]
    [InlineData("companies in the US", "US")]
    [InlineData("in the USA", "US")]
    [InlineData("United States", "US")]
    [InlineData("U.S. companies", "US")]
    [InlineData("UK", "GB")]
    [InlineData("United Kingdom", "GB")]
    [InlineData("British retailers", "GB")]
    [InlineData("Canada", "CA")]
    [InlineData("Australia", "AU")]
    [InlineData("Germany", "DE")]
    [InlineData("the Netherlands", "NL")]
    [InlineData("Polish software houses", "PL")]
    [InlineData("DACH", "DACH")]
    [InlineData("Scandinavia", "Nordics")]
    [InlineData("EMEA", "EMEA")]
    [InlineData("North America", "North America")]
    [InlineData("Asia Pacific", "APAC")]
    [InlineData("Latin America", "LATAM")]
    [InlineData("EU", "EU")]
    [InlineData("Europe", "Europe")]
    public void Places_BecomeCountryCodesOrRegions(string description, string place)
        => Assert.Equal([place], MarketDescriptionParser.Parse(description).Geographies);

    [Fact]
    public void EveryMemberOfTheEuropeanUnion_IsKnownByName()
    {
        var description = "Austria, Belgium, Bulgaria, Croatia, Cyprus, Czechia, Denmark, Estonia, Finland, France, Germany, Greece, Hungary, Ireland, Italy, "
            + "Latvia, Lithuania, Luxembourg, Malta, Netherlands, Poland, Portugal, Romania, Slovakia, Slovenia, Spain, Sweden";

        var market = MarketDescriptionParser.Parse(description);

        Assert.Equal(
            ["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"],
            market.Geographies);
        Assert.Empty(market.Unparsed);
    }

    [Theory]
    [InlineData("companies in Latin America", "LATAM")]
    [InlineData("North American SaaS", "North America")]
    [InlineData("South Africa", "ZA")]
    public void ALongerPlaceName_IsNotAlsoReadAsTheShorterOneInside(string description, string place)
        => Assert.Equal([place], MarketDescriptionParser.Parse(description).Geographies);

    [Theory]
    [InlineData("companies like us")]
    [InlineData("polish your pitch")]
    public void CountryAbbreviationsThatAreEnglishWords_CountOnlyAsWritten(string description)
        => Assert.Empty(MarketDescriptionParser.Parse(description).Geographies);

    [Theory]
    [InlineData("using SFDC", "Salesforce")]
    [InlineData("using salesforce.com", "Salesforce")]
    [InlineData("using GA", "Google Analytics")]
    [InlineData("using GA4", "Google Analytics")]
    [InlineData("on GCP", "Google Cloud")]
    [InlineData("on Amazon Web Services", "AWS")]
    [InlineData("using Dynamics 365", "Microsoft Dynamics")]
    [InlineData("using monday.com", "Monday.com")]
    [InlineData("using G Suite", "Google Workspace")]
    [InlineData("using HUBSPOT", "HubSpot")]
    [InlineData("using hubspot", "HubSpot")]
    [InlineData("Zendesk users", "Zendesk")]
    [InlineData("customers of Marketo", "Marketo")]
    [InlineData("built on WordPress", "WordPress")]
    public void Technologies_AreMatchedByAliasAndInAnyCase(string description, string technology)
        => Assert.Equal([technology], MarketDescriptionParser.Parse(description).Technologies);

    [Theory]
    [InlineData("using ZoomInfo", "ZoomInfo")]
    [InlineData("using Zoom", "Zoom")]
    [InlineData("using Outreach.io", "Outreach")]
    [InlineData("using Salesforce Marketing Cloud", "Marketing Cloud")]
    public void Technologies_MatchWholeWords_LongestNameFirst(string description, string technology)
        => Assert.Equal([technology], MarketDescriptionParser.Parse(description).Technologies);

    [Theory]
    [InlineData("gadget makers using spreadsheets")]
    [InlineData("Slackers on the beach")]
    [InlineData("ga in Georgia, SMB")]
    [InlineData("startups in the SMB segment")]
    [InlineData("square pegs in round holes")]
    public void WordsThatOnlyLookLikeTools_AreNotTechnologies(string description)
        => Assert.Empty(MarketDescriptionParser.Parse(description).Technologies);

    [Fact]
    public void TheTechnologyCatalogue_HoldsTheCommonB2BStack()
    {
        string[] expected =
        [
            "Salesforce", "HubSpot", "Marketo", "Pardot", "Segment", "Stripe", "Intercom", "Zendesk", "Shopify", "Google Analytics", "Snowflake", "AWS", "Azure",
            "Google Cloud", "Slack", "Jira", "Zoom", "Okta", "Workday", "NetSuite", "QuickBooks", "Xero", "Mailchimp", "Klaviyo", "Drift", "Gong", "Outreach",
            "Salesloft", "Apollo", "ZoomInfo", "Pipedrive", "Zoho", "Freshdesk", "Datadog", "Twilio", "SAP", "Oracle", "Microsoft Dynamics", "Magento",
            "WooCommerce", "BigCommerce", "Webflow", "WordPress", "Auth0", "Mixpanel", "Amplitude", "Hotjar", "Optimizely", "LaunchDarkly", "Sentry", "GitHub",
            "GitLab", "Atlassian", "Notion", "Asana", "Monday.com", "Airtable", "DocuSign", "PandaDoc", "Chargebee", "Recurly", "Paddle",
        ];

        Assert.Empty(expected.Except(MarketVocabulary.KnownTechnologies));
        Assert.True(MarketVocabulary.KnownTechnologies.Count >= 50);
    }

    [Fact]
    public void EveryCatalogueName_IsFoundByItsOwnName()
    {
        foreach (var technology in MarketVocabulary.KnownTechnologies)
        {
            Assert.Contains(technology, MarketDescriptionParser.Parse("using " + technology).Technologies);
        }
    }

    [Theory]
    [InlineData("hiring SDRs", "hiring sdrs")]
    [InlineData("actively hiring account executives in London", "hiring account executives")]
    [InlineData("hiring engineers using Go", "hiring engineers")]
    [InlineData("recently funded", "recently funded")]
    [InlineData("raised Series A", "raised series a")]
    [InlineData("raised a seed round", "raised a seed round")]
    [InlineData("Series B/C", "series b/c")]
    [InlineData("with new funding", "new funding")]
    [InlineData("VC-backed", "vc-backed")]
    [InlineData("expanding", "expanding")]
    [InlineData("expanding to the US", "expanding to the us")]
    [InlineData("high-growth", "high-growth")]
    [InlineData("new VP Sales", "new vp sales")]
    [InlineData("recently acquired", "recently acquired")]
    public void GrowthSignals_AreKeptInLowercase(string description, string signal)
        => Assert.Contains(signal, MarketDescriptionParser.Parse(description).GrowthSignals);

    [Fact]
    public void SelfFunded_IsNotAFundingSignal()
        => Assert.Empty(MarketDescriptionParser.Parse("self-funded SaaS").GrowthSignals);

    [Theory]
    [InlineData("targeting CTOs", "CTO", "C-level", "Engineering")]
    [InlineData("VP Sales", "VP Sales", "VP", "Sales")]
    [InlineData("heads of marketing", "Head of Marketing", "Head", "Marketing")]
    [InlineData("selling to the Vice President of Sales", "Vice President of Sales", "VP", "Sales")]
    [InlineData("targeting HR directors", "HR Director", "Director", "HR")]
    [InlineData("reaching IT managers", "IT Manager", "Manager", "IT")]
    [InlineData("for founders", "Founder", "C-level", "Executive")]
    [InlineData("targeting RevOps leaders", "RevOps Leader", null, "Operations")]
    [InlineData("targeting marketing directors", "Marketing Director", "Director", "Marketing")]
    [InlineData("personas: Chief Revenue Officers", "Chief Revenue Officer", "C-level", "Sales")]
    [InlineData("targeting managing directors", "Managing Director", "C-level", "Executive")]
    [InlineData("talk to heads of customer success", "Head of Customer Success", "Head", "Customer success")]
    public void Personas_GetTitleSeniorityAndDepartment(string description, string title, string? seniority, string? department)
        => Assert.Equal([new BuyerPersona(title, seniority, department)], MarketDescriptionParser.Parse(description).Personas);

    [Fact]
    public void SeveralPersonas_InOnePhrase_AreEachRead()
    {
        var market = MarketDescriptionParser.Parse("targeting CFOs, controllers and heads of finance");

        Assert.Equal(
            [new BuyerPersona("CFO", "C-level", "Finance"), new BuyerPersona("Controller", null, "Finance"), new BuyerPersona("Head of Finance", "Head", "Finance")],
            market.Personas);
        Assert.Empty(market.Unparsed);
    }

    [Theory]
    [InlineData("targeting fintech companies")]
    [InlineData("software for dentists")]
    [InlineData("selling to great people")]
    public void WordsAfterTargeting_ThatNameNoRole_AreNotPersonas(string description)
        => Assert.Empty(MarketDescriptionParser.Parse(description).Personas);

    [Theory]
    [InlineData("SaaS, excluding agencies", "agencies")]
    [InlineData("SaaS, not consultancies", "consultancies")]
    [InlineData("SaaS, except competitors", "competitors")]
    [InlineData("SaaS excluding existing customers", "existing customers")]
    [InlineData("SaaS and not resellers", "resellers")]
    [InlineData("SaaS, but not any government bodies", "government bodies")]
    [InlineData("SaaS, no Salesforce partners", "Salesforce partners")]
    public void Exclusions_AreKeptAsWritten(string description, string exclusion)
    {
        var market = MarketDescriptionParser.Parse(description);

        Assert.Equal([exclusion], market.Exclusions);
        Assert.Equal(["Software"], market.Industries);
    }

    [Fact]
    public void AnExcludedIndustry_IsNotAlsoTargeted()
    {
        var market = MarketDescriptionParser.Parse("fintech, excluding banks and insurers");

        Assert.Equal(["Fintech"], market.Industries);
        Assert.Equal(["banks", "insurers"], market.Exclusions);
    }

    [Fact]
    public void PainPoints_AreKeptAsWritten()
        => Assert.Equal(["manual reporting"], MarketDescriptionParser.Parse("logistics firms struggling with manual reporting").PainPoints);

    [Fact]
    public void TheSameWordTwice_IsListedOnce()
    {
        var market = MarketDescriptionParser.Parse("SaaS in Germany, software in Germany, using HubSpot, HubSpot users");

        Assert.Equal(["Software"], market.Industries);
        Assert.Equal(["DE"], market.Geographies);
        Assert.Equal(["HubSpot"], market.Technologies);
    }
}
