using SalesOS.Prospecting.Enrichment;
using SalesOS.Prospecting.Ports;

namespace SalesOS.Tests.Prospecting.Enrichment;

public sealed class WebsiteAnalyzerTests
{
    internal static readonly DateTimeOffset Now = new(2026, 4, 15, 12, 0, 0, TimeSpan.Zero);

    internal static CrawledPage Page(PageKind kind, string url, string html, string[]? headers = null, string[]? cookies = null)
    {
        var h = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in headers ?? [])
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            h[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        return new CrawledPage(new Uri(url), kind, 200, html, h, cookies ?? [], HtmlScan.Fingerprint(html), Now);
    }

    internal static WebsiteInsights Analyze(params CrawledPage[] pages) =>
        WebsiteAnalyzer.Analyze(new WebsiteCrawl("acme.com", pages, [], false), Now);

    private static string Wrap(string inner) =>
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Acme</title></head><body><main>{inner}</main></body></html>";

    [Fact]
    public void Every_signature_technology_is_detected_from_its_hand_written_snippet()
    {
        var failures = new List<string>();
        foreach (var tech in TechnologySignatures.All)
        {
            if (!TechnologyFixtures.ByTechnology.TryGetValue(tech.Name, out var fixture))
            {
                failures.Add($"{tech.Name}: no fixture");
                continue;
            }

            var insights = Analyze(Page(PageKind.Home, "https://acme.com/", Wrap(fixture.Html), fixture.Headers, fixture.Cookies));
            var found = insights.Technologies.SingleOrDefault(t => t.Name == tech.Name);
            if (found is null)
            {
                failures.Add($"{tech.Name}: not detected (found {string.Join(", ", insights.Technologies.Select(t => t.Name))})");
            }
            else if (found.Category != tech.Category || found.Evidence.Count == 0 || found.Evidence[0].Url.AbsoluteUri != "https://acme.com/")
            {
                failures.Add($"{tech.Name}: wrong category or evidence");
            }
        }

        Assert.True(TechnologySignatures.All.Count >= 60, $"only {TechnologySignatures.All.Count} technologies");
        Assert.Empty(failures);
    }

    [Fact]
    public void Plain_page_detects_no_technology()
    {
        var html = Wrap("""
            <header><a href="/">Acme</a><nav><a href="/pricing">Pricing</a><a href="/blog">Blog</a><a href="/careers">Careers</a></nav></header>
            <h1>Invoices that pay themselves</h1>
            <p>Acme sends, chases and reconciles invoices so your finance team can close the month in a day. We integrate with
            the accounting tools you already use and our support team answers within the hour.</p>
            <link rel="stylesheet" href="/css/site.css"><script src="/js/app.js"></script><script>document.documentElement.className = 'js';</script>
            <img src="/img/hero.png" alt="Dashboard"><iframe src="/embed/demo"></iframe>
            <footer><p>&copy; 2026 Acme Inc. · <a href="mailto:hello@acme.com">hello@acme.com</a></p></footer>
            """);
        var insights = Analyze(Page(PageKind.Home, "https://acme.com/", html, ["content-type: text/html; charset=utf-8", "cache-control: max-age=60"], ["session=abc; Path=/; HttpOnly"]));
        Assert.Empty(insights.Technologies);
    }

