using System.Text.RegularExpressions;

namespace SalesOS.Outreach.Tracking;

public enum EngagementKind
{
    Open,
    Click,
}

/// <summary>Whether an open or click came from a machine (scanner, prefetch, client library), the rule that decided, and why.</summary>
public sealed record EngagementJudgement(bool IsMachine, string Rule, string Reason);

/// <summary>How a <see cref="UserAgentRule"/> compares its pattern with the User-Agent.</summary>
public enum UserAgentMatch
{
    /// <summary>The User-Agent contains the pattern (ignoring case).</summary>
    Contains,

    /// <summary>The whole User-Agent is the pattern (ignoring case and surrounding spaces).</summary>
    Exact,

    /// <summary>The pattern is a regular expression (ignoring case).</summary>
    Pattern,
}

/// <summary>
/// One row of the judgement table. <see cref="Only"/> limits it to opens or clicks; <see cref="Within"/> to events
/// that soon after the send (a prefetch happens at delivery, a person reads later).
/// </summary>
public sealed class UserAgentRule
{
    private readonly Regex? regex;

    public UserAgentRule(string name, UserAgentMatch match, string pattern, bool isMachine, string reason, EngagementKind? only = null, TimeSpan? within = null)
    {
        (Name, Match, Pattern, IsMachine, Reason, Only, Within) = (name, match, pattern, isMachine, reason, only, within);
        // Non-backtracking: a hostile User-Agent cannot make matching slow.
        regex = match == UserAgentMatch.Pattern
            ? new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)
            : null;
    }

    public string Name { get; }

    public UserAgentMatch Match { get; }

    public string Pattern { get; }

    public bool IsMachine { get; }

    public string Reason { get; }

    public EngagementKind? Only { get; }

    public TimeSpan? Within { get; }

    public bool Matches(string userAgent) => Match switch
    {
        UserAgentMatch.Contains => userAgent.Contains(Pattern, StringComparison.OrdinalIgnoreCase),
        UserAgentMatch.Exact => userAgent.AsSpan().Trim().Equals(Pattern, StringComparison.OrdinalIgnoreCase),
        _ => regex!.IsMatch(userAgent),
    };
}

/// <summary>
/// Judges whether an open or a click was a person. In order: a method other than GET is a machine (link checkers
/// send HEAD); the person rows of <see cref="Rules"/> (image proxies that fetch only when someone opens, such as
/// Gmail's); an event before the send; the machine rows (scanners, prefetch, bots, client libraries); an event within
/// <see cref="ScannerWindow"/> of the send is a scanner (nobody reads and clicks that fast); a missing User-Agent is
/// a machine; anything else is a person.
/// </summary>
public sealed class EngagementFilter(TimeSpan? scannerWindow = null)
{
    /// <summary>How soon after sending an event is taken for a scanner at delivery, by default.</summary>
    public static readonly TimeSpan DefaultScannerWindow = TimeSpan.FromSeconds(10);

    /// <summary>Apple Mail Privacy Protection fetches every image when a message lands, typically within a minute or two.</summary>
    public static readonly TimeSpan PrefetchWindow = TimeSpan.FromMinutes(2);

    // Real User-Agents are a few hundred characters; anything longer is cut before matching.
    private const int MaxUserAgentLength = 1024;

