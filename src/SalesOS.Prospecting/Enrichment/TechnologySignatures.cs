using System.Buffers;
using System.Collections.Frozen;

namespace SalesOS.Prospecting.Enrichment;

/// <summary>Where in a fetched page a signature looks.</summary>
public enum SignatureLocation
{
    /// <summary><c>&lt;script src&gt;</c> contains the pattern.</summary>
    ScriptSrc,

    /// <summary>An inline script's text contains the pattern.</summary>
    InlineScript,

    /// <summary><c>&lt;link href&gt;</c> contains the pattern.</summary>
    LinkHref,

    /// <summary><c>&lt;meta name="generator"&gt;</c> content contains the pattern.</summary>
    MetaGenerator,

    /// <summary><c>&lt;iframe src&gt;</c> contains the pattern.</summary>
    IframeSrc,

    /// <summary>The raw markup contains the pattern (attribute markers, form actions, embed containers).</summary>
    Html,

    /// <summary>A response header is present (and its value contains <see cref="TechnologySignature.Pattern"/> when that is not empty).</summary>
    Header,

    /// <summary>A cookie set by the response has a name starting with the pattern.</summary>
    Cookie,
}

public sealed record TechnologySignature(SignatureLocation Location, string Pattern, string? HeaderName = null)
{
    public string Describe() => Location switch
    {
        SignatureLocation.Header when Pattern.Length == 0 => $"header {HeaderName}",
        SignatureLocation.Header => $"header {HeaderName} ~ {Pattern}",
        SignatureLocation.Cookie => $"cookie {Pattern}*",
        _ => $"{Location} ~ {Pattern}",
    };
}

public sealed record Technology(string Name, TechnologyCategory Category, IReadOnlyList<TechnologySignature> Signatures, IReadOnlyList<string> Implies);

/// <summary>
/// The technologies SalesOS recognises on a company website, with the marks each one leaves in a page: the
/// script and stylesheet hosts its snippet loads, the globals its inline snippet sets, its cookies and the
/// headers of the platforms that serve the page.
/// </summary>
public static class TechnologySignatures
{
    public static IReadOnlyList<Technology> All { get; } = Build();

