using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SalesOS.Prospecting.Ports;

namespace SalesOS.Prospecting.Enrichment;

/// <summary>
/// Reads a crawled website into sales signals: the technologies it runs, the roles it is hiring for, its news
/// and funding announcements, how it prices, who works there. Plain code, no network: the crawl is the input.
/// </summary>
public static partial class WebsiteAnalyzer
{
    private const int SnippetLength = 200;

    public static WebsiteInsights Analyze(WebsiteCrawl crawl, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(crawl);
        var matcher = TechnologyMatcher.Default;
        var hits = new TechnologyHits(matcher.Technologies);
        var roles = new List<OpenRole>();
        var news = new List<NewsMention>();
        var funding = new List<FundingMention>();
        var people = new List<WebsitePerson>();
        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var fingerprints = new Dictionary<Uri, PageFingerprint>();
        var pricing = new PricingAccumulator();
        var latest = DateOnly.FromDateTime(now.UtcDateTime.AddDays(2));
        CrawledPage? home = null;

        foreach (var page in crawl.Pages)
        {
            var scan = HtmlScan.Parse(page.Html);
            fingerprints[page.Url] = new PageFingerprint(page.Kind, page.Fingerprint);
            hits.Url = page.Url;
            DetectTechnologies(matcher, hits, page, scan);
            CollectEmails(scan, emails);
            var jsonLd = ParseJsonLd(scan);

            switch (page.Kind)
            {
                case PageKind.Careers:
                    ExtractRoles(page.Url, scan, jsonLd, roles);
                    break;
                case PageKind.News or PageKind.Press or PageKind.Blog:
                    ExtractNews(page.Url, scan, jsonLd, latest, news, funding);
                    break;
                case PageKind.Pricing:
                    pricing.Read(page.Url, scan);
                    break;
                case PageKind.Team or PageKind.About:
                    ExtractPeople(page.Url, scan, jsonLd, people);
                    break;
                case PageKind.Home:
                    home = page;
                    ExtractPeopleFromJsonLd(page.Url, jsonLd, people);
                    break;
                default:
                    break;
            }

            foreach (var doc in jsonLd)
            {
                doc.Dispose();
            }
        }

        if (!pricing.Seen && home is not null)
        {
            pricing.Read(home.Url, HtmlScan.Parse(home.Html));
        }

        return new WebsiteInsights(
            crawl.Domain,
            now,
            hits.Result(),
            Hiring(roles),
            news.OrderByDescending(n => n.Date).ToList(),
            funding.OrderByDescending(f => f.Date).ToList(),
            pricing.Result(),
            people,
            [.. emails.Order(StringComparer.Ordinal)],
            fingerprints);
    }

    // ---- Technologies ----

    private static void DetectTechnologies(TechnologyMatcher matcher, TechnologyHits hits, CrawledPage page, HtmlScan scan)
    {
        foreach (var s in scan.ScriptSources)
        {
            matcher.Match(SignatureLocation.ScriptSrc, s, hits);
        }

        foreach (var s in scan.InlineScripts)
        {
            matcher.Match(SignatureLocation.InlineScript, s, hits);
        }

        foreach (var s in scan.LinkHrefs)
        {
            matcher.Match(SignatureLocation.LinkHref, s, hits);
        }

        foreach (var s in scan.Generators)
        {
            matcher.Match(SignatureLocation.MetaGenerator, s, hits);
        }

        foreach (var s in scan.IframeSources)
        {
            matcher.Match(SignatureLocation.IframeSrc, s, hits);
        }

        matcher.Match(SignatureLocation.Html, page.Html, hits);
        foreach (var (name, value) in page.Headers)
        {
            matcher.MatchHeader(name, value, hits);
        }

        foreach (var cookie in page.Cookies)
        {
            matcher.MatchCookie(cookie, hits);
        }
    }

    // ---- JSON-LD ----