    [Fact]
    public void Realistic_home_page_yields_its_stack_with_evidence()
    {
        var html = $"""
            <!DOCTYPE html><html lang="en"><head>
            <meta charset="utf-8"><title>Acme — Revenue operations, simplified</title>
            {TechnologyFixtures.ByTechnology["Google Tag Manager"].Html}
            <link rel="preconnect" href="https://fonts.gstatic.com" crossorigin>
            <link href="https://fonts.googleapis.com/css2?family=Inter:wght@400;600&display=swap" rel="stylesheet">
            <script src="https://js.stripe.com/v3/" async></script>
            </head><body>
            <div id="__next"><header><a href="/">Acme</a></header><h1>Close more deals</h1></div>
            <script id="__NEXT_DATA__" type="application/json">{"{"}"props":{"{"}{"}"}{"}"}</script>
            {TechnologyFixtures.ByTechnology["Intercom"].Html}
            <script type="text/javascript" id="hs-script-loader" async defer src="//js.hs-scripts.com/4123456.js"></script>
            </body></html>
            """;
        var insights = Analyze(Page(PageKind.Home, "https://www.acme.com/", html, ["server: cloudflare", "cf-ray: 8a1b-FRA", "x-powered-by: Next.js"], ["__hssc=1234.1.1716; Path=/"]));
        var names = insights.Technologies.Select(t => t.Name).Order().ToArray();
        Assert.Equal(new[] { "Cloudflare", "Google Fonts", "Google Tag Manager", "HubSpot", "Intercom", "Next.js", "React", "Stripe" }, names);
        var hubspot = insights.Technologies.Single(t => t.Name == "HubSpot");
        Assert.Contains(hubspot.Evidence, e => e.Signature.Contains("hs-scripts.com", StringComparison.Ordinal) && e.Value.Contains("4123456", StringComparison.Ordinal));
        Assert.Contains(hubspot.Evidence, e => e.Signature.StartsWith("cookie", StringComparison.Ordinal));
        Assert.Equal(TechnologyCategory.Cdn, insights.Technologies.Single(t => t.Name == "Cloudflare").Category);
        Assert.StartsWith("implied by", insights.Technologies.Single(t => t.Name == "React").Evidence[0].Signature, StringComparison.Ordinal);
    }

    [Fact]
    public void Greenhouse_careers_page_gives_roles_with_departments_and_locations()
    {
        var html = Wrap("""
            <h1>Careers at Acme</h1><p>We're hiring across the company.</p>
            <section class="level-0"><h3 id="4011">Sales</h3>
              <div class="opening" department_id="4011"><a data-mapped="true" href="https://boards.greenhouse.io/acme/jobs/5012345">Enterprise Account Executive</a>
              <span class="location">New York, NY</span></div>
              <div class="opening"><a href="https://boards.greenhouse.io/acme/jobs/5012346">Sales Development Representative</a><span class="location">Remote - US</span></div>
            </section>
            <section class="level-0"><h3 id="4012">Engineering</h3>
              <div class="opening"><a href="https://boards.greenhouse.io/acme/jobs/5012347">Senior Backend Engineer</a><span class="location">Berlin, Germany</span></div>
              <div class="opening"><a href="https://boards.greenhouse.io/acme/jobs/5012348">Engineering Manager, Payments</a><span class="location">London</span></div>
            </section>
            <section><h3>Marketing</h3><div class="opening"><a href="https://boards.greenhouse.io/acme/jobs/5012349">Product Marketing Manager</a><span class="location">San Francisco, CA</span></div></section>
            <section><h3>Customer Success</h3><div class="opening"><a href="https://boards.greenhouse.io/acme/jobs/5012350">Customer Success Manager</a><span class="location">Austin, TX</span></div></section>
            <p><a href="https://boards.greenhouse.io/acme">See all jobs</a></p>
            """);
        var insights = Analyze(Page(PageKind.Careers, "https://acme.com/careers", html));
        var roles = insights.Hiring.Roles;
        Assert.Equal(6, roles.Count);
        var ae = roles.Single(r => r.Title == "Enterprise Account Executive");
        Assert.Equal(Department.Sales, ae.Department);
        Assert.Equal("New York, NY", ae.Location);
        Assert.Equal("https://boards.greenhouse.io/acme/jobs/5012345", ae.Url.AbsoluteUri);
        Assert.Equal(Department.Engineering, roles.Single(r => r.Title == "Engineering Manager, Payments").Department);
        Assert.Equal("Remote - US", roles.Single(r => r.Title == "Sales Development Representative").Location);
        Assert.Equal(2, insights.Hiring.CountsByDepartment[Department.Sales]);
        Assert.Equal(2, insights.Hiring.CountsByDepartment[Department.Engineering]);
        Assert.Equal(1, insights.Hiring.CountsByDepartment[Department.Marketing]);
        Assert.Equal(1, insights.Hiring.CountsByDepartment[Department.CustomerSuccess]);
        Assert.Contains(insights.Technologies, t => t.Name == "Greenhouse");
    }