    private static readonly FrozenDictionary<string, Technology> ByName =
        All.ToFrozenDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);

    public static Technology? Find(string name) => ByName.GetValueOrDefault(name);

    private static TechnologySignature Script(string p) => new(SignatureLocation.ScriptSrc, p);

    private static TechnologySignature Inline(string p) => new(SignatureLocation.InlineScript, p);

    private static TechnologySignature Link(string p) => new(SignatureLocation.LinkHref, p);

    private static TechnologySignature Generator(string p) => new(SignatureLocation.MetaGenerator, p);

    private static TechnologySignature Iframe(string p) => new(SignatureLocation.IframeSrc, p);

    private static TechnologySignature Markup(string p) => new(SignatureLocation.Html, p);

    private static TechnologySignature Header(string name, string contains = "") => new(SignatureLocation.Header, contains, name);

    private static TechnologySignature Cookie(string prefix) => new(SignatureLocation.Cookie, prefix);

    private static List<Technology> Build()
    {
        var list = new List<Technology>();
        void T(string name, TechnologyCategory category, params TechnologySignature[] signatures) =>
            list.Add(new Technology(name, category, signatures, []));
        void TI(string name, TechnologyCategory category, string[] implies, params TechnologySignature[] signatures) =>
            list.Add(new Technology(name, category, signatures, implies));

        const TechnologyCategory analytics = TechnologyCategory.Analytics;

        // CRM and marketing automation
        T("Salesforce", TechnologyCategory.Crm, Markup("webto.salesforce.com"), Script("service.force.com/embeddedservice"), Inline("embedded_svc.init("), Script("salesforceliveagent.com"), Script(".my.salesforce.com"));
        TI("Pardot", TechnologyCategory.MarketingAutomation, ["Salesforce"], Script("pi.pardot.com"), Inline("pi.pardot.com"), Inline("piAId"), Script("cdn.pardot.com"), Markup("go.pardot.com/l/"));
        T("HubSpot", TechnologyCategory.MarketingAutomation, Script(".hs-scripts.com"), Script("js.hsforms.net"), Script("js.hs-analytics.net"), Script("js.hubspot.com"), Script("js.hs-banner.com"), Script("js.usemessages.com"), Inline("hbspt.forms.create"), Cookie("__hssc"), Cookie("__hstc"), Cookie("hubspotutk"), Generator("HubSpot"), Header("x-hs-hub-id"));
        T("Marketo", TechnologyCategory.MarketingAutomation, Script("munchkin.marketo.net"), Inline("Munchkin.init("), Inline("munchkin.marketo.net"), Script("marketo.com/js/forms2"), Markup("mktoForm_"), Cookie("_mkto_trk"));
        T("Segment", analytics, Script("cdn.segment.com/analytics.js"), Inline("cdn.segment.com/analytics.js"), Cookie("ajs_anonymous_id"), Cookie("ajs_user_id"));
        T("Zoho SalesIQ", TechnologyCategory.LiveChat, Script("salesiq.zoho."), Inline("salesiq.zoho."), Inline("$zoho.salesiq"));

        // Payments and subscriptions
        T("Stripe", TechnologyCategory.Payments, Script("js.stripe.com"), Iframe("js.stripe.com"), Cookie("__stripe_mid"), Cookie("__stripe_sid"), Markup("buy.stripe.com/"));
        T("PayPal", TechnologyCategory.Payments, Script("paypal.com/sdk/js"), Script("paypalobjects.com"), Markup("paypalobjects.com"));
        T("Braintree", TechnologyCategory.Payments, Script("js.braintreegateway.com"), Inline("braintree.dropin.create"));
        T("Adyen", TechnologyCategory.Payments, Script("checkoutshopper-live.adyen.com"), Script("checkoutshopper-test.adyen.com"), Link("checkoutshopper-live.adyen.com"), Inline("AdyenCheckout("));
        T("Recurly", TechnologyCategory.Subscriptions, Script("js.recurly.com"), Inline("recurly.configure("));
        T("Chargebee", TechnologyCategory.Subscriptions, Script("js.chargebee.com"), Inline("Chargebee.init("), Markup("data-cb-site="));
        T("Paddle", TechnologyCategory.Subscriptions, Script("cdn.paddle.com/paddle/"), Inline("Paddle.Setup("), Inline("Paddle.Initialize("));

        // Chat and support
        T("Intercom", TechnologyCategory.LiveChat, Script("widget.intercom.io"), Script("js.intercomcdn.com"), Inline("widget.intercom.io"), Inline("intercomSettings"), Cookie("intercom-id-"), Cookie("intercom-session-"));
        T("Zendesk", TechnologyCategory.CustomerSupport, Script("static.zdassets.com"), Markup("id=\"ze-snippet\""), Cookie("__zlcmid"), Markup(".zendesk.com/hc/"));
        T("Drift", TechnologyCategory.LiveChat, Script("js.driftt.com"), Inline("js.driftt.com"), Inline("drift.load("), Cookie("driftt_aid"));
        T("Freshdesk", TechnologyCategory.CustomerSupport, Script("widget.freshworks.com/widgets/"), Inline("FreshworksWidget("), Markup(".freshdesk.com/support"));
        T("Freshchat", TechnologyCategory.LiveChat, Script("wchat.freshchat.com"), Inline("fcWidget.init("));
        T("Crisp", TechnologyCategory.LiveChat, Script("client.crisp.chat"), Inline("client.crisp.chat"), Inline("CRISP_WEBSITE_ID"), Cookie("crisp-client"));
        T("Tawk.to", TechnologyCategory.LiveChat, Script("embed.tawk.to"), Inline("embed.tawk.to"), Inline("Tawk_API"), Cookie("TawkConnectionTime"));
        T("LiveChat", TechnologyCategory.LiveChat, Script("cdn.livechatinc.com"), Inline("cdn.livechatinc.com"), Inline("__lc.license"));
        T("Olark", TechnologyCategory.LiveChat, Script("static.olark.com"), Inline("static.olark.com"), Inline("olark.identify("));
        T("Qualified", TechnologyCategory.LiveChat, Script("js.qualified.com"), Inline("js.qualified.com"), Inline("QualifiedObject"));

        // Ecommerce and CMS
        T("Shopify", TechnologyCategory.Ecommerce, Script("cdn.shopify.com"), Link("cdn.shopify.com"), Inline("Shopify.shop"), Header("x-shopid"), Header("x-shopify-stage"), Cookie("_shopify_y"), Cookie("_shopify_s"));
        T("WordPress", TechnologyCategory.Cms, Generator("WordPress"), Script("/wp-content/"), Script("/wp-includes/"), Link("/wp-content/"), Link("/wp-json/"));
        T("Drupal", TechnologyCategory.Cms, Generator("Drupal"), Header("x-drupal-cache"), Header("x-generator", "Drupal"), Script("/sites/default/files/"), Inline("drupalSettings"));
        T("Ghost", TechnologyCategory.Cms, Generator("Ghost"), Script("/ghost/"));
        T("Webflow", TechnologyCategory.Cms, Generator("Webflow"), Markup("data-wf-page="), Markup("data-wf-site="), Script("website-files.com"), Link("website-files.com"));
        T("Wix", TechnologyCategory.Cms, Generator("Wix.com"), Header("x-wix-request-id"), Script("static.parastorage.com"), Markup("static.wixstatic.com"));
        T("Squarespace", TechnologyCategory.Cms, Script("static1.squarespace.com"), Script("assets.squarespace.com"), Link("static1.squarespace.com"), Inline("Static.SQUARESPACE_CONTEXT"), Header("server", "Squarespace"), Generator("Squarespace"));
        T("Contentful", TechnologyCategory.Cms, Markup("images.ctfassets.net"), Markup("videos.ctfassets.net"));
        T("Sanity", TechnologyCategory.Cms, Markup("cdn.sanity.io"));

        // Frameworks and libraries
        T("React", TechnologyCategory.JavaScriptFramework, Markup("data-reactroot"), Script("react.production.min.js"), Script("react-dom"), Markup("data-reactid="));
        TI("Next.js", TechnologyCategory.JavaScriptFramework, ["React"], Markup("id=\"__NEXT_DATA__\""), Script("/_next/static/"), Header("x-powered-by", "Next.js"), Header("x-nextjs-cache"));
        T("Vue.js", TechnologyCategory.JavaScriptFramework, Script("vue.min.js"), Script("vue.global.prod.js"), Script("vue.runtime"), Markup("data-v-app"), Markup("data-server-rendered=\"true\""));
        TI("Nuxt", TechnologyCategory.JavaScriptFramework, ["Vue.js"], Inline("window.__NUXT__"), Markup("id=\"__nuxt\""), Script("/_nuxt/"));
        T("Angular", TechnologyCategory.JavaScriptFramework, Markup("ng-version="), Script("angular.min.js"), Markup("ng-app="));
        TI("Gatsby", TechnologyCategory.JavaScriptFramework, ["React"], Markup("id=\"___gatsby\""), Generator("Gatsby"), Markup("gatsby-focus-wrapper"));
        T("jQuery", TechnologyCategory.JavaScriptLibrary, Script("jquery"), Inline("jQuery(document).ready"));
        T("Bootstrap", TechnologyCategory.CssFramework, Script("bootstrap.min.js"), Script("bootstrap.bundle"), Link("bootstrap.min.css"), Link("/bootstrap@"));
        T("Tailwind CSS", TechnologyCategory.CssFramework, Script("cdn.tailwindcss.com"), Link("tailwind.min.css"), Link("/tailwindcss@"));
        T("Algolia", TechnologyCategory.Search, Script("algoliasearch"), Script("@docsearch/js"), Markup(".algolia.net"), Markup(".algolianet.com"));

        // Analytics, tags, testing, replay
        T("Google Analytics", analytics, Script("google-analytics.com/analytics.js"), Inline("google-analytics.com/analytics.js"), Script("google-analytics.com/ga.js"), Script("googletagmanager.com/gtag/js?id=G-"), Script("googletagmanager.com/gtag/js?id=UA-"), Inline("gtag('config', 'G-"), Cookie("_ga"), Cookie("_gid"));
        T("Google Tag Manager", TechnologyCategory.TagManagement, Script("googletagmanager.com/gtm.js"), Inline("googletagmanager.com/gtm.js"), Iframe("googletagmanager.com/ns.html"));
        T("Google Ads", TechnologyCategory.Advertising, Script("googleadservices.com/pagead/conversion"), Script("googletagmanager.com/gtag/js?id=AW-"), Inline("gtag('config', 'AW-"));
        T("Hotjar", TechnologyCategory.SessionReplay, Script("static.hotjar.com"), Inline("static.hotjar.com"), Inline("_hjSettings"), Cookie("_hjSessionUser_"), Cookie("_hjid"));
        T("Microsoft Clarity", TechnologyCategory.SessionReplay, Script("clarity.ms/tag/"), Inline("clarity.ms/tag/"));
        T("Mixpanel", TechnologyCategory.ProductAnalytics, Script("cdn.mxpnl.com"), Inline("cdn.mxpnl.com"), Inline("mixpanel.init("), Script("mixpanel-2-latest"));
        T("Amplitude", TechnologyCategory.ProductAnalytics, Script("cdn.amplitude.com"), Inline("cdn.amplitude.com"), Inline("amplitude.getInstance().init("), Cookie("AMP_"));
        T("Heap", TechnologyCategory.ProductAnalytics, Script("cdn.heapanalytics.com"), Inline("cdn.heapanalytics.com"), Inline("heap.load("), Script("heap-api.com"), Inline("heap-api.com/config/"), Cookie("_hp2_id."));
        T("FullStory", TechnologyCategory.SessionReplay, Script("edge.fullstory.com"), Inline("window['_fs_org']"), Inline("_fs_org"), Inline("fullstory.com/s/fs.js"), Cookie("fs_uid"));
        T("Pendo", TechnologyCategory.ProductAnalytics, Script("cdn.pendo.io"), Inline("cdn.pendo.io"), Inline("pendo.initialize("), Cookie("_pendo_"));
        T("LinkedIn Insight Tag", TechnologyCategory.Advertising, Script("snap.licdn.com/li.lms-analytics"), Inline("_linkedin_partner_id"), Markup("px.ads.linkedin.com/collect"));
        T("Facebook Pixel", TechnologyCategory.Advertising, Script("connect.facebook.net/en_US/fbevents.js"), Script("/fbevents.js"), Inline("connect.facebook.net/en_US/fbevents.js"), Inline("fbq('init'"), Markup("facebook.com/tr?id="), Cookie("_fbp"));
        T("Twitter Ads", TechnologyCategory.Advertising, Script("static.ads-twitter.com/uwt.js"), Inline("static.ads-twitter.com/uwt.js"), Inline("twq('init'"));
        T("Optimizely", TechnologyCategory.ABTesting, Script("cdn.optimizely.com/js/"), Cookie("optimizelyEndUserId"));
        T("VWO", TechnologyCategory.ABTesting, Script("dev.visualwebsiteoptimizer.com"), Inline("dev.visualwebsiteoptimizer.com"), Inline("_vwo_code"), Cookie("_vwo_uuid"));

        // Intent data and sales engagement
        T("ZoomInfo WebSights", TechnologyCategory.IntentData, Script("ws.zoominfo.com"), Script("js.zi-scripts.com"), Inline("js.zi-scripts.com"), Inline("ws.zoominfo.com"));
        T("Clearbit", TechnologyCategory.IntentData, Script("tag.clearbitscripts.com"), Inline("tag.clearbitscripts.com"), Script("x.clearbitjs.com"));
        T("6sense", TechnologyCategory.IntentData, Script("j.6sc.co"), Inline("j.6sc.co"), Inline("window._6si"));
        T("Demandbase", TechnologyCategory.IntentData, Script("tag.demandbase.com"), Inline("tag.demandbase.com"), Script("scripts.demandbase.com"));
        T("Bombora", TechnologyCategory.IntentData, Script("ml314.com"), Inline("ml314.com"));
        T("Leadfeeder", TechnologyCategory.IntentData, Script("sc.lfeeder.com"), Inline("sc.lfeeder.com"), Cookie("_lfa"));
        T("Salesloft", TechnologyCategory.SalesEngagement, Script("scout-cdn.salesloft.com"), Inline("scout-cdn.salesloft.com"));
        T("Calendly", TechnologyCategory.Scheduling, Script("assets.calendly.com"), Link("assets.calendly.com"), Iframe("calendly.com/"), Markup("calendly-inline-widget"));
        T("Chili Piper", TechnologyCategory.Scheduling, Script("js.chilipiper.com"), Script("js.chilipiper.com"), Inline("ChiliPiper.scheduling("), Inline("ChiliPiper.submit("));
        T("Typeform", TechnologyCategory.Forms, Script("embed.typeform.com"), Markup("data-tf-widget="), Iframe("form.typeform.com"));

        // Hosting, CDN, web servers
        T("Cloudflare", TechnologyCategory.Cdn, Header("server", "cloudflare"), Header("cf-ray"), Cookie("__cf_bm"), Cookie("__cflb"), Script("/cdn-cgi/"));
        T("Fastly", TechnologyCategory.Cdn, Header("x-fastly-request-id"), Header("fastly-debug-digest"), Header("x-served-by", "cache-"));
        T("Akamai", TechnologyCategory.Cdn, Header("server", "AkamaiGHost"), Header("server", "AkamaiNetStorage"), Header("x-akamai-transformed"), Header("akamai-grn"));
        T("Amazon CloudFront", TechnologyCategory.Cdn, Header("x-amz-cf-id"), Header("x-amz-cf-pop"), Header("via", "cloudfront"));
        T("Vercel", TechnologyCategory.Hosting, Header("x-vercel-id"), Header("x-vercel-cache"), Header("server", "Vercel"));
        T("Netlify", TechnologyCategory.Hosting, Header("x-nf-request-id"), Header("server", "Netlify"));
        T("Nginx", TechnologyCategory.WebServer, Header("server", "nginx"));
        T("Apache", TechnologyCategory.WebServer, Header("server", "Apache"));

        // Identity, monitoring
        T("Auth0", TechnologyCategory.Identity, Script("cdn.auth0.com"), Markup(".auth0.com/authorize"));
        T("Okta", TechnologyCategory.Identity, Script("oktacdn.com"), Link("oktacdn.com"), Markup(".okta.com/oauth2"));
        T("Sentry", TechnologyCategory.Monitoring, Script("browser.sentry-cdn.com"), Script("js.sentry-cdn.com"), Inline("Sentry.init("), Markup("ingest.sentry.io"));
        T("New Relic", TechnologyCategory.Monitoring, Inline("NREUM"), Script("js-agent.newrelic.com"), Inline("bam.nr-data.net"));
        T("Datadog RUM", TechnologyCategory.Monitoring, Script("datadoghq-browser-agent.com"), Inline("DD_RUM.init("), Inline("datadoghq-browser-agent.com"));

        // Applicant tracking
        T("Greenhouse", TechnologyCategory.ApplicantTracking, Markup("boards.greenhouse.io/"), Markup("job-boards.greenhouse.io/"), Script("boards.greenhouse.io/embed/job_board/js"), Markup("id=\"grnhse_app\""));
        T("Lever", TechnologyCategory.ApplicantTracking, Markup("jobs.lever.co/"), Script("andreasnylin.github.io/lever-jobs-embed"));
        T("Workable", TechnologyCategory.ApplicantTracking, Markup("apply.workable.com/"), Script("careers-page.workable.com"), Markup(".workable.com/j/"));
        T("Ashby", TechnologyCategory.ApplicantTracking, Markup("jobs.ashbyhq.com/"), Script("jobs.ashbyhq.com"));
        T("BambooHR", TechnologyCategory.ApplicantTracking, Markup(".bamboohr.com/careers"), Markup(".bamboohr.com/jobs"), Script(".bamboohr.com/js/embed.js"));

        // Email marketing and engagement
        T("Mailchimp", TechnologyCategory.EmailMarketing, Script("chimpstatic.com"), Markup(".list-manage.com/subscribe"), Inline("chimpstatic.com"));
        T("Klaviyo", TechnologyCategory.EmailMarketing, Script("static.klaviyo.com"), Inline("static.klaviyo.com"), Cookie("__kla_id"));
        T("Braze", TechnologyCategory.CustomerEngagement, Script("js.appboycdn.com"), Inline("js.appboycdn.com"), Inline("braze.initialize("));

        // Consent
        T("OneTrust", TechnologyCategory.ConsentManagement, Script("cdn.cookielaw.org"), Inline("OptanonWrapper"), Cookie("OptanonConsent"), Script("optanon.blob.core.windows.net"));
        T("Cookiebot", TechnologyCategory.ConsentManagement, Script("consent.cookiebot.com"), Inline("consent.cookiebot.com"), Cookie("CookieConsent"));

        // Video, fonts, captcha
        T("Vimeo", TechnologyCategory.Video, Iframe("player.vimeo.com"), Script("player.vimeo.com/api"));
        T("Wistia", TechnologyCategory.Video, Script("fast.wistia.com"), Script("fast.wistia.net"), Iframe("fast.wistia.net"), Markup("wistia_embed"));
        T("YouTube", TechnologyCategory.Video, Iframe("youtube.com/embed/"), Iframe("youtube-nocookie.com/embed/"), Script("youtube.com/iframe_api"));
        T("Google Fonts", TechnologyCategory.Fonts, Link("fonts.googleapis.com"), Link("fonts.gstatic.com"), Inline("fonts.googleapis.com"));
        T("reCAPTCHA", TechnologyCategory.Captcha, Script("google.com/recaptcha/"), Script("recaptcha.net/recaptcha/"), Markup("class=\"g-recaptcha\""));
        T("hCaptcha", TechnologyCategory.Captcha, Script("hcaptcha.com/1/api.js"), Script("js.hcaptcha.com"), Markup("class=\"h-captcha\""));

        return list;
    }
}

