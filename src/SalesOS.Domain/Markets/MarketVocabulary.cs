namespace SalesOS.Domain.Markets;

/// <summary>
/// The words SalesOS understands in a market description: industries, business models, company
/// sizes, places, technologies and buyer departments, each with the spellings people use for it.
/// Spellings in lowercase match in any case; spellings with capitals match only as written.
/// </summary>
public static class MarketVocabulary
{
    internal static readonly Vocabulary Industries = new(
    [
        ("Software", ["saas", "software", "software companies", "cloud software", "b2b software", "paas", "iaas"]),
        ("Fintech", ["fintech", "fintechs", "financial technology", "payments", "payment providers", "neobanks", "wealthtech", "regtech", "lending"]),
        ("Healthtech", ["healthtech", "health tech", "health-tech", "digital health", "medtech", "medical technology"]),
        ("Healthcare", ["healthcare", "health care", "hospitals", "clinics", "medical practices"]),
        ("E-commerce", ["e-commerce", "ecommerce", "online retail", "online retailers", "online stores", "online shops", "dtc", "dtc brands", "direct-to-consumer"]),
        ("Manufacturing", ["manufacturing", "manufacturers", "industrial", "industrials"]),
        ("Logistics", ["logistics", "supply chain", "freight", "shipping", "transportation", "3pl", "3pls"]),
        ("Real estate", ["real estate", "proptech", "property management", "real estate agencies", "real estate agents", "estate agents", "realtors"]),
        ("Insurance", ["insurance", "insurers", "insurtech", "insurtechs", "insurance agencies", "insurance brokers"]),
        ("Education", ["education", "edtech", "ed-tech", "e-learning", "elearning", "higher education", "universities", "schools"]),
        ("Marketing agencies", ["marketing agency", "marketing agencies", "digital agencies", "creative agencies", "advertising agencies", "agency", "agencies"]),
        ("Cybersecurity", ["cybersecurity", "cyber security", "security", "infosec"]),
        ("HR tech", ["hr tech", "hrtech", "hr-tech", "hr software", "hris", "recruiting software", "hr technology"]),
        ("Legal", ["legal", "legaltech", "legal tech", "law firms"]),
        ("Media", ["media", "publishing", "publishers", "entertainment"]),
        ("Telecom", ["telecom", "telecoms", "telecommunications", "telco", "telcos"]),
        ("Energy", ["energy", "cleantech", "climate tech", "climatetech", "renewables", "utilities", "oil and gas"]),
        ("Biotech", ["biotech", "biotechs", "life sciences", "pharma", "pharmaceutical", "pharmaceuticals"]),
        ("Retail", ["retail", "retailers"]),
        ("Construction", ["construction", "contech", "construction tech"]),
        ("Hospitality", ["hospitality", "hotels", "restaurants"]),
        ("Travel", ["travel", "traveltech", "travel tech", "travel agencies"]),
        ("Staffing", ["staffing", "staffing agencies", "recruitment agencies", "recruiting agencies"]),
        ("Banking", ["banking", "banks"]),
        ("Consulting", ["consulting", "consultancies", "consulting firms", "professional services"]),
        ("IT services", ["it services", "managed service providers", "msp", "msps"]),
        ("Accounting", ["accounting firms", "accountancies", "accountants"]),
        ("Automotive", ["automotive", "car dealerships"]),
        ("Gaming", ["gaming", "game studios"]),
        ("Martech", ["martech", "marketing technology"]),
        ("Adtech", ["adtech", "advertising technology"]),
        ("Artificial intelligence", ["ai", "artificial intelligence", "machine learning", "genai", "generative ai"]),
        ("Crypto", ["crypto", "web3", "blockchain"]),
        ("Agriculture", ["agriculture", "agtech", "agritech"]),
        ("Food and beverage", ["food and beverage", "food & beverage", "f&b", "foodtech"]),
        ("Nonprofit", ["nonprofit", "nonprofits", "non-profit", "non-profits", "charities", "ngos"]),
        ("Government", ["government", "public sector", "govtech"]),
    ]);

    internal static readonly Vocabulary BusinessModels = new(
    [
        ("B2B", ["b2b", "business-to-business"]),
        ("B2C", ["b2c", "business-to-consumer"]),
        ("B2B2C", ["b2b2c"]),
        ("D2C", ["d2c", "dtc", "direct-to-consumer", "direct to consumer"]),
        ("B2G", ["b2g"]),
    ]);