    [Fact]
    public void Lever_list_and_json_ld_job_postings_are_read()
    {
        var lever = Wrap("""
            <div class="postings-group"><div class="large-category-header">Finance</div>
            <div class="posting" data-qa-posting-id="a1"><a class="posting-title" href="https://jobs.lever.co/acme/a1b2c3d4-0000-1111-2222-333344445555"><h5 data-qa="posting-name">Senior Accountant</h5><div class="posting-categories"><span href="#" class="sort-by-location posting-category small-category-label location">Dublin</span><span class="sort-by-commitment posting-category small-category-label commitment">Full-time</span></div></a></div>
            <div class="posting"><a class="posting-title" href="https://jobs.lever.co/acme/b1b2c3d4-0000-1111-2222-333344445555"><h5 data-qa="posting-name">Technical Recruiter</h5><div class="posting-categories"><span class="sort-by-location posting-category small-category-label location">Remote</span></div></a></div>
            </div>
            """);
        var jsonLd = Wrap("""
            <h1>Open roles</h1>
            <script type="application/ld+json">
            {"@context":"https://schema.org/","@graph":[
              {"@type":"JobPosting","title":"Staff Product Designer","datePosted":"2026-03-01","url":"/careers/staff-product-designer",
               "hiringOrganization":{"@type":"Organization","name":"Acme"},
               "jobLocation":{"@type":"Place","address":{"@type":"PostalAddress","addressLocality":"Amsterdam","addressCountry":"NL"}}},
              {"@type":"JobPosting","title":"Operations Manager","jobLocationType":"TELECOMMUTE","url":"https://acme.com/careers/ops"}
            ]}
            </script>
            """);
        var insights = Analyze(Page(PageKind.Careers, "https://acme.com/careers", lever), Page(PageKind.Careers, "https://acme.com/jobs", jsonLd));
        var byTitle = insights.Hiring.Roles.ToDictionary(r => r.Title);
        Assert.Equal(4, byTitle.Count);
        Assert.Equal((Department.Finance, "Dublin"), (byTitle["Senior Accountant"].Department, byTitle["Senior Accountant"].Location));
        Assert.Equal((Department.HumanResources, "Remote"), (byTitle["Technical Recruiter"].Department, byTitle["Technical Recruiter"].Location));
        Assert.Equal((Department.Product, "Amsterdam, NL"), (byTitle["Staff Product Designer"].Department, byTitle["Staff Product Designer"].Location));
        Assert.Equal("https://acme.com/careers/staff-product-designer", byTitle["Staff Product Designer"].Url.AbsoluteUri);
        Assert.Equal((Department.Operations, "Remote"), (byTitle["Operations Manager"].Department, byTitle["Operations Manager"].Location));
    }

    [Theory]
    [InlineData("Account Executive, Mid-Market", Department.Sales)]
    [InlineData("BDR (German speaking)", Department.Sales)]
    [InlineData("Sales Engineer", Department.Sales)]
    [InlineData("Product Marketing Manager", Department.Marketing)]
    [InlineData("Head of Demand Generation", Department.Marketing)]
    [InlineData("Senior Software Engineer, Platform", Department.Engineering)]
    [InlineData("Site Reliability Engineer", Department.Engineering)]
    [InlineData("Engineering Manager, Support Tools", Department.Engineering)]
    [InlineData("Senior Product Manager", Department.Product)]
    [InlineData("UX Researcher", Department.Product)]
    [InlineData("Customer Success Manager", Department.CustomerSuccess)]
    [InlineData("Technical Support Specialist", Department.CustomerSuccess)]
    [InlineData("FP&A Analyst", Department.Finance)]
    [InlineData("Senior Accountant", Department.Finance)]
    [InlineData("People Partner", Department.HumanResources)]
    [InlineData("Talent Acquisition Lead", Department.HumanResources)]
    [InlineData("Office Manager", Department.Operations)]
    [InlineData("Legal Counsel", Department.Operations)]
    [InlineData("Executive Chef", Department.Other)]
    public void Department_comes_from_the_title(string title, Department expected) =>
        Assert.Equal(expected, WebsiteAnalyzer.DepartmentOf(title));