    /// <summary>The judgement table, first match wins among the person rows, then among the machine rows.</summary>
    public static IReadOnlyList<UserAgentRule> Rules { get; } =
    [
        // Proxies that fetch on a real open.
        new("gmail-image-proxy", UserAgentMatch.Contains, "GoogleImageProxy", false, "Gmail's image proxy fetches the pixel when the recipient opens the message"),
        new("yahoo-mail-proxy", UserAgentMatch.Contains, "YahooMailProxy", false, "Yahoo Mail's image proxy fetches the pixel when the recipient opens the message"),

        // Apple Mail Privacy Protection: fetched through Apple's relay at delivery, opened or not.
        new("apple-mpp-proxy", UserAgentMatch.Exact, "Mozilla/5.0", true,
            "Apple Mail Privacy Protection's relay fetches every image at delivery with a bare 'Mozilla/5.0'", EngagementKind.Open),
        new("apple-mail-prefetch", UserAgentMatch.Pattern, @"AppleWebKit/[\d.]+ \(KHTML, like Gecko\)( Mobile/\w+)?$", true,
            "Apple Mail fetched the images within minutes of delivery: Mail Privacy Protection's prefetch, not a read", EngagementKind.Open, PrefetchWindow),

        // Email security gateways and link scanners.
        new("barracuda", UserAgentMatch.Contains, "Barracuda", true, "Barracuda Email Security scans links at delivery"),
        new("mimecast", UserAgentMatch.Contains, "Mimecast", true, "Mimecast URL Protect scans links at delivery"),
        new("proofpoint", UserAgentMatch.Pattern, @"proofpoint|urldefense|\bppops\b", true, "Proofpoint URL Defense scans links at delivery"),
        new("microsoft-safe-links", UserAgentMatch.Pattern, @"safelinks|Microsoft Office Existence Discovery|BingPreview|MicrosoftPreview", true,
            "Microsoft Defender for Office 365 (Safe Links) or Office link discovery fetched the link"),
        new("cisco-ironport", UserAgentMatch.Pattern, @"IronPort|Cisco.*(ESA|Secure Email)", true, "Cisco Secure Email (IronPort) scans links"),
        new("symantec", UserAgentMatch.Pattern, @"Symantec|MessageLabs|Broadcom", true, "Symantec (Broadcom) Email Security scans links"),
        new("trend-micro", UserAgentMatch.Pattern, @"Trend ?Micro|\bTMUFE\b|InterScan", true, "Trend Micro email security scans links"),
        new("forcepoint", UserAgentMatch.Contains, "Forcepoint", true, "Forcepoint email security scans links"),
        new("sophos", UserAgentMatch.Contains, "Sophos", true, "Sophos email security scans links"),
        new("fortinet", UserAgentMatch.Pattern, @"Forti(net|Guard|Mail)", true, "Fortinet FortiMail scans links"),
        new("zscaler", UserAgentMatch.Contains, "Zscaler", true, "Zscaler scans links"),
        new("checkpoint", UserAgentMatch.Pattern, @"Check ?Point|Avanan", true, "Check Point (Avanan) email security scans links"),
        new("palo-alto", UserAgentMatch.Pattern, @"Palo ?Alto|WildFire", true, "Palo Alto Networks scans links"),
        new("vade", UserAgentMatch.Pattern, @"\bVade(Secure)?\b", true, "Vade email security scans links"),
        new("hornetsecurity", UserAgentMatch.Contains, "Hornet", true, "Hornetsecurity scans links"),
        new("spamtitan", UserAgentMatch.Contains, "SpamTitan", true, "SpamTitan scans links"),

        // Automation: headless browsers, link previews, crawlers.
        new("headless-browser", UserAgentMatch.Pattern, @"HeadlessChrome|PhantomJS|Puppeteer|Playwright|Selenium|Electron/.*Headless", true, "A headless browser fetched it: automation, not a person"),
        new("link-preview", UserAgentMatch.Pattern, @"facebookexternalhit|Slack(bot|-ImgProxy)|Twitterbot|LinkedInBot|WhatsApp|TelegramBot|Discordbot|SkypeUriPreview|redditbot|Embedly|Iframely", true,
            "A chat or social app fetched a preview of the link"),
        new("prefetcher", UserAgentMatch.Pattern, @"prefetch|preview|preload|\bpreconnect\b", true, "A link prefetcher or previewer fetched it ahead of any click"),
        new("bot", UserAgentMatch.Pattern, @"(bot|crawler|spider|scanner|slurp)\b|\bbot", true, "The User-Agent says it is a bot or crawler"),

        // HTTP client libraries: scripts, not mail clients.
        new("http-library", UserAgentMatch.Pattern,
            @"^(curl|Wget|python|aiohttp|httpx|Go-http-client|Java/|okhttp|Apache-HttpClient|libwww-perl|LWP::|node-fetch|undici|axios|got \(|PostmanRuntime|Ruby|Faraday|Guzzle|PHP|Dart/|Deno/|Bun/|reqwest|HTTPie|Insomnia)", true,
            "An HTTP client library made the request: a script, not a mail client or browser"),
        new("dotnet-http-client", UserAgentMatch.Pattern, @"^(Microsoft\.Net|\.NET|System\.Net\.Http)", true, "A .NET HTTP client made the request: a script, not a mail client or browser"),
    ];

    public TimeSpan ScannerWindow { get; } = scannerWindow ?? DefaultScannerWindow;

    public EngagementJudgement Judge(EngagementKind kind, string? userAgent, string method, DateTimeOffset sentAt, DateTimeOffset at)
    {
        if (!string.Equals(method?.Trim(), "GET", StringComparison.OrdinalIgnoreCase))
        {
            var shown = string.IsNullOrWhiteSpace(method) ? "no method" : method.Trim().ToUpperInvariant();
            return new(true, "method", $"A {shown} request: link checkers and scanners probe with HEAD; a person's mail client or browser sends GET");
        }

        var agent = (userAgent ?? "").Trim();
        if (agent.Length > MaxUserAgentLength)
        {
            agent = agent[..MaxUserAgentLength];
        }

        var elapsed = at - sentAt;
        var matches = agent.Length == 0 ? [] : Rules.Where(r => (r.Only is null || r.Only == kind) && (r.Within is null || elapsed <= r.Within) && r.Matches(agent)).ToList();
        if (matches.FirstOrDefault(r => !r.IsMachine) is { } person)
        {
            return new(false, person.Name, person.Reason);
        }

        if (elapsed < TimeSpan.Zero)
        {
            return new(true, "before-send", "Recorded before the message was sent: a replayed or forged request");
        }

        if (matches.FirstOrDefault() is { } machine)
        {
            return new(true, machine.Name, machine.Reason);
        }

        if (elapsed < ScannerWindow)
        {
            return new(true, "too-soon",
                $"{(kind == EngagementKind.Open ? "Opened" : "Clicked")} {elapsed.TotalSeconds:0.#} s after sending: a scanner at delivery, nobody reads that fast");
        }

        return agent.Length == 0
            ? new(true, "no-user-agent", "No User-Agent: mail clients and browsers always send one")
            : new(false, "person", "A mail client or browser, at a human pace");
    }
}