    /// <summary>Size words; their employee ranges are in <see cref="SizeRanges"/>.</summary>
    internal static readonly Vocabulary CompanySizes = new(
    [
        ("SMB", ["smb", "smbs", "sme", "smes", "small business", "small businesses", "small companies", "small and medium businesses",
            "small and medium-sized businesses", "small and medium enterprises", "small and medium-sized enterprises", "small and mid-sized businesses"]),
        ("Mid-market", ["mid-market", "midmarket", "mid market", "mid-size", "mid-sized", "midsize", "midsized", "medium-sized", "medium-sized businesses", "mid-size companies"]),
        ("Enterprise", ["enterprise", "enterprises", "large enterprises", "large companies", "fortune 500", "fortune 1000", "global 2000"]),
        ("Startup", ["startup", "startups", "start-up", "start-ups", "early-stage", "early stage"]),
    ]);

    internal static readonly IReadOnlyDictionary<string, (int? Min, int? Max)> SizeRanges = new Dictionary<string, (int?, int?)>
    {
        ["SMB"] = (1, 200),
        ["Mid-market"] = (200, 1000),
        ["Enterprise"] = (1000, null),
        ["Startup"] = (1, 50),
    };

    internal static readonly Vocabulary Places = new(
    [
        // The European Union's 27 members.
        ("AT", ["austria", "austrian"]), ("BE", ["belgium", "belgian"]), ("BG", ["bulgaria", "bulgarian"]), ("HR", ["croatia", "croatian"]),
        ("CY", ["cyprus", "cypriot"]), ("CZ", ["czechia", "czech republic", "czech"]), ("DK", ["denmark", "danish"]), ("EE", ["estonia", "estonian"]),
        ("FI", ["finland", "finnish"]), ("FR", ["france", "french"]), ("DE", ["germany", "german"]), ("GR", ["greece", "greek"]),
        ("HU", ["hungary", "hungarian"]), ("IE", ["ireland", "irish"]), ("IT", ["italy", "italian"]), ("LV", ["latvia", "latvian"]),
        ("LT", ["lithuania", "lithuanian"]), ("LU", ["luxembourg"]), ("MT", ["malta", "maltese"]), ("NL", ["netherlands", "the netherlands", "holland", "dutch"]),
        ("PL", ["poland", "Polish"]), ("PT", ["portugal", "portuguese"]), ("RO", ["romania", "romanian"]), ("SK", ["slovakia", "slovak"]),
        ("SI", ["slovenia", "slovenian"]), ("ES", ["spain", "spanish"]), ("SE", ["sweden", "swedish"]),

        // Elsewhere.
        ("US", ["US", "U.S.", "U.S", "usa", "U.S.A.", "united states", "united states of america", "america", "american"]),
        ("GB", ["uk", "U.K.", "U.K", "united kingdom", "great britain", "britain", "british", "england", "scotland", "wales"]),
        ("CA", ["canada", "canadian"]), ("AU", ["australia", "australian"]), ("NZ", ["new zealand"]), ("CH", ["switzerland", "swiss"]),
        ("NO", ["norway", "norwegian"]), ("IS", ["iceland"]), ("IN", ["india", "indian"]), ("SG", ["singapore"]), ("JP", ["japan", "japanese"]),
        ("KR", ["south korea", "korea"]), ("CN", ["china", "chinese"]), ("HK", ["hong kong"]), ("BR", ["brazil", "brazilian"]), ("MX", ["mexico", "mexican"]),
        ("AR", ["argentina"]), ("CL", ["chile"]), ("CO", ["colombia"]), ("IL", ["israel", "israeli"]), ("AE", ["uae", "united arab emirates", "dubai"]),
        ("SA", ["saudi arabia"]), ("TR", ["turkey", "türkiye"]), ("ZA", ["south africa"]), ("NG", ["nigeria"]), ("KE", ["kenya"]),

        // Regions, kept as the region rather than guessed into countries.
        ("DACH", ["dach"]), ("Nordics", ["nordics", "nordic", "nordic countries", "scandinavia", "scandinavian"]), ("Benelux", ["benelux"]),
        ("Europe", ["europe", "european"]), ("EU", ["EU", "european union"]), ("EMEA", ["emea"]), ("MENA", ["mena", "middle east"]),
        ("North America", ["north america", "north american", "NA", "NAM"]), ("APAC", ["apac", "asia pacific", "asia-pacific"]), ("Asia", ["asia"]),
        ("ANZ", ["anz"]), ("LATAM", ["latam", "latin america", "latin american", "south america"]), ("Africa", ["africa"]),
    ]);