    [Fact]
    public void Newsroom_gives_dated_news_and_funding_with_amount_round_and_date()
    {
        var html = Wrap("""
            <h1>Newsroom</h1>
            <article class="card"><time datetime="2026-03-03T09:00:00Z">March 3, 2026</time>
              <h2><a href="/news/series-b">Acme raised $20M in Series B to take invoice automation to Europe</a></h2>
              <p>The round was led by Example Ventures with participation from existing investors.</p></article>
            <article class="card"><h2><a href="/news/seed">Acme announces €5 million seed round</a></h2>
              <p class="date">14 October 2024</p><p>Acme, the Berlin-based startup, today announced a €5 million seed round to hire its first engineers.</p></article>
            <article class="card"><h2>Acme closes Series A funding</h2><p>Posted 2025-06-30. Acme has closed its Series A funding round, led by Example Capital.</p></article>
            <article class="card"><h2>Acme opens a second office in Lisbon</h2><p>Published Jan 12, 2026 — We are excited to welcome our first colleagues in Portugal to the company.</p></article>
            <article class="card"><h2>Our thoughts on the future of work</h2><p>No date on this one, and no funding either; it should not appear.</p></article>
            """);
        var insights = Analyze(Page(PageKind.News, "https://acme.com/news", html));

        Assert.Equal(4, insights.News.Count);
        var opening = insights.News.Single(n => n.Headline.Contains("Lisbon", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2026, 1, 12), opening.Date);
        Assert.True(opening.Snippet.Length <= 200);

        Assert.Equal(3, insights.Funding.Count);
        var b = insights.Funding.Single(f => f.Round == "Series B");
        Assert.Equal((20_000_000m, "USD", new DateOnly(2026, 3, 3)), (b.Amount!.Value, b.Currency!, b.Date!.Value));
        Assert.Equal("https://acme.com/news/series-b", b.Url.AbsoluteUri);
        var seed = insights.Funding.Single(f => f.Round == "Seed");
        Assert.Equal((5_000_000m, "EUR", new DateOnly(2024, 10, 14)), (seed.Amount!.Value, seed.Currency!, seed.Date!.Value));
        var a = insights.Funding.Single(f => f.Round == "Series A");
        Assert.Null(a.Amount);
        Assert.Equal(new DateOnly(2025, 6, 30), a.Date);
        Assert.All(insights.Funding, f => Assert.True(f.Snippet.Length <= 200));
    }

    [Fact]
    public void Blog_json_ld_articles_and_future_dates()
    {
        var html = Wrap("""
            <script type="application/ld+json">[{"@context":"https://schema.org","@type":"BlogPosting","headline":"How we cut churn by 30%","datePublished":"2025-11-20T08:00:00+00:00","url":"https://acme.com/blog/churn"},
            {"@context":"https://schema.org","@type":"NewsArticle","headline":"Acme raises $12.5 million Series A","datePublished":"2025-02-10","description":"Acme has raised $12.5 million in Series A financing."}]</script>
            <article><h2>Webinar: planning for 2027 budgets</h2><p>Join us on March 1, 2027 for a live session.</p></article>
            """);
        var insights = Analyze(Page(PageKind.Blog, "https://acme.com/blog", html));
        Assert.Equal(new DateOnly(2025, 11, 20), insights.News.Single(n => n.Headline.StartsWith("How we cut", StringComparison.Ordinal)).Date);
        var funding = Assert.Single(insights.Funding);
        Assert.Equal((12_500_000m, "Series A", new DateOnly(2025, 2, 10)), (funding.Amount!.Value, funding.Round!, funding.Date!.Value));
        Assert.DoesNotContain(insights.News, n => n.Headline.StartsWith("Webinar", StringComparison.Ordinal));
    }

    [Fact]
    public void Pricing_page_with_tiers_seats_and_trial()
    {
        var html = Wrap("""
            <h1>Plans for teams of every size</h1><p>Start your 14-day free trial. No credit card required.</p>
            <div class="tier"><h3>Starter</h3><p class="price"><span>$</span>29</p><p>per user / month, billed annually</p></div>
            <div class="tier"><h3>Pro</h3><p class="price">$79 /user/month</p></div>
            <div class="tier"><h3>Enterprise</h3><p>Custom pricing with SSO and audit logs. <a href="/contact">Contact sales</a></p></div>
            """);
        var p = Analyze(Page(PageKind.Pricing, "https://acme.com/pricing", html)).Pricing;
        Assert.True(p.Has(PricingModel.FreeTrial));
        Assert.True(p.Has(PricingModel.PerSeat));
        Assert.True(p.Has(PricingModel.Tiered));
        Assert.True(p.Has(PricingModel.ContactSales));
        Assert.False(p.Has(PricingModel.EnterpriseOnly));
        Assert.False(p.Has(PricingModel.Freemium));
        Assert.Equal(new[] { 29m, 79m }, p.PricePoints.Select(x => x.Amount).Order().ToArray());
        Assert.Contains(p.Evidence, e => e.Model == PricingModel.FreeTrial && e.Snippet.Contains("14-day free trial", StringComparison.Ordinal));
    }

