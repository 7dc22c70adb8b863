using SalesOS.Outreach.Tracking;

namespace SalesOS.Tests.Outreach.Messages;

/// <summary>The judgement table row by row, each with a User-Agent as such clients send it.</summary>
public sealed class EngagementFilterTests
{
    private static readonly DateTimeOffset SentAt = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Later = TimeSpan.FromHours(3);

    private const string Chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    private const string IPhoneMail = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148";
    private const string MacMail = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)";

    private readonly EngagementFilter filter = new();

    public static TheoryData<EngagementKind, string, string, bool, string> Rows() => new()
    {
        // Person rows: proxies that fetch on a real open.
        { EngagementKind.Open, "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)", "GET", false, "gmail-image-proxy" },
        { EngagementKind.Open, "YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html", "GET", false, "yahoo-mail-proxy" },
        // Apple Mail Privacy Protection.
        { EngagementKind.Open, "Mozilla/5.0", "GET", true, "apple-mpp-proxy" },
        // Security gateways and link checkers.
        { EngagementKind.Click, "Mozilla/5.0 (compatible; Barracuda Sentinel URL Scanner)", "GET", true, "barracuda" },
        { EngagementKind.Click, "Mimecast URL Protect/1.0", "GET", true, "mimecast" },
        { EngagementKind.Click, "Mozilla/5.0 (compatible; Proofpoint URL Defense)", "GET", true, "proofpoint" },
        { EngagementKind.Click, "Mozilla/5.0 (Windows NT 10.0) urldefense.proofpoint.com", "GET", true, "proofpoint" },
        { EngagementKind.Click, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) SafeLinks/1.0", "GET", true, "microsoft-safe-links" },
        { EngagementKind.Click, "Microsoft Office Existence Discovery", "GET", true, "microsoft-safe-links" },
        { EngagementKind.Click, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) BingPreview/1.0b", "GET", true, "microsoft-safe-links" },
        { EngagementKind.Click, "Cisco IronPort URL Filter", "GET", true, "cisco-ironport" },
        { EngagementKind.Click, "Mozilla/5.0 (compatible; Symantec Email Security.cloud Link Following)", "GET", true, "symantec" },
        { EngagementKind.Click, "MessageLabs Click-Time Protection", "GET", true, "symantec" },
        { EngagementKind.Click, "Mozilla/5.0 (compatible; Trend Micro InterScan Web Security)", "GET", true, "trend-micro" },
        { EngagementKind.Click, "Forcepoint Email Security", "GET", true, "forcepoint" },
        { EngagementKind.Click, "Sophos Email Time-of-Click", "GET", true, "sophos" },
        { EngagementKind.Click, "FortiMail URL Click Protection", "GET", true, "fortinet" },
        { EngagementKind.Click, "Mozilla/5.0 Zscaler Sandbox", "GET", true, "zscaler" },
        { EngagementKind.Click, "Avanan Link Inspector", "GET", true, "checkpoint" },
        { EngagementKind.Click, "Palo Alto Networks WildFire", "GET", true, "palo-alto" },
        { EngagementKind.Click, "VadeSecure Time-of-Click", "GET", true, "vade" },
        { EngagementKind.Click, "Hornetsecurity ATP URL Scan", "GET", true, "hornetsecurity" },
        { EngagementKind.Click, "SpamTitan URL Check", "GET", true, "spamtitan" },
        // Automation.
        { EngagementKind.Click, "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36", "GET", true, "headless-browser" },
        { EngagementKind.Click, "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", "GET", true, "link-preview" },
        { EngagementKind.Click, "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", "GET", true, "link-preview" },
        { EngagementKind.Click, "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)", "GET", true, "link-preview" },
        { EngagementKind.Click, "Mozilla/5.0 (compatible; Link Preview Service)", "GET", true, "prefetcher" },
        { EngagementKind.Open, "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "GET", true, "bot" },
        { EngagementKind.Click, "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)", "GET", true, "bot" },
        { EngagementKind.Click, "Mozilla/5.0 (compatible; SecurityScanner/2.0)", "GET", true, "bot" },
        // HTTP client libraries.
        { EngagementKind.Click, "curl/8.5.0", "GET", true, "http-library" },
        { EngagementKind.Click, "python-requests/2.32.3", "GET", true, "http-library" },
        { EngagementKind.Open, "Python-urllib/3.12", "GET", true, "http-library" },
        { EngagementKind.Click, "Go-http-client/2.0", "GET", true, "http-library" },
        { EngagementKind.Click, "Java/17.0.2", "GET", true, "http-library" },
        { EngagementKind.Click, "okhttp/4.12.0", "GET", true, "http-library" },
        { EngagementKind.Click, "Apache-HttpClient/4.5.14 (Java/17.0.9)", "GET", true, "http-library" },
        { EngagementKind.Click, "Wget/1.21.4", "GET", true, "http-library" },
        { EngagementKind.Click, "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)", "GET", true, "http-library" },
        { EngagementKind.Click, "axios/1.7.2", "GET", true, "http-library" },
        { EngagementKind.Click, ".NET/8.0 System.Net.Http", "GET", true, "dotnet-http-client" },
        // People.
        { EngagementKind.Click, Chrome, "GET", false, "person" },
        { EngagementKind.Click, "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", "GET", false, "person" },
        { EngagementKind.Open, "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17928; Pro)", "GET", false, "person" },
        { EngagementKind.Open, "Mozilla/4.0 (compatible; MSIE 7.0; Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; Microsoft Outlook 16.0.5422; ms-office; MSOffice 16)", "GET", false, "person" },
        { EngagementKind.Open, "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Thunderbird/128.5.0", "GET", false, "person" },
        { EngagementKind.Open, IPhoneMail, "GET", false, "person" },
        { EngagementKind.Open, MacMail, "get", false, "person" },
        // Apple's relay prefetches images, not links: the bare agent on a click is not judged by the open rule.
        { EngagementKind.Click, "Mozilla/5.0", "GET", false, "person" },
        // Method.
        { EngagementKind.Click, Chrome, "HEAD", true, "method" },
        { EngagementKind.Click, Chrome, "OPTIONS", true, "method" },
        { EngagementKind.Open, Chrome, "", true, "method" },
        // No agent.
        { EngagementKind.Open, "", "GET", true, "no-user-agent" },
        { EngagementKind.Click, "   ", "GET", true, "no-user-agent" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Judge_HoursAfterSending_FollowsTheTable(EngagementKind kind, string userAgent, string method, bool machine, string rule)
    {
        var judgement = filter.Judge(kind, userAgent, method, SentAt, SentAt + Later);
        Assert.Equal((machine, rule), (judgement.IsMachine, judgement.Rule));
        Assert.False(string.IsNullOrWhiteSpace(judgement.Reason));
    }

    [Fact]
    public void Rows_ExerciseEveryRuleOfTheTable()
    {
        var exercised = Rows().Select(row => (string)row[4]).ToHashSet();
        // The Apple Mail prefetch row only fires shortly after sending; it has its own test below.
        var untested = EngagementFilter.Rules.Select(r => r.Name).Where(n => !exercised.Contains(n) && n != "apple-mail-prefetch").ToList();
        Assert.True(untested.Count == 0, string.Join(", ", untested));
    }

    [Theory]
    [InlineData(EngagementKind.Open, 0)]
    [InlineData(EngagementKind.Open, 3)]
    [InlineData(EngagementKind.Click, 9.5)]
    public void Judge_WithinSecondsOfSending_IsAScanner(EngagementKind kind, double seconds)
    {
        var judgement = filter.Judge(kind, Chrome, "GET", SentAt, SentAt.AddSeconds(seconds));
        Assert.Equal((true, "too-soon"), (judgement.IsMachine, judgement.Rule));
    }

    [Fact]
    public void Judge_AfterTheScannerWindow_IsAPerson()
    {
        Assert.False(filter.Judge(EngagementKind.Click, Chrome, "GET", SentAt, SentAt.AddSeconds(10)).IsMachine);
        var strict = new EngagementFilter(TimeSpan.FromMinutes(1));
        Assert.True(strict.Judge(EngagementKind.Click, Chrome, "GET", SentAt, SentAt.AddSeconds(30)).IsMachine);
    }

    [Fact]
    public void Judge_BeforeItWasSent_IsAMachine()
    {
        var judgement = filter.Judge(EngagementKind.Open, Chrome, "GET", SentAt, SentAt.AddMinutes(-5));
        Assert.Equal((true, "before-send"), (judgement.IsMachine, judgement.Rule));
    }

    [Fact]
    public void Judge_GmailProxySoonAfterSending_IsStillAPerson()
    {
        // Gmail fetches through its proxy only when someone opens, however soon that is.
        var judgement = filter.Judge(EngagementKind.Open, "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)", "GET", SentAt, SentAt.AddSeconds(2));
        Assert.False(judgement.IsMachine);
    }

    [Theory]
    [InlineData(IPhoneMail)]
    [InlineData(MacMail)]
    public void Judge_AppleMailOpenAtDelivery_IsAPrefetch(string userAgent)
    {
        var atDelivery = filter.Judge(EngagementKind.Open, userAgent, "GET", SentAt, SentAt.AddSeconds(45));
        Assert.Equal((true, "apple-mail-prefetch"), (atDelivery.IsMachine, atDelivery.Rule));
        Assert.False(filter.Judge(EngagementKind.Open, userAgent, "GET", SentAt, SentAt.AddMinutes(30)).IsMachine);
        // A click is a person's act even in Apple Mail.
        Assert.False(filter.Judge(EngagementKind.Click, userAgent, "GET", SentAt, SentAt.AddSeconds(45)).IsMachine);
    }

    [Fact]
    public void Judge_ScannerSoonAfterSending_NamesTheScanner()
    {
        var judgement = filter.Judge(EngagementKind.Click, "Mimecast URL Protect/1.0", "GET", SentAt, SentAt.AddSeconds(1));
        Assert.Equal("mimecast", judgement.Rule);
    }

    [Fact]
    public void Judge_HugeUserAgent_IsJudgedWithoutTrouble()
    {
        var judgement = filter.Judge(EngagementKind.Click, Chrome + new string('x', 100_000) + " curl/8", "GET", SentAt, SentAt + Later);
        Assert.False(judgement.IsMachine);
        Assert.True(filter.Judge(EngagementKind.Click, null, "GET", SentAt, SentAt + Later).IsMachine);
    }
}