/// <summary>
/// The signatures compiled once into one multi-string searcher per location, so a page is read once per
/// location rather than once per signature.
/// </summary>
internal sealed class TechnologyMatcher
{
    public static TechnologyMatcher Default { get; } = new(TechnologySignatures.All);

    private readonly IReadOnlyList<Technology> technologies;
    private readonly Located[] located;
    private readonly FrozenDictionary<string, (int Tech, TechnologySignature Signature)[]> headers;
    private readonly (int Tech, TechnologySignature Signature)[] cookies;

    public TechnologyMatcher(IReadOnlyList<Technology> technologies)
    {
        this.technologies = technologies;
        located = new Located[(int)SignatureLocation.Header];
        for (var loc = 0; loc < located.Length; loc++)
        {
            var entries = new List<(string Pattern, int Tech, TechnologySignature Signature)>();
            for (var t = 0; t < technologies.Count; t++)
            {
                foreach (var s in technologies[t].Signatures)
                {
                    if ((int)s.Location == loc)
                    {
                        entries.Add((s.Pattern, t, s));
                    }
                }
            }

            located[loc] = new Located(entries);
        }

        headers = technologies
            .SelectMany((t, i) => t.Signatures.Where(s => s.Location == SignatureLocation.Header).Select(s => (Tech: i, Signature: s)))
            .GroupBy(x => x.Signature.HeaderName!, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase);
        cookies = [.. technologies.SelectMany((t, i) => t.Signatures.Where(s => s.Location == SignatureLocation.Cookie).Select(s => (i, s)))];
    }

