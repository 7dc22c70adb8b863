using System.Globalization;
using System.Net;
using System.Text;
using SalesOS.Prospecting.Enrichment;

namespace SalesOS.Prospecting.Demo;

public sealed record SampleRole(string Title, Department Department, string Location);

public sealed record SampleNewsItem(DateOnly Date, string Headline, decimal? FundingAmount = null, string? FundingRound = null, string Currency = "USD");

public sealed record SampleTeamMember(string Name, string Title);

/// <summary>A made-up company whose website SalesOS can render, crawl and analyse without the internet.</summary>
public sealed record SampleCompanyProfile(
    string Domain,
    string Name,
    string Industry,
    int Employees,
    string Country,
    string City,
    IReadOnlyList<string> Technologies,
    IReadOnlyList<SampleRole> OpenRoles,
    IReadOnlyList<SampleNewsItem> News,
    IReadOnlyList<SampleTeamMember> Team,
    PricingModel Pricing);

public sealed record SamplePage(int StatusCode, string ContentType, string Body, IReadOnlyList<KeyValuePair<string, string>> Headers);

/// <summary>
/// Renders a sample company's website page by page, deterministically, with the snippets real vendors put in
/// real pages (script hosts, inline loaders, cookies and platform headers), so the crawler and the analyzer
/// meet in the demo what they meet on the web.
/// </summary>
public static class SampleWebsite
{
    public static IReadOnlyList<string> Paths { get; } = ["/", "/robots.txt", "/sitemap.xml", "/careers", "/blog", "/news", "/pricing", "/about", "/team"];

    /// <summary>Technologies the sample website can embed (a subset of <see cref="TechnologySignatures.All"/>).</summary>
    public static IReadOnlyList<string> RenderableTechnologies => [.. Snippets.Keys];

    private sealed record Snippet(string Head = "", string Body = "", string[]? Headers = null, string[]? Cookies = null);

