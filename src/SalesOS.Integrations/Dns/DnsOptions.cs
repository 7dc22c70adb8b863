using System.Net;

namespace SalesOS.Integrations.Dns;

/// <summary>Configuration section "SalesOS:Dns": which resolvers to ask and how long answers are kept.</summary>
public sealed class DnsOptions
{
    public const string SectionName = "SalesOS:Dns";

    /// <summary>Resolvers as "ip:port" ("10.0.0.2:53", "[2001:db8::1]:53"; the port defaults to 53). Empty: the system's resolvers.</summary>
    public IList<string> NameServers { get; init; } = [];

    /// <summary>How long to wait for one answer before trying again or giving up.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How many times a question that timed out is asked again.</summary>
    public int Retries { get; set; } = 1;

    /// <summary>At most this many domains' answers are kept in memory.</summary>
    public int CacheSize { get; set; } = 50_000;

    /// <summary>How long "this domain takes no mail" is believed when the answer carried no TTL of its own (NXDOMAIN, no records).</summary>
    public TimeSpan NegativeCacheDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Longest a positive answer is kept even if its TTL says more.</summary>
    public TimeSpan MaxCacheDuration { get; set; } = TimeSpan.FromHours(6);

    internal static bool TryParseNameServer(string text, out IPEndPoint endPoint)
    {
        var trimmed = text.Trim();
        if (IPAddress.TryParse(trimmed, out var bare))
        {
            endPoint = new IPEndPoint(bare, 53);
            return true;
        }

        if (IPEndPoint.TryParse(trimmed, out var parsed) && parsed.Port != 0)
        {
            endPoint = parsed;
            return true;
        }

        endPoint = null!;
        return false;
    }

    internal IEnumerable<string> Problems()
    {
        foreach (var server in NameServers)
        {
            if (!TryParseNameServer(server, out _))
            {
                yield return $"{SectionName}:NameServers: '{server}' is not an \"ip:port\" address";
            }
        }

        if (Timeout <= TimeSpan.Zero)
        {
            yield return $"{SectionName}:Timeout must be positive";
        }

        if (Retries < 0)
        {
            yield return $"{SectionName}:Retries must not be negative";
        }

        if (CacheSize < 1)
        {
            yield return $"{SectionName}:CacheSize must be at least 1";
        }
    }
}