    [Fact]
    public void Pricing_page_with_only_contact_sales_is_enterprise_only_and_usage_based_is_seen()
    {
        var enterprise = Analyze(Page(PageKind.Pricing, "https://acme.com/pricing", Wrap("<h1>Pricing</h1><p>Every deployment is different. Talk to sales for a quote tailored to your fleet.</p>"))).Pricing;
        Assert.True(enterprise.Has(PricingModel.ContactSales | PricingModel.EnterpriseOnly));
        Assert.Empty(enterprise.PricePoints);

        var usage = Analyze(Page(PageKind.Pricing, "https://acme.com/pricing", Wrap("<h1>Pricing</h1><h3>Free plan</h3><p>$0 for the first 10,000 requests each month.</p><h3>Pay as you go</h3><p>$0.50 per 1,000 requests after that.</p>"))).Pricing;
        Assert.True(usage.Has(PricingModel.UsageBased));
        Assert.True(usage.Has(PricingModel.Freemium));
        Assert.False(usage.Has(PricingModel.EnterpriseOnly));
    }

    [Fact]
    public void Team_page_cards_json_ld_and_emails()
    {
        var html = Wrap("""
            <h1>Meet the team</h1>
            <div class="team-grid">
              <div class="member"><img src="/img/ana.jpg" alt=""><h3>Ana García</h3><p class="role">Co-Founder &amp; CEO</p></div>
              <div class="member"><img src="/img/tom.jpg" alt=""><h4 class="name">Tom O'Neill</h4><span class="title">VP of Sales</span></div>
              <div class="member"><strong>Priya Patel</strong><br><span>Head of Engineering</span></div>
              <li>Jonas Weber, Director of Customer Success</li>
            </div>
            <h2>Our values</h2><p>Customers first. We write things down.</p>
            <p>Press: <a href="mailto:press@acme.com?subject=Hello">press@acme.com</a>. Reach Ana at ana.garcia@acme.com.</p>
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","name":"Acme","employee":[{"@type":"Person","name":"Lena Fischer","jobTitle":"Chief Financial Officer"}]}</script>
            """);
        var insights = Analyze(Page(PageKind.Team, "https://acme.com/team", html));
        var people = insights.People.ToDictionary(p => p.Name, p => p.Title);
        Assert.Equal("Co-Founder & CEO", people["Ana García"]);
        Assert.Equal("VP of Sales", people["Tom O'Neill"]);
        Assert.Equal("Head of Engineering", people["Priya Patel"]);
        Assert.Equal("Director of Customer Success", people["Jonas Weber"]);
        Assert.Equal("Chief Financial Officer", people["Lena Fischer"]);
        Assert.Equal(5, people.Count);
        Assert.All(insights.People, p => Assert.Equal("https://acme.com/team", p.Url.AbsoluteUri));
        Assert.Equal(new[] { "ana.garcia@acme.com", "press@acme.com" }, insights.Emails);
    }

    [Fact]
    public void Fingerprint_ignores_whitespace_and_markup_but_not_text()
    {
        var a = "<html><head><style>p{color:red}</style><script>var t = Date.now();</script></head><body><h1>Pricing</h1><p>Starter   $29\n per month</p></body></html>";
        var b = "<html>\n<body>\n  <h1>\n Pricing </h1>\n\n<p>Starter $29 per\tmonth</p>\n<script>var t = 1716000000;</script></body></html>";
        var c = "<html><body><h1>Pricing</h1><p>Starter $39 per month</p></body></html>";
        Assert.Equal(HtmlScan.Fingerprint(a), HtmlScan.Fingerprint(b));
        Assert.NotEqual(HtmlScan.Fingerprint(a), HtmlScan.Fingerprint(c));
        Assert.Matches("^[0-9a-f]{64}$", HtmlScan.Fingerprint(a));

        var insights = Analyze(Page(PageKind.Pricing, "https://acme.com/pricing", a));
        Assert.Equal(HtmlScan.Fingerprint(a), insights.PageFingerprints[new Uri("https://acme.com/pricing")].Fingerprint);
        Assert.Equal(PageKind.Pricing, insights.PageFingerprints[new Uri("https://acme.com/pricing")].Kind);
    }
}