    private static readonly Dictionary<string, Snippet> Snippets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["HubSpot"] = new(Body: "<script type=\"text/javascript\" id=\"hs-script-loader\" async defer src=\"//js.hs-scripts.com/{id}.js\"></script>", Cookies: ["__hssrc=1", "hubspotutk={hex}"]),
        ["Pardot"] = new(Body: "<script type=\"text/javascript\">piAId = '{id}'; piCId = ''; piHostname = 'pi.pardot.com'; (function() { function async_load(){ var s = document.createElement('script'); s.type = 'text/javascript'; s.src = ('https:' == document.location.protocol ? 'https://pi' : 'http://cdn') + '.pardot.com/pd.js'; var c = document.getElementsByTagName('script')[0]; c.parentNode.insertBefore(s, c); } window.addEventListener('load', async_load, false); })();</script>"),
        ["Marketo"] = new(Body: "<script type=\"text/javascript\">(function() { var didInit = false; function initMunchkin() { if(didInit === false) { didInit = true; Munchkin.init('{id3}-ABC-{id}'); } } var s = document.createElement('script'); s.type = 'text/javascript'; s.async = true; s.src = '//munchkin.marketo.net/munchkin.js'; s.onload = initMunchkin; document.getElementsByTagName('head')[0].appendChild(s); })();</script>", Cookies: ["_mkto_trk=id:{id3}-ABC-{id}&token:_mch-{slug}"]),
        ["Segment"] = new(Head: "<script>!function(){var analytics=window.analytics=window.analytics||[];analytics.load=function(key){var t=document.createElement(\"script\");t.type=\"text/javascript\";t.async=!0;t.src=\"https://cdn.segment.com/analytics.js/v1/\"+key+\"/analytics.min.js\";var n=document.getElementsByTagName(\"script\")[0];n.parentNode.insertBefore(t,n)};analytics.load(\"{hex}\");analytics.page();}();</script>"),
        ["Stripe"] = new(Head: "<script src=\"https://js.stripe.com/v3/\"></script>", Cookies: ["__stripe_mid={hex}"]),
        ["Intercom"] = new(Body: "<script>window.intercomSettings = { api_base: \"https://api-iam.intercom.io\", app_id: \"{slug}\" };</script><script>(function(){var w=window;var ic=w.Intercom;var d=document;var l=function(){var s=d.createElement('script');s.type='text/javascript';s.async=true;s.src='https://widget.intercom.io/widget/{slug}';var x=d.getElementsByTagName('script')[0];x.parentNode.insertBefore(s,x);};l();})();</script>"),
        ["Zendesk"] = new(Body: "<script id=\"ze-snippet\" src=\"https://static.zdassets.com/ekr/snippet.js?key={hex}\"></script>"),
        ["Drift"] = new(Body: "<script>\"use strict\";!function(){var t=window.driftt=window.drift=window.driftt||[];t.load=function(e){var o=3e5,i=Math.ceil(new Date/o)*o,r=document.createElement(\"script\");r.type=\"text/javascript\",r.async=!0,r.crossorigin=\"anonymous\",r.src=\"https://js.driftt.com/include/\"+i+\"/\"+e+\".js\";var n=document.getElementsByTagName(\"script\")[0];n.parentNode.insertBefore(r,n)}}();drift.SNIPPET_VERSION='0.3.1';drift.load('{slug}');</script>"),
        ["Shopify"] = new(Head: "<link rel=\"stylesheet\" href=\"//cdn.shopify.com/s/files/1/0{id}/assets/theme.css\"><script>var Shopify = Shopify || {}; Shopify.shop = \"{slug}.myshopify.com\";</script>", Headers: ["x-shopid: {id}"], Cookies: ["_shopify_y={hex}"]),
        ["Google Analytics"] = new(Head: "<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-{ID}\"></script><script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', 'G-{ID}');</script>"),
        ["Google Tag Manager"] = new(Head: "<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start': new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0], j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src= 'https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f); })(window,document,'script','dataLayer','GTM-{ID}');</script>", Body: "<noscript><iframe src=\"https://www.googletagmanager.com/ns.html?id=GTM-{ID}\" height=\"0\" width=\"0\" style=\"display:none;visibility:hidden\"></iframe></noscript>"),
        ["Hotjar"] = new(Head: "<script>(function(h,o,t,j,a,r){ h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)}; h._hjSettings={hjid:{id},hjsv:6}; a=o.getElementsByTagName('head')[0]; r=o.createElement('script');r.async=1; r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv; a.appendChild(r); })(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');</script>"),
        ["Mixpanel"] = new(Head: "<script src=\"https://cdn.mxpnl.com/libs/mixpanel-2-latest.min.js\"></script><script>mixpanel.init(\"{hex}\");</script>"),
        ["Amplitude"] = new(Head: "<script src=\"https://cdn.amplitude.com/libs/analytics-browser-2.11.1-min.js.gz\"></script>", Cookies: ["AMP_{hex}=JTdCJTIy"]),
        ["Heap"] = new(Head: "<script type=\"text/javascript\">window.heap=window.heap||[],heap.load=function(e,t){window.heap.appid=e,window.heap.config=t=t||{};var r=document.createElement(\"script\");r.type=\"text/javascript\",r.async=!0,r.src=\"https://cdn.heapanalytics.com/js/heap-\"+e+\".js\";var a=document.getElementsByTagName(\"script\")[0];a.parentNode.insertBefore(r,a)};heap.load(\"{id}\");</script>"),
        ["LinkedIn Insight Tag"] = new(Body: "<script type=\"text/javascript\">_linkedin_partner_id = \"{id}\"; window._linkedin_data_partner_ids = window._linkedin_data_partner_ids || []; window._linkedin_data_partner_ids.push(_linkedin_partner_id);</script><script type=\"text/javascript\">(function(l) { var s = document.getElementsByTagName(\"script\")[0]; var b = document.createElement(\"script\"); b.type = \"text/javascript\";b.async = true; b.src = \"https://snap.licdn.com/li.lms-analytics/insight.min.js\"; s.parentNode.insertBefore(b, s);})(window.lintrk);</script><noscript><img height=\"1\" width=\"1\" style=\"display:none;\" alt=\"\" src=\"https://px.ads.linkedin.com/collect/?pid={id}&fmt=gif\" /></noscript>"),
        ["Facebook Pixel"] = new(Head: "<script>!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?n.callMethod.apply(n,arguments):n.queue.push(arguments)};t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window, document,'script','https://connect.facebook.net/en_US/fbevents.js');fbq('init', '{id}');fbq('track', 'PageView');</script>", Cookies: ["_fbp=fb.1.{id}.{id3}"]),
        ["Optimizely"] = new(Head: "<script src=\"https://cdn.optimizely.com/js/{id}.js\"></script>"),
        ["Cloudflare"] = new(Headers: ["server: cloudflare", "cf-ray: {hex}-FRA"], Cookies: ["__cf_bm={hex}"]),
        ["Fastly"] = new(Headers: ["x-served-by: cache-fra-etou8220{id3}-FRA", "x-fastly-request-id: {hex}"]),
        ["Amazon CloudFront"] = new(Headers: ["via: 1.1 {hex}.cloudfront.net (CloudFront)", "x-amz-cf-pop: FRA56-P1", "x-amz-cf-id: {hex}=="]),
        ["Vercel"] = new(Headers: ["server: Vercel", "x-vercel-id: fra1::iad1::{slug}-{id}", "x-vercel-cache: HIT"]),
        ["Netlify"] = new(Headers: ["server: Netlify", "x-nf-request-id: 01J{ID}"]),
        ["WordPress"] = new(Head: "<meta name=\"generator\" content=\"WordPress 6.5.3\" /><link rel='stylesheet' id='wp-block-library-css' href='/wp-includes/css/dist/block-library/style.min.css?ver=6.5.3' media='all' /><link rel=\"https://api.w.org/\" href=\"/wp-json/\" />"),
        ["Webflow"] = new(Head: "<meta content=\"Webflow\" name=\"generator\"/><link href=\"https://assets-global.website-files.com/{hex}/css/{slug}.webflow.css\" rel=\"stylesheet\" type=\"text/css\"/>"),
        ["Next.js"] = new(Body: "<script id=\"__NEXT_DATA__\" type=\"application/json\">{\"props\":{\"pageProps\":{}},\"page\":\"/\",\"query\":{},\"buildId\":\"{hex}\"}</script><script src=\"/_next/static/chunks/main-{hex}.js\" defer=\"\"></script>", Headers: ["x-powered-by: Next.js"]),
        ["jQuery"] = new(Head: "<script src=\"https://code.jquery.com/jquery-3.7.1.min.js\" integrity=\"sha256-/JqT3SQfawRcv/BIHPThkBvs0OEvtFFmqPF/lYI/Cxo=\" crossorigin=\"anonymous\"></script>"),
        ["Bootstrap"] = new(Head: "<link href=\"https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/css/bootstrap.min.css\" rel=\"stylesheet\">"),
        ["Calendly"] = new(Head: "<link href=\"https://assets.calendly.com/assets/external/widget.css\" rel=\"stylesheet\"><script src=\"https://assets.calendly.com/assets/external/widget.js\" type=\"text/javascript\" async></script>"),
        ["ZoomInfo WebSights"] = new(Body: "<script>window[(function(_Bx,_xj){var _i='';for(var _q=0;_q<_Bx.length;_q++){_i+=_Bx[_q]}return _i})('ZoomInfo')]=true;var zi=document.createElement('script');(zi.type='text/javascript'),(zi.async=true),(zi.src='https://js.zi-scripts.com/zi-tag.js'),document.readyState==='complete'?document.body.appendChild(zi):window.addEventListener('load',function(){document.body.appendChild(zi)});</script>"),
        ["6sense"] = new(Body: "<script id=\"6senseWebTag\" src=\"https://j.6sc.co/j/{hex}.js\"></script>"),
        ["Qualified"] = new(Body: "<script>(function(w,q){w['QualifiedObject']=q;w[q]=w[q]||function(){(w[q].q=w[q].q||[]).push(arguments)};})(window,'qualified')</script><script async src=\"https://js.qualified.com/qualified.js?token={slug}\"></script>"),
        ["Sentry"] = new(Head: "<script src=\"https://js.sentry-cdn.com/{hex}.min.js\" crossorigin=\"anonymous\"></script>"),
        ["OneTrust"] = new(Head: "<script src=\"https://cdn.cookielaw.org/scripttemplates/otSDKStub.js\" type=\"text/javascript\" charset=\"UTF-8\" data-domain-script=\"{hex}\"></script><script type=\"text/javascript\">function OptanonWrapper() { }</script>"),
        ["Cookiebot"] = new(Head: "<script id=\"Cookiebot\" src=\"https://consent.cookiebot.com/uc.js\" data-cbid=\"{hex}\" data-blockingmode=\"auto\" type=\"text/javascript\"></script>"),
        ["Google Fonts"] = new(Head: "<link rel=\"preconnect\" href=\"https://fonts.gstatic.com\" crossorigin><link href=\"https://fonts.googleapis.com/css2?family=Inter:wght@400;600&display=swap\" rel=\"stylesheet\">"),
        ["reCAPTCHA"] = new(Head: "<script src=\"https://www.google.com/recaptcha/api.js\" async defer></script>"),
        ["Wistia"] = new(Body: "<script src=\"https://fast.wistia.com/embed/medias/{slug}.jsonp\" async></script><script src=\"https://fast.wistia.com/assets/external/E-v1.js\" async></script>"),
        ["Crisp"] = new(Body: "<script type=\"text/javascript\">window.$crisp=[];window.CRISP_WEBSITE_ID=\"{hex}\";(function(){d=document;s=d.createElement(\"script\");s.src=\"https://client.crisp.chat/l.js\";s.async=1;d.getElementsByTagName(\"head\")[0].appendChild(s);})();</script>"),
        ["Chargebee"] = new(Head: "<script src=\"https://js.chargebee.com/v2/chargebee.js\" data-cb-site=\"{slug}\"></script>"),
        ["Paddle"] = new(Head: "<script src=\"https://cdn.paddle.com/paddle/v2/paddle.js\"></script><script type=\"text/javascript\">Paddle.Initialize({ token: 'live_{hex}' });</script>"),
        ["Greenhouse"] = new(),
        ["Lever"] = new(),
        ["Ashby"] = new(),
    };

    public static SamplePage? Render(SampleCompanyProfile profile, string path)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(path);
        var q = path.IndexOf('?', StringComparison.Ordinal);
        path = (q < 0 ? path : path[..q]).TrimEnd('/');
        return path switch
        {
            "" => Html(profile, "Home", HomeBody(profile)),
            "/robots.txt" => Text("text/plain; charset=utf-8", $"User-agent: *\nDisallow: /admin/\nDisallow: /cart\n\nSitemap: https://{profile.Domain}/sitemap.xml\n"),
            "/sitemap.xml" => Text("application/xml; charset=utf-8", Sitemap(profile)),
            "/careers" => Html(profile, "Careers", CareersBody(profile)),
            "/blog" => Html(profile, "Blog", BlogBody(profile)),
            "/news" => Html(profile, "Newsroom", NewsBody(profile)),
            "/pricing" => Html(profile, "Pricing", PricingBody(profile)),
            "/about" => Html(profile, "About us", AboutBody(profile)),
            "/team" => Html(profile, "Our team", TeamBody(profile)),
            _ => null,
        };
    }

    private static SamplePage Text(string contentType, string body) => new(200, contentType, body, []);

    private static SamplePage Html(SampleCompanyProfile p, string title, string body)
    {
        var head = new StringBuilder();
        var tail = new StringBuilder();
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var tech in p.Technologies)
        {
            if (!Snippets.TryGetValue(tech, out var s))
            {
                continue;
            }

            head.Append(Fill(s.Head, p)).Append('\n');
            tail.Append(Fill(s.Body, p)).Append('\n');
            foreach (var h in s.Headers ?? [])
            {
                var colon = h.IndexOf(':', StringComparison.Ordinal);
                headers.Add(new(h[..colon], Fill(h[(colon + 1)..].Trim(), p)));
            }

            foreach (var c in s.Cookies ?? [])
            {
                headers.Add(new("Set-Cookie", Fill(c, p) + $"; Path=/; Domain=.{p.Domain}; Max-Age=15552000; SameSite=Lax"));
            }
        }

        var e = WebUtility.HtmlEncode(p.Name);
        var html = $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{WebUtility.HtmlEncode(title)}} | {{e}}</title>
            <meta name="description" content="{{e}} builds {{WebUtility.HtmlEncode(p.Industry.ToLowerInvariant())}} software for teams in {{WebUtility.HtmlEncode(p.Country)}}.">
            <link rel="icon" href="/favicon.ico">
            <link rel="stylesheet" href="/assets/site.css">
            {{head}}</head>
            <body>
            <header class="site-header">
              <a class="logo" href="/">{{e}}</a>
              <nav class="main-nav">
                <a href="/pricing">Pricing</a>
                <a href="/about">About</a>
                <a href="/team">Team</a>
                <a href="/blog">Blog</a>
                <a href="/news">Newsroom</a>
                <a href="/careers">Careers</a>
                <a class="btn" href="/pricing#demo">Book a demo</a>
              </nav>
            </header>
            <main>
            {{body}}
            </main>
            <footer class="site-footer">
              <p>&copy; {{e}}. All rights reserved. {{WebUtility.HtmlEncode(p.City)}}, {{WebUtility.HtmlEncode(p.Country)}}.</p>
              <p><a href="mailto:hello@{{p.Domain}}">hello@{{p.Domain}}</a> · <a href="/privacy">Privacy</a> · <a href="/terms">Terms</a></p>
            </footer>
            {{tail}}</body>
            </html>
            """;
        return new SamplePage(200, "text/html; charset=utf-8", html, headers);
    }

    private static string HomeBody(SampleCompanyProfile p)
    {
        var industry = WebUtility.HtmlEncode(p.Industry.ToLowerInvariant());
        return $"""
            <section class="hero">
              <h1>The {industry} platform teams actually enjoy using</h1>
              <p>{WebUtility.HtmlEncode(p.Name)} helps {p.Employees switch { < 50 => "growing", < 500 => "mid-size", _ => "global" }} companies run {industry} operations with less busywork. Trusted by teams in {WebUtility.HtmlEncode(p.Country)} and beyond.</p>
              <a class="btn" href="/pricing">See pricing</a> <a class="btn-secondary" href="/about">Learn more about us</a>
            </section>
            <section class="features">
              <h2>Why teams switch</h2>
              <ul><li>Set up in an afternoon</li><li>Integrates with the tools you already use</li><li>Support from real people</li></ul>
            </section>
            """;
    }

    private static string CareersBody(SampleCompanyProfile p)
    {
        var sb = new StringBuilder();
        var slug = Slug(p);
        sb.Append("<section class=\"careers\"><h1>Join our team</h1><p>We are a team of ").Append(p.Employees.ToString(CultureInfo.InvariantCulture))
          .Append(" people building the future of ").Append(WebUtility.HtmlEncode(p.Industry.ToLowerInvariant())).Append(".</p>\n");
        if (p.OpenRoles.Count == 0)
        {
            sb.Append("<p>We have no open positions right now, but we are always happy to hear from great people.</p></section>");
            return sb.ToString();
        }

        var ats = p.Technologies.FirstOrDefault(t => t is "Greenhouse" or "Lever" or "Ashby");
        sb.Append("<h2>Open positions</h2>\n");
        var n = 0;
        foreach (var r in p.OpenRoles)
        {
            n++;
            var title = WebUtility.HtmlEncode(r.Title);
            var location = WebUtility.HtmlEncode(r.Location);
            var id = (4_000_000UL + (StableHash(p.Domain) % 900_000UL) + (ulong)n).ToString(CultureInfo.InvariantCulture);
            switch (ats)
            {
                case "Greenhouse":
                    sb.Append(CultureInfo.InvariantCulture, $"<div class=\"opening\" department_id=\"{(int)r.Department}\"><a data-mapped=\"true\" href=\"https://boards.greenhouse.io/{slug}/jobs/{id}\">{title}</a>\n<span class=\"location\">{location}</span></div>\n");
                    break;
                case "Lever":
                    sb.Append(CultureInfo.InvariantCulture, $"<div class=\"posting\" data-qa-posting-id=\"{id}\"><a class=\"posting-title\" href=\"https://jobs.lever.co/{slug}/{id}-{RoleSlug(r.Title)}\"><h5 data-qa=\"posting-name\">{title}</h5><div class=\"posting-categories\"><span class=\"sort-by-location posting-category small-category-label location\">{location}</span><span class=\"sort-by-team posting-category small-category-label\">{r.Department}</span></div></a></div>\n");
                    break;
                case "Ashby":
                    sb.Append(CultureInfo.InvariantCulture, $"<li class=\"job\"><a href=\"https://jobs.ashbyhq.com/{slug}/{id}\"><h3>{title}</h3><p class=\"job-location\">{location}</p></a></li>\n");
                    break;
                default:
                    sb.Append(CultureInfo.InvariantCulture, $"<li class=\"job\"><a href=\"/careers/{RoleSlug(r.Title)}\">{title}</a> <span class=\"job-location\">{location}</span></li>\n");
                    break;
            }
        }

        if (ats is null)
        {
            // Own job pages also publish JobPosting structured data, as search engines ask them to.
            sb.Append("<script type=\"application/ld+json\">[");
            var first = true;
            foreach (var r in p.OpenRoles)
            {
                sb.Append(first ? string.Empty : ",");
                first = false;
                sb.Append(CultureInfo.InvariantCulture, $$$"""{"@context":"https://schema.org","@type":"JobPosting","title":"{{{JsonEscape(r.Title)}}}","hiringOrganization":{"@type":"Organization","name":"{{{JsonEscape(p.Name)}}}","sameAs":"https://{{{p.Domain}}}"},"jobLocation":{"@type":"Place","address":{"@type":"PostalAddress","addressLocality":"{{{JsonEscape(r.Location)}}}"}},"url":"https://{{{p.Domain}}}/careers/{{{RoleSlug(r.Title)}}}","employmentType":"FULL_TIME"}""");
            }

            sb.Append("]</script>\n");
        }

        sb.Append("</section>");
        return sb.ToString();
    }

    private static string BlogBody(SampleCompanyProfile p)
    {
        var sb = new StringBuilder("<section class=\"blog\"><h1>Blog</h1>\n");
        var topics = new[] { "How we think about onboarding", "Five metrics every {0} team should track", "What we learned shipping our new dashboard", "A practical guide to {0} automation" };
        var baseDate = p.News.Count > 0 ? p.News.Max(n => n.Date) : new DateOnly(2025, 6, 2);
        for (var i = 0; i < topics.Length; i++)
        {
            var date = baseDate.AddDays(-17 * (i + 1));
            var title = WebUtility.HtmlEncode(string.Format(CultureInfo.InvariantCulture, topics[i], p.Industry.ToLowerInvariant()));
            sb.Append(CultureInfo.InvariantCulture, $"<article class=\"post-card\"><h2><a href=\"/blog/post-{i + 1}\">{title}</a></h2><p class=\"meta\">{date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)} · 6 min read</p><p>Notes from our team on the everyday work of {WebUtility.HtmlEncode(p.Industry.ToLowerInvariant())}, with examples from customers.</p></article>\n");
        }

        sb.Append("</section>");
        return sb.ToString();
    }

    private static string NewsBody(SampleCompanyProfile p)
    {
        var sb = new StringBuilder("<section class=\"newsroom\"><h1>Newsroom</h1><p>Press contact: <a href=\"mailto:press@").Append(p.Domain).Append("\">press@").Append(p.Domain).Append("</a></p>\n");
        var i = 0;
        foreach (var n in p.News.OrderByDescending(n => n.Date))
        {
            i++;
            var body = n.FundingAmount is { } amount
                ? $"{WebUtility.HtmlEncode(p.Name)} today announced it has raised {Money(amount, n.Currency, longForm: true)} in {WebUtility.HtmlEncode(n.FundingRound ?? "new")} funding. The company will use the investment to grow its team in {WebUtility.HtmlEncode(p.City)} and expand to new markets."
                : $"{WebUtility.HtmlEncode(p.Name)} shares an update with customers and partners. Read the full announcement for details.";
            sb.Append(CultureInfo.InvariantCulture, $"<article class=\"press-release\"><time datetime=\"{n.Date:yyyy-MM-dd}\">{n.Date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}</time><h2><a href=\"/news/{i}\">{WebUtility.HtmlEncode(n.Headline)}</a></h2><p>{body}</p></article>\n");
        }

        if (p.News.Count == 0)
        {
            sb.Append("<p>No announcements yet.</p>");
        }

        sb.Append("</section>");
        return sb.ToString();
    }

    private static string PricingBody(SampleCompanyProfile p)
    {
        var m = p.Pricing;
        var cur = p.Country is "Germany" or "France" or "Netherlands" or "Spain" or "Ireland" ? "€" : p.Country == "United Kingdom" ? "£" : "$";
        var unit = (m & PricingModel.PerSeat) != 0 ? " per user / month" : " / month";
        var sb = new StringBuilder("<section class=\"pricing\"><h1>Simple, transparent pricing</h1>\n");
        if ((m & PricingModel.FreeTrial) != 0)
        {
            sb.Append("<p class=\"lead\">Start your 14-day free trial. No credit card required.</p>\n");
        }

        sb.Append("<div class=\"plans\">\n");
        if ((m & PricingModel.Freemium) != 0)
        {
            sb.Append("<div class=\"plan\"><h3>Free</h3><p class=\"price\">Free forever for up to 3 users</p><ul><li>Core features</li><li>Community support</li></ul></div>\n");
        }

        if ((m & PricingModel.Tiered) != 0 || (m & PricingModel.PerSeat) != 0)
        {
            var basePrice = 19 + (StableHash(p.Domain) % 5 * 10);
            sb.Append(CultureInfo.InvariantCulture, $"<div class=\"plan\"><h3>Starter</h3><p class=\"price\">{cur}{basePrice}{unit}</p><ul><li>All core features</li><li>Email support</li></ul></div>\n");
            if ((m & PricingModel.Tiered) != 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<div class=\"plan\"><h3>Growth</h3><p class=\"price\">{cur}{basePrice * 3}{unit}</p><ul><li>Automations</li><li>Priority support</li></ul></div>\n");
            }
        }

        if ((m & PricingModel.UsageBased) != 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<div class=\"plan\"><h3>Pay as you go</h3><p class=\"price\">{cur}0.40 per 1,000 requests</p><p>Only pay for what you use.</p></div>\n");
        }

        if ((m & PricingModel.ContactSales) != 0 || (m & PricingModel.EnterpriseOnly) != 0)
        {
            sb.Append("<div class=\"plan\" id=\"demo\"><h3>Enterprise</h3><p class=\"price\">Custom pricing</p><p>SSO, audit logs and a dedicated success manager. <a href=\"/contact\">Contact sales</a></p></div>\n");
        }

        sb.Append("</div></section>");
        return sb.ToString();
    }

    private static string AboutBody(SampleCompanyProfile p)
    {
        var founder = p.Team.Count > 0 ? p.Team[0] : null;
        var ld = founder is null ? string.Empty
            : $$$"""<script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","name":"{{{JsonEscape(p.Name)}}}","url":"https://{{{p.Domain}}}","numberOfEmployees":{"@type":"QuantitativeValue","value":{{{p.Employees}}}},"address":{"@type":"PostalAddress","addressLocality":"{{{JsonEscape(p.City)}}}","addressCountry":"{{{JsonEscape(p.Country)}}}"},"founder":{"@type":"Person","name":"{{{JsonEscape(founder.Name)}}}","jobTitle":"{{{JsonEscape(founder.Title)}}}"}}</script>""";
        return $"""
            <section class="about">
              <h1>About {WebUtility.HtmlEncode(p.Name)}</h1>
              <p>We started {WebUtility.HtmlEncode(p.Name)} in {WebUtility.HtmlEncode(p.City)} to make {WebUtility.HtmlEncode(p.Industry.ToLowerInvariant())} simple. Today about {p.Employees} people work with us across {WebUtility.HtmlEncode(p.Country)}.</p>
              <p><a href="/team">Meet the team</a></p>
            </section>
            {ld}
            """;
    }

    private static string TeamBody(SampleCompanyProfile p)
    {
        var sb = new StringBuilder("<section class=\"team\"><h1>Meet the team</h1><div class=\"team-grid\">\n");
        foreach (var m in p.Team)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<div class=\"team-card\"><img src=\"/img/team/{RoleSlug(m.Name)}.jpg\" alt=\"Portrait of {WebUtility.HtmlEncode(m.Name)}\"><h3 class=\"team-card__name\">{WebUtility.HtmlEncode(m.Name)}</h3><p class=\"team-card__title\">{WebUtility.HtmlEncode(m.Title)}</p></div>\n");
        }

        sb.Append("</div>");
        if (p.Team.Count > 0)
        {
            var parts = p.Team[0].Name.ToLowerInvariant().Split(' ');
            sb.Append(CultureInfo.InvariantCulture, $"<p>Questions for our leadership? Write to {parts[0]}.{parts[^1]}@{p.Domain}.</p>");
        }

        sb.Append("</section>");
        return sb.ToString();
    }

    private static string Sitemap(SampleCompanyProfile p)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var path in new[] { "/", "/pricing", "/about", "/team", "/blog", "/news", "/careers" })
        {
            sb.Append(CultureInfo.InvariantCulture, $"  <url><loc>https://{p.Domain}{path}</loc><changefreq>weekly</changefreq></url>\n");
        }

        sb.Append("</urlset>\n");
        return sb.ToString();
    }

    /// <summary>"$20M" / "$20 million", as a press release writes it.</summary>
    public static string Money(decimal amount, string currency, bool longForm)
    {
        var symbol = currency switch { "EUR" => "€", "GBP" => "£", _ => "$" };
        var (value, unit, shortUnit) = amount >= 1_000_000_000m ? (amount / 1_000_000_000m, "billion", "B")
            : amount >= 1_000_000m ? (amount / 1_000_000m, "million", "M") : (amount / 1_000m, "thousand", "K");
        var number = value.ToString("0.#", CultureInfo.InvariantCulture);
        return longForm ? $"{symbol}{number} {unit}" : $"{symbol}{number}{shortUnit}";
    }

    private static string Fill(string template, SampleCompanyProfile p)
    {
        if (!template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }

        var h = StableHash(p.Domain);
        var hex = Convert.ToHexStringLower(BitConverter.GetBytes(h * 2654435761UL)) + Convert.ToHexStringLower(BitConverter.GetBytes(h));
        return template
            .Replace("{id}", (1_000_000 + (h % 8_999_999)).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{id3}", (100 + (h % 899)).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{hex}", hex, StringComparison.Ordinal)
            .Replace("{ID}", hex[..10].ToUpperInvariant(), StringComparison.Ordinal)
            .Replace("{slug}", Slug(p), StringComparison.Ordinal);
    }

    private static string Slug(SampleCompanyProfile p) => p.Domain.Split('.')[0];

    private static string RoleSlug(string title)
    {
        var sb = new StringBuilder(title.Length);
        foreach (var c in title.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        return sb.ToString().Trim('-');
    }

    private static string JsonEscape(string s) => System.Text.Json.JsonEncodedText.Encode(s).ToString();

    /// <summary>FNV-1a: stable across processes, unlike string.GetHashCode.</summary>
    private static ulong StableHash(string s)
    {
        var h = 14695981039346656037UL;
        foreach (var c in s)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return h;
    }
}
