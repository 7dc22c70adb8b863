namespace SalesOS.Integrations.Web;

/// <summary>
/// The rules of one robots.txt for our user-agent token (RFC 9309): the group naming us, else the "*" group;
/// the longest matching Allow/Disallow pattern wins (Allow on a tie), with '*' and '$' wildcards.
/// </summary>
public sealed class RobotsRules
{
    private readonly List<(bool Allow, string Pattern)> rules;

    private RobotsRules(List<(bool Allow, string Pattern)> rules, TimeSpan? crawlDelay, IReadOnlyList<string> sitemaps)
    {
        this.rules = rules;
        CrawlDelay = crawlDelay;
        Sitemaps = sitemaps;
    }

    public static RobotsRules AllowAll { get; } = new([], null, []);

    public static RobotsRules DisallowAll { get; } = new([(false, "/")], null, []);

    public TimeSpan? CrawlDelay { get; }

    public IReadOnlyList<string> Sitemaps { get; }

    public static RobotsRules Parse(string text, string userAgentToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(userAgentToken);
        var token = userAgentToken.ToLowerInvariant();
        var sitemaps = new List<string>();
        var mine = new List<(bool, string)>();
        var star = new List<(bool, string)>();
        TimeSpan? myDelay = null, starDelay = null;
        var foundMine = false;
        var groupIsMine = false;
        var groupIsStar = false;
        var inAgents = false;

        foreach (var raw in text.Split('\n'))
        {
            var line = raw;
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                line = line[..hash];
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "user-agent":
                    if (!inAgents)
                    {
                        groupIsMine = false;
                        groupIsStar = false;
                        inAgents = true;
                    }

                    var agent = value.ToLowerInvariant();
                    var slash = agent.IndexOf('/', StringComparison.Ordinal);
                    agent = (slash >= 0 ? agent[..slash] : agent).Trim();
                    if (agent == "*")
                    {
                        groupIsStar = true;
                    }
                    else if (agent == token)
                    {
                        groupIsMine = true;
                        foundMine = true;
                    }

                    break;
                case "allow" or "disallow":
                    inAgents = false;
                    if (value.Length == 0)
                    {
                        break;
                    }

                    var rule = (key == "allow", value);
                    if (groupIsMine)
                    {
                        mine.Add(rule);
                    }

                    if (groupIsStar)
                    {
                        star.Add(rule);
                    }

                    break;
                case "crawl-delay":
                    inAgents = false;
                    if (double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and < 86_400)
                    {
                        var delay = TimeSpan.FromSeconds(seconds);
                        if (groupIsMine)
                        {
                            myDelay = delay;
                        }

                        if (groupIsStar)
                        {
                            starDelay = delay;
                        }
                    }

                    break;
                case "sitemap":
                    if (value.Length > 0)
                    {
                        sitemaps.Add(value);
                    }

                    break;
                default:
                    inAgents = false;
                    break;
            }
        }

        return foundMine ? new RobotsRules(mine, myDelay, sitemaps) : new RobotsRules(star, starDelay, sitemaps);
    }

    /// <summary>Whether a path (with its query) may be fetched.</summary>
    public bool IsAllowed(string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        if (pathAndQuery == "/robots.txt")
        {
            return true;
        }

        var bestLength = -1;
        var allowed = true;
        foreach (var (allow, pattern) in rules)
        {
            if (pattern.Length < bestLength || !Matches(pathAndQuery, pattern))
            {
                continue;
            }

            if (pattern.Length > bestLength || allow)
            {
                allowed = allow;
                bestLength = pattern.Length;
            }
        }

        return allowed;
    }

    private static bool Matches(string path, string pattern)
    {
        var anchored = pattern.EndsWith('$');
        return Glob(path, 0, anchored ? pattern[..^1] : pattern, 0, anchored);
    }

    private static bool Glob(string path, int pi, string pattern, int ti, bool anchored)
    {
        while (ti < pattern.Length)
        {
            if (pattern[ti] == '*')
            {
                while (ti < pattern.Length && pattern[ti] == '*')
                {
                    ti++;
                }

                if (ti == pattern.Length)
                {
                    return true;
                }

                for (var k = pi; k <= path.Length; k++)
                {
                    if (Glob(path, k, pattern, ti, anchored))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (pi >= path.Length || path[pi] != pattern[ti])
            {
                return false;
            }

            pi++;
            ti++;
        }

        return !anchored || pi == path.Length;
    }
}