    private static List<JsonDocument> ParseJsonLd(HtmlScan scan)
    {
        var docs = new List<JsonDocument>(scan.JsonLd.Count);
        foreach (var text in scan.JsonLd)
        {
            try
            {
                docs.Add(JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 }));
            }
            catch (JsonException)
            {
                // A broken JSON-LD block is common on real sites; the markup is read instead.
            }
        }

        return docs;
    }

    /// <summary>Every JSON object in the documents whose @type is one of <paramref name="types"/>, depth first.</summary>
    private static IEnumerable<JsonElement> OfType(List<JsonDocument> docs, params string[] types)
    {
        var stack = new Stack<JsonElement>();
        foreach (var doc in docs)
        {
            stack.Push(doc.RootElement);
            while (stack.Count > 0)
            {
                var e = stack.Pop();
                if (e.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in e.EnumerateArray())
                    {
                        stack.Push(item);
                    }

                    continue;
                }

                if (e.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                if (e.TryGetProperty("@type", out var type) && TypeIs(type, types))
                {
                    yield return e;
                }

                foreach (var property in e.EnumerateObject())
                {
                    if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    {
                        stack.Push(property.Value);
                    }
                }
            }
        }
    }

    private static bool TypeIs(JsonElement type, string[] types)
    {
        if (type.ValueKind == JsonValueKind.String)
        {
            return Array.Exists(types, t => string.Equals(t, type.GetString(), StringComparison.OrdinalIgnoreCase));
        }

        return type.ValueKind == JsonValueKind.Array && type.EnumerateArray().Any(x => TypeIs(x, types));
    }

    private static string? Str(JsonElement e, string property)
    {
        if (!e.TryGetProperty(property, out var v))
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.String => Clean(v.GetString()),
            JsonValueKind.Object when v.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String => Clean(n.GetString()),
            JsonValueKind.Array when v.GetArrayLength() > 0 && v[0].ValueKind == JsonValueKind.String => Clean(v[0].GetString()),
            _ => null,
        };
    }

    private static string? Clean(string? s)
    {
        if (string.IsNullOrWhiteSpace(s))
        {
            return null;
        }

        s = s.Contains('<', StringComparison.Ordinal) ? HtmlScan.Parse(s).VisibleText() : System.Net.WebUtility.HtmlDecode(s);
        return WhitespaceRun().Replace(s, " ").Trim();
    }

    // ---- Hiring ----

    private static readonly string[] AtsJobLinkMarkers =
    [
        "boards.greenhouse.io/", "job-boards.greenhouse.io/", "jobs.lever.co/", "jobs.ashbyhq.com/", "apply.workable.com/",
        ".workable.com/j/", ".bamboohr.com/careers/", ".bamboohr.com/jobs/view", "/jobs/", "/job/", "/careers/", "/positions/", "/openings/", "/roles/",
    ];

    private static void ExtractRoles(Uri pageUrl, HtmlScan scan, List<JsonDocument> jsonLd, List<OpenRole> roles)
    {
        var seen = new HashSet<string>(roles.Select(r => r.Title), StringComparer.OrdinalIgnoreCase);
        foreach (var job in OfType(jsonLd, "JobPosting"))
        {
            var title = Str(job, "title");
            if (title is null || !seen.Add(title))
            {
                continue;
            }

            var location = JobLocation(job);
            var url = Str(job, "url") is { } u && Uri.TryCreate(pageUrl, u, out var abs) ? abs : pageUrl;
            roles.Add(new OpenRole(title, DepartmentOf(title), location, url));
        }

        // Links to job pages: ATS boards and the site's own /careers/<role> pages.
        var jobAnchors = new List<(HtmlAnchor Anchor, string Title, Uri Url)>();
        foreach (var a in scan.Anchors)
        {
            if (a.Href.Length == 0 || !ContainsAny(a.Href, AtsJobLinkMarkers) || !Uri.TryCreate(pageUrl, a.Href, out var url))
            {
                continue;
            }

            var path = url.AbsolutePath.TrimEnd('/');
            if (path.Length == 0 || path.EndsWith("/careers", StringComparison.OrdinalIgnoreCase) || path.EndsWith("/jobs", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var title = a.FirstRun < a.EndRun ? scan.Runs[a.FirstRun].Text : a.Text;
            if (IsGenericLinkText(title))
            {
                title = PrecedingHeading(scan, a.FirstRun) ?? title;
            }

            if (!LooksLikeJobTitle(title))
            {
                continue;
            }

            jobAnchors.Add((a, title, url));
        }

        for (var k = 0; k < jobAnchors.Count; k++)
        {
            var (anchor, title, url) = jobAnchors[k];
            if (!seen.Add(title))
            {
                continue;
            }

            var end = k + 1 < jobAnchors.Count ? jobAnchors[k + 1].Anchor.FirstRun : Math.Min(scan.Runs.Count, anchor.EndRun + 4);
            roles.Add(new OpenRole(title, DepartmentOf(title), LocationNear(scan, anchor.FirstRun + 1, end), url));
        }

        // Role headings listed without links ("Open positions" followed by h3s).
        if (jobAnchors.Count == 0)
        {
            for (var r = 0; r < scan.Runs.Count; r++)
            {
                var run = scan.Runs[r];
                if (run.BlockTag is "h2" or "h3" or "h4" or "h5" && LooksLikeJobTitle(run.Text) && !LooksLikeName(run.Text) && seen.Add(run.Text))
                {
                    roles.Add(new OpenRole(run.Text, DepartmentOf(run.Text), LocationNear(scan, r + 1, Math.Min(scan.Runs.Count, r + 4)), pageUrl));
                }
            }
        }
    }

    private static string? JobLocation(JsonElement job)
    {
        if (job.TryGetProperty("jobLocationType", out var type) && type.ValueKind == JsonValueKind.String
            && type.GetString()!.Contains("TELECOMMUTE", StringComparison.OrdinalIgnoreCase))
        {
            return "Remote";
        }

        if (!job.TryGetProperty("jobLocation", out var loc))
        {
            return null;
        }

        if (loc.ValueKind == JsonValueKind.Array)
        {
            loc = loc.GetArrayLength() > 0 ? loc[0] : default;
        }

        if (loc.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (!loc.TryGetProperty("address", out var address))
        {
            return Str(loc, "name");
        }

        if (address.ValueKind == JsonValueKind.String)
        {
            return Clean(address.GetString());
        }

        var parts = new[] { Str(address, "addressLocality"), Str(address, "addressRegion"), Str(address, "addressCountry") }
            .Where(p => p is not null);
        var joined = string.Join(", ", parts);
        return joined.Length == 0 ? null : joined;
    }

    private static string? LocationNear(HtmlScan scan, int from, int to)
    {
        for (var r = from; r < to && r < scan.Runs.Count; r++)
        {
            var run = scan.Runs[r];
            if ((run.Class is { } cls && cls.Contains("location", StringComparison.OrdinalIgnoreCase))
                || run.Text.StartsWith("Remote", StringComparison.OrdinalIgnoreCase))
            {
                return run.Text;
            }
        }

        return null;
    }

    private static string? PrecedingHeading(HtmlScan scan, int run)
    {
        for (var r = run - 1; r >= 0 && r >= run - 4; r--)
        {
            if (scan.Runs[r].BlockTag is "h2" or "h3" or "h4" or "h5" || scan.Runs[r].Tag == "strong")
            {
                return scan.Runs[r].Text;
            }
        }

        return null;
    }

    private static bool IsGenericLinkText(string text) =>
        text.Length < 3 || GenericLinkText().IsMatch(text);

    private static readonly string[] RoleNouns =
    [
        "engineer", "developer", "manager", "director", "executive", "representative", "designer", "analyst", "scientist",
        "specialist", "lead", "head", "architect", "recruiter", "accountant", "controller", "coordinator", "consultant",
        "administrator", "associate", "intern", "officer", "vp", "president", "writer", "marketer", "strategist", "partner",
        "advocate", "counsel", "generalist", "sdr", "bdr", "editor", "technician", "researcher", "owner", "sre", "devops",
        "programmer", "tester", "agent", "assistant", "principal", "staff", "chief", "bookkeeper", "paralegal", "trainer",
    ];

    private static bool LooksLikeJobTitle(string text)
    {
        if (text.Length is < 3 or > 90)
        {
            return false;
        }

        var words = 0;
        var hasRole = false;
        foreach (var w in Words(text))
        {
            words++;
            hasRole |= Array.IndexOf(RoleNouns, w) >= 0;
        }

        return hasRole && words <= 12;
    }

    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '&');
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                yield return text[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }

    private static readonly (Department Department, string[] Phrases)[] DepartmentRules =
    [
        (Department.CustomerSuccess, ["customer success", "customer support", "support", "customer experience", "onboarding", "implementation", "csm", "customer care", "technical account manager"]),
        (Department.Marketing, ["marketing", "growth marketer", "demand generation", "demand gen", "content", "seo", "brand", "communications", "social media", "copywriter", "events", "pr", "marketer"]),
        (Department.Sales, ["sales", "account executive", "sdr", "bdr", "business development", "account manager", "inside sales", "solutions consultant", "sales engineer", "partnerships", "revenue", "ae", "chief revenue officer", "cro"]),
        (Department.HumanResources, ["recruiter", "recruiting", "talent", "people", "hr", "human resources", "people operations", "chief people officer"]),
        (Department.Finance, ["finance", "financial", "accountant", "accounting", "controller", "fp&a", "payroll", "tax", "treasury", "bookkeeper", "cfo", "chief financial officer"]),
        (Department.Operations, ["operations", "ops", "legal", "counsel", "office manager", "procurement", "coo", "chief operating officer", "it support", "facilities", "paralegal", "compliance"]),
        (Department.Product, ["product manager", "product owner", "product designer", "product", "designer", "ux", "ui", "design", "researcher", "cpo", "chief product officer"]),
        (Department.Engineering, ["engineer", "engineering", "developer", "devops", "sre", "architect", "data scientist", "machine learning", "qa", "security", "software", "programmer", "cto", "chief technology officer", "infrastructure", "data", "tester"]),
    ];

    /// <summary>The department a role sits in, from the words of its title.</summary>
    public static Department DepartmentOf(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var words = Words(title).ToArray();
        var lower = " " + string.Join(' ', words) + " ";

        // "Engineering Manager, Support Tools" is engineering: the head word decides before loose keywords do.
        if (lower.Contains(" engineering manager ", StringComparison.Ordinal) || lower.Contains(" software engineer", StringComparison.Ordinal))
        {
            return Department.Engineering;
        }

        foreach (var (department, phrases) in DepartmentRules)
        {
            foreach (var phrase in phrases)
            {
                if (lower.Contains(" " + phrase + " ", StringComparison.Ordinal))
                {
                    return department;
                }
            }
        }

        return Department.Other;
    }

    private static HiringInsight Hiring(List<OpenRole> roles)
    {
        if (roles.Count == 0)
        {
            return HiringInsight.None;
        }

        var counts = new Dictionary<Department, int>();
        foreach (var r in roles)
        {
            counts[r.Department] = counts.GetValueOrDefault(r.Department) + 1;
        }

        return new HiringInsight(roles, counts);
    }

    // ---- News and funding ----

    private static void ExtractNews(Uri pageUrl, HtmlScan scan, List<JsonDocument> jsonLd, DateOnly latest, List<NewsMention> news, List<FundingMention> funding)
    {
        var headlines = new HashSet<string>(news.Select(n => n.Headline), StringComparer.OrdinalIgnoreCase);
        foreach (var article in OfType(jsonLd, "Article", "NewsArticle", "BlogPosting", "PressRelease", "Report"))
        {
            var headline = Str(article, "headline") ?? Str(article, "name");
            if (headline is null || !headlines.Add(headline))
            {
                continue;
            }

            var date = ParseIsoDate(Str(article, "datePublished"), latest);
            var url = Str(article, "url") is { } u && Uri.TryCreate(pageUrl, u, out var abs) ? abs : pageUrl;
            var description = Str(article, "description");
            var snippet = Snippet(description is null ? headline : headline + " — " + description);
            news.Add(new NewsMention(url, headline, snippet, date));
            AddFunding(url, headline + ". " + description, date, funding);
        }

        // Markup: every heading opens an item that runs to the next heading.
        var blocks = scan.Blocks;
        var blockTag = new string[blocks.Count];
        var blockPosition = new int[blocks.Count];
        foreach (var run in scan.Runs)
        {
            if (run.Block < blockTag.Length && blockTag[run.Block] is null)
            {
                blockTag[run.Block] = run.BlockTag;
                blockPosition[run.Block] = run.Position;
            }
        }

        var starts = new List<int>();
        for (var b = 0; b < blocks.Count; b++)
        {
            if (blockTag[b] is "h1" or "h2" or "h3" or "h4")
            {
                starts.Add(b);
            }
        }

        for (var k = 0; k < starts.Count; k++)
        {
            var first = starts[k];
            var end = k + 1 < starts.Count ? starts[k + 1] : Math.Min(blocks.Count, first + 8);
            var headline = blocks[first];
            if (headline.Length < 12 || headlines.Contains(headline))
            {
                continue;
            }

            var fromPosition = blockPosition[first];
            var toPosition = end < blocks.Count ? blockPosition[end] : int.MaxValue;

            // The <time> element nearest the heading, between the previous heading and the next: cards put the
            // date above the title as often as below it.
            var previous = k > 0 ? blockPosition[starts[k - 1]] : 0;
            HtmlTime? dated = null;
            var distance = int.MaxValue;
            foreach (var t in scan.Times)
            {
                if (t.Position > previous && t.Position < toPosition && Math.Abs(t.Position - fromPosition) < distance)
                {
                    dated = t;
                    distance = Math.Abs(t.Position - fromPosition);
                }
            }

            var date = dated is null ? null : ParseIsoDate(dated.DateTime, latest);

            string? body = null;
            for (var b = first + 1; b < end; b++)
            {
                date ??= FindTextDate(blocks[b], latest);
                if (body is null && blocks[b].Length >= 40)
                {
                    body = blocks[b];
                }
            }

            date ??= FindTextDate(headline, latest);
            if (first > 0 && date is null && blocks[first - 1].Length <= 40)
            {
                date = FindTextDate(blocks[first - 1], latest);
            }

            // The headline and its paragraphs are read together: "raises $3M" in one and "seed funding" in the other.
            var url = ItemLink(scan, pageUrl, fromPosition, toPosition) ?? pageUrl;
            var itemText = end > first + 1 ? headline + ". " + string.Join(' ', blocks.Skip(first + 1).Take(end - first - 1)) : headline;
            var isFunding = AddFunding(url, itemText, date, funding);
            if (date is null && !isFunding)
            {
                continue;
            }

            headlines.Add(headline);
            news.Add(new NewsMention(url, headline, Snippet(body is null ? headline : headline + " — " + body), date));
        }
    }

    private static Uri? ItemLink(HtmlScan scan, Uri pageUrl, int from, int to)
    {
        foreach (var a in scan.Anchors)
        {
            if (a.Position >= from - 200 && a.Position < to && a.Href.Length > 1 && !a.Href.StartsWith('#')
                && Uri.TryCreate(pageUrl, a.Href, out var url) && url.AbsolutePath.Length > pageUrl.AbsolutePath.Length)
            {
                return url;
            }
        }

        return null;
    }

    /// <summary>Adds a funding mention when the text announces a round; true when it did.</summary>
    private static bool AddFunding(Uri url, string text, DateOnly? date, List<FundingMention> funding)
    {
        if (!FundingTrigger().IsMatch(text))
        {
            return false;
        }

        var round = FundingRound().Match(text);
        var amount = MoneyAmount().Match(text);
        var hasAmount = amount.Success && ParseMoney(amount, out _, out _);
        var fundingWord = FundingWord().IsMatch(text);
        if (!round.Success && !(hasAmount && (fundingWord || RaiseVerb().IsMatch(text))))
        {
            return false;
        }

        if (!round.Success && !fundingWord && !amount.Groups["unit"].Success)
        {
            return false;
        }

        decimal? value = null;
        string? currency = null;
        if (hasAmount && ParseMoney(amount, out var v, out var c))
        {
            value = v;
            currency = c;
        }

        var roundName = round.Success ? NormaliseRound(round.Groups["round"].Value) : null;
        var snippet = Snippet(text);
        if (funding.Exists(f => f.Round == roundName && f.Amount == value && f.Date == date))
        {
            return true;
        }

        funding.Add(new FundingMention(url, snippet, date, value, currency, roundName));
        return true;
    }

    private static string NormaliseRound(string round)
    {
        var r = WhitespaceRun().Replace(round.Trim(), " ");
        if (r.StartsWith("series", StringComparison.OrdinalIgnoreCase))
        {
            return "Series " + r[6..].Trim().ToUpperInvariant();
        }

        return r.ToLowerInvariant() switch
        {
            "pre-seed" or "pre seed" => "Pre-Seed",
            "seed" => "Seed",
            var other => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(other),
        };
    }

    private static bool ParseMoney(Match m, out decimal amount, out string currency)
    {
        amount = 0;
        currency = m.Groups["sym"].Value switch
        {
            "$" => "USD",
            "€" => "EUR",
            "£" => "GBP",
            _ => m.Groups["code"].Value.ToUpperInvariant() switch
            {
                "USD" or "DOLLARS" => "USD",
                "EUR" or "EUROS" => "EUR",
                "GBP" or "POUNDS" => "GBP",
                _ => string.Empty,
            },
        };
        if (currency.Length == 0)
        {
            return false;
        }

        var number = m.Groups["num"].Value.Replace(",", string.Empty, StringComparison.Ordinal);
        if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n))
        {
            return false;
        }

        var multiplier = m.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "m" or "mm" or "mn" or "million" => 1_000_000m,
            "b" or "bn" or "billion" => 1_000_000_000m,
            "k" or "thousand" => 1_000m,
            _ => 1m,
        };
        amount = n * multiplier;
        return amount > 0;
    }

    private static DateOnly? ParseIsoDate(string? value, DateOnly latest)
    {
        if (value is null || value.Length < 10)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d <= latest)
        {
            return d;
        }

        return FindTextDate(value, latest);
    }

    /// <summary>The first plausible date written in <paramref name="text"/> ("March 3, 2026", "3 March 2026", "2026-03-03").</summary>
    public static DateOnly? FindTextDate(string text, DateOnly latest)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.AsSpan().ContainsAny(DigitChars))
        {
            return null;
        }

        foreach (Match m in TextDate().Matches(text))
        {
            int year, month, day;
            if (m.Groups["iy"].Success)
            {
                year = int.Parse(m.Groups["iy"].ValueSpan, CultureInfo.InvariantCulture);
                month = int.Parse(m.Groups["im"].ValueSpan, CultureInfo.InvariantCulture);
                day = int.Parse(m.Groups["id"].ValueSpan, CultureInfo.InvariantCulture);
            }
            else
            {
                var monthText = m.Groups["m1"].Success ? m.Groups["m1"].Value : m.Groups["m2"].Value;
                month = MonthNumber(monthText);
                day = int.Parse(m.Groups["d1"].Success ? m.Groups["d1"].ValueSpan : m.Groups["d2"].ValueSpan, CultureInfo.InvariantCulture);
                year = int.Parse(m.Groups["y1"].Success ? m.Groups["y1"].ValueSpan : m.Groups["y2"].ValueSpan, CultureInfo.InvariantCulture);
            }

            if (month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
            {
                var date = new DateOnly(year, month, day);
                if (date <= latest)
                {
                    return date;
                }
            }
        }

        return null;
    }

    private static readonly System.Buffers.SearchValues<char> DigitChars = System.Buffers.SearchValues.Create("0123456789");

    private static int MonthNumber(string month) => month[..3].ToLowerInvariant() switch
    {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => 0,
    };

    // ---- Pricing ----

    private sealed class PricingAccumulator
    {
        private readonly List<PricingEvidence> evidence = [];
        private readonly List<PricePoint> points = [];
        private PricingModel model;

        public bool Seen { get; private set; }

        public void Read(Uri url, HtmlScan scan)
        {
            Seen = true;
            foreach (var block in scan.Blocks)
            {
                Check(PricingModel.FreeTrial, FreeTrial(), block, url);
                Check(PricingModel.Freemium, Freemium(), block, url);
                Check(PricingModel.PerSeat, PerSeat(), block, url);
                Check(PricingModel.UsageBased, UsageBased(), block, url);
                Check(PricingModel.ContactSales, ContactSales(), block, url);
                foreach (Match m in Price().Matches(block))
                {
                    if (!ParseMoney(m, out var amount, out var currency))
                    {
                        if (m.Groups["num"].Value is "0" or "0.00" && currency.Length > 0)
                        {
                            AddEvidence(PricingModel.Freemium, block, url);
                        }

                        continue;
                    }

                    var period = m.Groups["period"].Success ? m.Groups["period"].Value.ToLowerInvariant() : null;
                    if (!points.Exists(p => p.Amount == amount && p.Currency == currency && p.Period == period))
                    {
                        points.Add(new PricePoint(amount, currency, period));
                        if (points.Count == 2)
                        {
                            AddEvidence(PricingModel.Tiered, block, url);
                        }
                    }
                }
            }
        }

        private void Check(PricingModel m, Regex regex, string block, Uri url)
        {
            if ((model & m) == 0 && regex.IsMatch(block))
            {
                AddEvidence(m, block, url);
            }
        }

        private void AddEvidence(PricingModel m, string block, Uri url)
        {
            if ((model & m) != 0)
            {
                return;
            }

            model |= m;
            evidence.Add(new PricingEvidence(m, Snippet(block), url));
        }

        public PricingInsight Result()
        {
            var m = model;
            if (points.Select(p => p.Amount).Distinct().Count() < 2)
            {
                m &= ~PricingModel.Tiered;
            }

            if ((m & PricingModel.ContactSales) != 0 && points.Count == 0 && (m & (PricingModel.Freemium | PricingModel.UsageBased | PricingModel.PerSeat)) == 0)
            {
                m |= PricingModel.EnterpriseOnly;
            }

            return m == PricingModel.Unknown && points.Count == 0 ? PricingInsight.None : new PricingInsight(m, points, evidence.Where(e => (m & e.Model) != 0).ToList());
        }
    }

    // ---- People ----

    private static void ExtractPeople(Uri url, HtmlScan scan, List<JsonDocument> jsonLd, List<WebsitePerson> people)
    {
        ExtractPeopleFromJsonLd(url, jsonLd, people);
        var runs = scan.Runs;
        for (var r = 0; r < runs.Count; r++)
        {
            var text = runs[r].Text;
            if (LooksLikeName(text))
            {
                for (var k = r + 1; k < runs.Count && k <= r + 2; k++)
                {
                    if (LooksLikeTitle(runs[k].Text) && !LooksLikeName(runs[k].Text))
                    {
                        AddPerson(people, text, runs[k].Text, url);
                        r = k;
                        break;
                    }
                }

                continue;
            }

            // "Jane Doe, Chief Executive Officer" in one line.
            var m = NameAndTitle().Match(text);
            if (m.Success && LooksLikeName(m.Groups["name"].Value) && LooksLikeTitle(m.Groups["title"].Value))
            {
                AddPerson(people, m.Groups["name"].Value, m.Groups["title"].Value.Trim(), url);
            }
        }
    }

    private static void ExtractPeopleFromJsonLd(Uri url, List<JsonDocument> jsonLd, List<WebsitePerson> people)
    {
        foreach (var person in OfType(jsonLd, "Person"))
        {
            var name = Str(person, "name");
            var title = Str(person, "jobTitle");
            if (name is not null && title is not null)
            {
                AddPerson(people, name, title, Str(person, "url") is { } u && Uri.TryCreate(url, u, out var abs) ? abs : url);
            }
        }
    }

    private static void AddPerson(List<WebsitePerson> people, string name, string title, Uri url)
    {
        if (!people.Exists(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            people.Add(new WebsitePerson(name, title, url));
        }
    }

    private static readonly HashSet<string> NotNameWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "our", "the", "team", "meet", "leadership", "about", "us", "company", "board", "directors", "advisors", "investors",
        "careers", "contact", "news", "blog", "pricing", "join", "read", "more", "learn", "get", "started", "sign", "in", "up",
        "book", "demo", "home", "product", "products", "features", "customers", "privacy", "policy", "terms", "service", "open",
        "roles", "values", "mission", "story", "office", "offices", "press", "resources", "free", "trial", "plans", "enterprise",
        "platform", "solutions", "partners", "support", "help", "center", "security", "status", "all", "rights", "reserved",
        "new", "latest", "and", "of", "for", "with", "to", "a", "an", "we", "are", "is", "you", "your", "by", "at", "on",
        "executive", "management", "founders", "people", "culture", "benefits", "why", "how", "what", "who", "inc", "ltd",
        "llc", "gmbh", "analytics", "software", "cloud", "data", "labs", "systems", "technologies", "group", "view", "all",
        "follow", "linkedin", "twitter", "apply", "now", "posted", "talk", "sales", "sign", "log", "login", "start", "try",
    };

    private static bool LooksLikeName(string text)
    {
        if (text.Length is < 4 or > 40)
        {
            return false;
        }

        var tokens = 0;
        foreach (var token in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            tokens++;
            if (tokens > 4 || !char.IsUpper(token[0]) || NotNameWords.Contains(token.TrimEnd('.', ',')))
            {
                return false;
            }

            foreach (var c in token)
            {
                if (!char.IsLetter(c) && c is not '-' and not '\'' and not '.' and not '’')
                {
                    return false;
                }
            }
        }

        return tokens >= 2 && !LooksLikeTitle(text);
    }

    private static bool LooksLikeTitle(string text) =>
        text.Length is >= 2 and <= 80 && TitleWord().IsMatch(text);

    // ---- Emails ----

    private static void CollectEmails(HtmlScan scan, HashSet<string> emails)
    {
        foreach (var a in scan.Anchors)
        {
            if (a.Href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
            {
                var address = a.Href[7..];
                var q = address.IndexOf('?', StringComparison.Ordinal);
                address = Uri.UnescapeDataString(q < 0 ? address : address[..q]).Trim();
                if (Email().IsMatch(address))
                {
                    emails.Add(address.ToLowerInvariant());
                }
            }
        }

        foreach (var block in scan.Blocks)
        {
            if (!block.Contains('@', StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match m in Email().Matches(block))
            {
                var value = m.Value.TrimEnd('.');
                if (!value.EndsWith(".png", StringComparison.OrdinalIgnoreCase) && !value.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase)
                    && !value.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) && !value.EndsWith(".webp", StringComparison.OrdinalIgnoreCase))
                {
                    emails.Add(value.ToLowerInvariant());
                }
            }
        }
    }

    // ---- Helpers ----

    private static bool ContainsAny(string value, string[] markers)
    {
        foreach (var m in markers)
        {
            if (value.Contains(m, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string Snippet(string text)
    {
        text = text.Trim();
        if (text.Length <= SnippetLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', SnippetLength - 1, 40);
        return string.Concat(text.AsSpan(0, cut > 0 ? cut : SnippetLength - 1), "…");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();

    [GeneratedRegex(@"^(apply|apply now|view|view role|view job|details|see role|see details|learn more|read more|open role|more)\b", RegexOptions.IgnoreCase)]
    private static partial Regex GenericLinkText();

    [GeneratedRegex(@"\b(rais(e|es|ed|ing)|clos(e|es|ed|ing)|secur(e|es|ed|ing)|announc(e|es|ed|ing)|land(s|ed)?|complet(e|es|ed|ing)|led by|backed by|funding round|round of funding)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FundingTrigger();

    [GeneratedRegex(@"\brais(e|es|ed|ing)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RaiseVerb();

    [GeneratedRegex(@"\b(funding|financing|investment|investors|venture|round)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FundingWord();

    [GeneratedRegex(@"\b(?<round>pre-seed|pre seed|series\s+[a-h]\+?(?=\W|$)|seed(?=\s+(round|funding|financing|investment|extension))|growth(?=\s+(round|equity|funding))|bridge(?=\s+(round|funding))|venture(?=\s+(round|debt))|angel(?=\s+round))", RegexOptions.IgnoreCase)]
    private static partial Regex FundingRound();

    [GeneratedRegex(@"(?:(?<sym>[$€£])\s?(?<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(?<unit>million|billion|thousand|mn|bn|mm|m|b|k)?\b|(?<num>\d+(?:\.\d+)?)\s?(?<unit>million|billion|mn|bn|m)\s+(?<code>usd|eur|gbp|dollars|euros|pounds)\b|\b(?<code>USD|EUR|GBP)\s?(?<num>\d+(?:\.\d+)?)\s?(?<unit>million|billion|mn|bn|m|k)?\b)", RegexOptions.IgnoreCase)]
    private static partial Regex MoneyAmount();

    [GeneratedRegex(@"(?<sym>[$€£])\s?(?<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d{1,2})?)(?![\d,.]*\d)(?!\s?(?:million|billion|m|bn|k)\b)(?:\s*(?:/|per)\s*(?<period>month|mo|year|yr|user|seat|member|agent|editor|host|contact|1,000|unit))?", RegexOptions.IgnoreCase)]
    private static partial Regex Price();

    [GeneratedRegex(@"\b(free trial|try (it )?(for )?free|start (your )?free|\d+[- ]day (free )?trial|trial for free|free for \d+ days)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FreeTrial();

    [GeneratedRegex(@"\b(free plan|free forever|forever free|free tier|free edition|free for up to|free starter|\$0\b|€0\b|£0\b|starter plan is free|basic plan is free)", RegexOptions.IgnoreCase)]
    private static partial Regex Freemium();

    [GeneratedRegex(@"(per (user|seat|member|agent|editor|license)|/ ?(user|seat|member|agent|editor)\b|a (user|seat) per month|per active user)", RegexOptions.IgnoreCase)]
    private static partial Regex PerSeat();

    [GeneratedRegex(@"\b(usage[- ]based|pay as you go|pay-as-you-go|per (1,000|1000|10,000|100) (requests|calls|events|emails|messages|api calls)|per (request|api call|gb|minute|message|transaction|event|credit)|metered billing|only pay for what you use)\b", RegexOptions.IgnoreCase)]
    private static partial Regex UsageBased();

    [GeneratedRegex(@"\b(contact sales|talk to sales|contact us for pricing|request (a )?(quote|pricing)|get a quote|custom pricing|speak to sales|book a demo for pricing|contact our sales team)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ContactSales();

    [GeneratedRegex(@"\b(?<m1>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y1>(?:19|20)\d{2})\b|\b(?<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<m2>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+(?<y2>(?:19|20)\d{2})\b|\b(?<iy>(?:19|20)\d{2})-(?<im>\d{2})-(?<id>\d{2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex TextDate();

    [GeneratedRegex(@"\b(Chief|CEO|CTO|CFO|COO|CMO|CRO|CPO|CISO|CIO|Founder|Co-?founder|Cofounder|President|VP|SVP|EVP|Vice President|Head|Director|Manager|Lead|Engineer|Officer|Partner|Designer|Specialist|Executive|Representative|Recruiter|Counsel|Analyst|Architect|Scientist|Consultant|Coordinator|Owner|Chair|Chairman|Chairwoman|Principal|Advisor|Developer|Associate|Strategist|Marketer|Administrator|Controller|Accountant)\b")]
    private static partial Regex TitleWord();

    [GeneratedRegex(@"^(?<name>[\p{Lu}][\p{L}'’.-]+(?:\s[\p{Lu}][\p{L}'’.-]+){1,3})\s*(?:,|–|—|-|\|)\s*(?<title>.{2,80})$")]
    private static partial Regex NameAndTitle();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}")]
    private static partial Regex Email();
}