    internal static readonly Vocabulary Technologies = new(
    [
        ("Salesforce", ["salesforce", "sfdc", "salesforce.com"]), ("HubSpot", ["hubspot"]), ("Marketo", ["marketo"]), ("Pardot", ["pardot"]),
        ("Segment", ["segment", "segment.io"]), ("Stripe", ["stripe"]), ("Intercom", ["intercom"]), ("Zendesk", ["zendesk"]), ("Shopify", ["shopify", "shopify plus"]),
        ("Google Analytics", ["google analytics", "GA", "ga4", "universal analytics"]), ("Snowflake", ["snowflake"]), ("AWS", ["aws", "amazon web services"]),
        ("Azure", ["azure", "microsoft azure"]), ("Google Cloud", ["gcp", "google cloud", "google cloud platform"]), ("Slack", ["slack"]), ("Jira", ["jira"]),
        ("Zoom", ["zoom"]), ("Okta", ["okta"]), ("Workday", ["workday"]), ("NetSuite", ["netsuite"]), ("QuickBooks", ["quickbooks", "qbo"]), ("Xero", ["xero"]),
        ("Mailchimp", ["mailchimp"]), ("Klaviyo", ["klaviyo"]), ("Drift", ["drift"]), ("Gong", ["gong", "gong.io"]), ("Outreach", ["outreach", "outreach.io"]),
        ("Salesloft", ["salesloft"]), ("Apollo", ["apollo", "apollo.io"]), ("ZoomInfo", ["zoominfo"]), ("Pipedrive", ["pipedrive"]), ("Zoho", ["zoho", "zoho crm"]),
        ("Freshdesk", ["freshdesk"]), ("Freshworks", ["freshworks"]), ("Datadog", ["datadog"]), ("Twilio", ["twilio"]), ("SAP", ["sap", "sap s/4hana"]), ("Oracle", ["oracle"]),
        ("Microsoft Dynamics", ["microsoft dynamics", "ms dynamics", "dynamics 365", "D365"]), ("Magento", ["magento", "adobe commerce"]),
        ("WooCommerce", ["woocommerce"]), ("BigCommerce", ["bigcommerce"]), ("Webflow", ["webflow"]), ("WordPress", ["wordpress"]), ("Auth0", ["auth0"]),
        ("Mixpanel", ["mixpanel"]), ("Amplitude", ["amplitude"]), ("Hotjar", ["hotjar"]), ("Optimizely", ["optimizely"]), ("LaunchDarkly", ["launchdarkly"]),
        ("Sentry", ["sentry"]), ("GitHub", ["github"]), ("GitLab", ["gitlab"]), ("Atlassian", ["atlassian"]), ("Confluence", ["confluence"]), ("Notion", ["notion"]),
        ("Asana", ["asana"]), ("Monday.com", ["monday.com"]), ("Airtable", ["airtable"]), ("DocuSign", ["docusign"]), ("PandaDoc", ["pandadoc"]),
        ("Chargebee", ["chargebee"]), ("Recurly", ["recurly"]), ("Paddle", ["paddle"]), ("Zuora", ["zuora"]), ("Braintree", ["braintree"]), ("Adyen", ["adyen"]),
        ("PayPal", ["paypal"]), ("Microsoft Teams", ["microsoft teams", "ms teams"]), ("Microsoft 365", ["microsoft 365", "office 365", "o365"]),
        ("Google Workspace", ["google workspace", "g suite", "gsuite"]), ("Tableau", ["tableau"]), ("Looker", ["looker"]), ("Power BI", ["power bi", "powerbi"]),
        ("Databricks", ["databricks"]), ("MongoDB", ["mongodb"]), ("Kubernetes", ["kubernetes", "k8s"]), ("Cloudflare", ["cloudflare"]), ("Vercel", ["vercel"]),
        ("Braze", ["braze"]), ("Iterable", ["iterable"]), ("Gainsight", ["gainsight"]), ("Clari", ["clari"]), ("Calendly", ["calendly"]), ("Figma", ["figma"]),
        ("Miro", ["miro"]), ("ClickUp", ["clickup"]), ("Smartsheet", ["smartsheet"]), ("ServiceNow", ["servicenow"]), ("Gusto", ["gusto"]), ("Rippling", ["rippling"]),
        ("BambooHR", ["bamboohr"]), ("Greenhouse", ["greenhouse"]), ("Lever", ["Lever"]), ("Dropbox", ["dropbox"]), ("Box", ["Box"]), ("Splunk", ["splunk"]),
        ("New Relic", ["new relic"]), ("CrowdStrike", ["crowdstrike"]), ("Vanta", ["vanta"]), ("Drata", ["drata"]), ("Heap", ["Heap"]), ("FullStory", ["fullstory"]),
        ("Contentful", ["contentful"]), ("Algolia", ["algolia"]), ("Square", ["Square"]), ("Front", ["Front"]), ("Help Scout", ["help scout", "helpscout"]),
        ("Close", ["Close", "close.com", "close crm"]), ("Copper", ["Copper", "copper crm"]), ("Attio", ["attio"]), ("Clay", ["Clay", "clay.com"]), ("Lusha", ["lusha"]),
        ("LinkedIn Sales Navigator", ["sales navigator", "linkedin sales navigator"]), ("Marketing Cloud", ["salesforce marketing cloud", "marketing cloud"]),
        ("ActiveCampaign", ["activecampaign"]), ("Clio", ["clio"]), ("Procore", ["procore"]), ("Toast", ["Toast"]), ("Unity", ["Unity"]), ("Brevo", ["brevo", "sendinblue"]), ("SendGrid", ["sendgrid"]), ("Typeform", ["typeform"]),
    ]);