    public IReadOnlyList<Technology> Technologies => technologies;

    /// <summary>Calls <paramref name="hit"/> for every signature of <paramref name="location"/> found in <paramref name="value"/>.</summary>
    public void Match(SignatureLocation location, string value, TechnologyHits hits)
    {
        var l = located[(int)location];
        if (l.Patterns.Length == 0)
        {
            return;
        }

        var span = value.AsSpan();
        var offset = 0;
        while (offset < span.Length)
        {
            var idx = span[offset..].IndexOfAny(l.Search);
            if (idx < 0)
            {
                return;
            }

            var at = span[(offset + idx)..];
            if (l.ByFirstChar.TryGetValue(char.ToLowerInvariant(at[0]), out var candidates))
            {
                foreach (var k in candidates)
                {
                    if (at.StartsWith(l.Patterns[k].Pattern, StringComparison.OrdinalIgnoreCase))
                    {
                        hits.Add(l.Patterns[k].Tech, l.Patterns[k].Signature, value);
                    }
                }
            }

            offset += idx + 1;
        }
    }

    public void MatchHeader(string name, string value, TechnologyHits hits)
    {
        if (!headers.TryGetValue(name, out var signatures))
        {
            return;
        }

        foreach (var (tech, signature) in signatures)
        {
            if (signature.Pattern.Length == 0 || value.Contains(signature.Pattern, StringComparison.OrdinalIgnoreCase))
            {
                hits.Add(tech, signature, $"{name}: {value}");
            }
        }
    }

    public void MatchCookie(string setCookie, TechnologyHits hits)
    {
        var eq = setCookie.IndexOf('=', StringComparison.Ordinal);
        var name = (eq < 0 ? setCookie : setCookie[..eq]).AsSpan().Trim();
        foreach (var (tech, signature) in cookies)
        {
            if (name.StartsWith(signature.Pattern, StringComparison.OrdinalIgnoreCase))
            {
                hits.Add(tech, signature, name.ToString());
            }
        }
    }

    private sealed class Located
    {
        public Located(List<(string Pattern, int Tech, TechnologySignature Signature)> entries)
        {
            Patterns = [.. entries];
            Search = SearchValues.Create(entries.Select(e => e.Pattern).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(), StringComparison.OrdinalIgnoreCase);
            ByFirstChar = entries
                .Select((e, i) => (First: char.ToLowerInvariant(e.Pattern[0]), Index: i))
                .GroupBy(x => x.First)
                .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Index).ToArray());
        }

        public (string Pattern, int Tech, TechnologySignature Signature)[] Patterns { get; }

        public SearchValues<string> Search { get; }

        public FrozenDictionary<char, int[]> ByFirstChar { get; }
    }
}