    internal static readonly Vocabulary Departments = new(
    [
        ("Sales", ["sales", "revenue", "cro", "sdr", "bdr", "account executive", "salespeople", "sales rep", "seller"]),
        ("Marketing", ["marketing", "cmo", "growth", "demand generation", "demand gen", "marketer", "brand"]),
        ("Engineering", ["engineering", "cto", "technology", "engineer", "developer", "devops", "r&d"]),
        ("IT", ["it", "cio", "information technology", "systems"]),
        ("Security", ["security", "ciso", "infosec"]),
        ("Data", ["data", "cdo", "analytics", "bi"]),
        ("Product", ["product", "cpo"]),
        ("Finance", ["finance", "cfo", "accounting", "controller", "fp&a"]),
        ("Operations", ["operations", "coo", "ops", "revops", "revenue operations", "sales operations", "marketing operations"]),
        ("HR", ["hr", "people", "talent", "chro", "recruiting", "recruiter", "human resources"]),
        ("Customer success", ["customer success", "support", "customer experience", "cx"]),
        ("Legal", ["legal", "general counsel", "clo"]),
        ("Procurement", ["procurement", "purchasing"]),
        ("Executive", ["ceo", "founder", "co-founder", "owner", "president", "managing director", "c-level", "c-suite", "executive"]),
    ]);

    /// <summary>Every industry the parser can name, for pick lists and for validating hand-written definitions.</summary>
    public static IReadOnlyList<string> KnownIndustries => Industries.Names;

    /// <summary>Every technology in the catalogue, by its canonical name.</summary>
    public static IReadOnlyList<string> KnownTechnologies => Technologies.Names;

    /// <summary>ISO 3166 alpha-2 country codes and region names.</summary>
    public static IReadOnlyList<string> KnownGeographies => Places.Names;

    /// <summary>The industries SalesOS recognises in free text such as a provider's or an import's industry column.</summary>
    public static IReadOnlyList<string> IndustriesIn(string? text) => string.IsNullOrWhiteSpace(text) ? [] : Industries.Find(text);

    /// <summary>The countries (ISO codes) and regions named in free text such as "Berlin, Germany".</summary>
    public static IReadOnlyList<string> PlacesIn(string? text) => string.IsNullOrWhiteSpace(text) ? [] : Places.Find(text);

    /// <summary>The technologies named in free text, by their canonical name.</summary>
    public static IReadOnlyList<string> TechnologiesIn(string? text) => string.IsNullOrWhiteSpace(text) ? [] : Technologies.Find(text);
}
