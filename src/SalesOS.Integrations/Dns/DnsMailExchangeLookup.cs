using System.Collections.Concurrent;
using System.Globalization;
using DnsClient;
using DnsClient.Protocol;
using Microsoft.Extensions.Options;
using SalesOS.Prospecting.Ports;

namespace SalesOS.Integrations.Dns;

/// <summary>
/// Finds a domain's mail exchangers with DnsClient. MX records come back sorted by preference; a null MX
/// (RFC 7505, exchange ".") or a domain that does not exist means no mail; a domain without MX but with an
/// A or AAAA record takes mail at that host (RFC 5321 §5.1 implicit MX); a timeout or server failure concludes
/// nothing (Unknown) and is not cached. Answers are cached for their TTL (at most MaxCacheDuration), "no mail"
/// without a TTL for NegativeCacheDuration, and at most CacheSize domains; concurrent lookups of one domain
/// share one query.
/// </summary>
public sealed class DnsMailExchangeLookup : IMailExchangeLookup
{
    private readonly LookupClient client;
    private readonly DnsOptions options;
    private readonly TimeProvider time;
    private readonly ConcurrentDictionary<string, CachedAnswer> cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<MailExchangeResult>>> inFlight = new(StringComparer.Ordinal);
    private readonly IdnMapping idn = new();
    private int evicting;

    private readonly record struct CachedAnswer(MailExchangeResult Result, long ExpiresAtTicks);

    public DnsMailExchangeLookup(IOptions<DnsOptions> options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.time = time ?? TimeProvider.System;
        var servers = this.options.NameServers
            .Select(s => DnsOptions.TryParseNameServer(s, out var endPoint) ? new NameServer(endPoint) : throw new OptionsValidationException(
                DnsOptions.SectionName, typeof(DnsOptions), [$"'{s}' is not an \"ip:port\" address"]))
            .ToArray();
        var clientOptions = servers.Length == 0 ? new LookupClientOptions() : new LookupClientOptions(servers);
        clientOptions.Timeout = this.options.Timeout;
        clientOptions.Retries = this.options.Retries;
        clientOptions.UseCache = false;
        clientOptions.ThrowDnsErrors = false;
        clientOptions.UseTcpFallback = true;
        clientOptions.ContinueOnDnsError = true;
        client = new LookupClient(clientOptions);
    }

    /// <summary>Domains currently cached (for diagnostics and tests).</summary>
    public int CachedDomains => cache.Count;

    public Task<MailExchangeResult> LookupAsync(string domain, CancellationToken cancellationToken)
    {
        if (!TryNormalize(domain, out var name))
        {
            return Task.FromResult(new MailExchangeResult(domain ?? "", MailExchangeStatus.NoMail, [], "is not a domain name"));
        }

        var now = time.GetUtcNow().UtcTicks;
        if (cache.TryGetValue(name, out var cached) && cached.ExpiresAtTicks > now)
        {
            return Task.FromResult(cached.Result);
        }

        var lazy = inFlight.GetOrAdd(name, n => new Lazy<Task<MailExchangeResult>>(() => LookupAndCacheAsync(n)));
        return lazy.Value.WaitAsync(cancellationToken);
    }

    private async Task<MailExchangeResult> LookupAndCacheAsync(string name)
    {
        try
        {
            var (result, ttl) = await QueryAsync(name).ConfigureAwait(false);
            if (ttl is { } keep && keep > TimeSpan.Zero)
            {
                Remember(name, result, keep);
            }

            return result;
        }
        finally
        {
            inFlight.TryRemove(name, out _);
        }
    }

    private async Task<(MailExchangeResult Result, TimeSpan? Ttl)> QueryAsync(string name)
    {
        var mx = await AskAsync(name, QueryType.MX).ConfigureAwait(false);
        if (mx.Failure is { } mxFailure)
        {
            return (new MailExchangeResult(name, MailExchangeStatus.Unknown, [], $"MX lookup failed: {mxFailure}"), null);
        }

        var response = mx.Response!;
        if (response.Header.ResponseCode == DnsHeaderResponseCode.NotExistentDomain)
        {
            return (new MailExchangeResult(name, MailExchangeStatus.NoMail, [], "the domain does not exist (NXDOMAIN)"), options.NegativeCacheDuration);
        }

        var records = response.Answers.MxRecords().ToList();
        if (records.Count > 0)
        {
            var ttl = TimeSpan.FromSeconds(records.Min(r => r.TimeToLive));
            if (records.All(r => IsRoot(r.Exchange.Value)))
            {
                return (new MailExchangeResult(name, MailExchangeStatus.NoMail, [], "the domain publishes a null MX (RFC 7505): it takes no mail"), ttl);
            }

            var exchangers = records
                .Where(r => !IsRoot(r.Exchange.Value))
                .OrderBy(r => r.Preference)
                .ThenBy(r => r.Exchange.Value, StringComparer.OrdinalIgnoreCase)
                .Select(r => r.Exchange.Value.TrimEnd('.').ToLowerInvariant())
                .Distinct(StringComparer.Ordinal)
                .ToList();
            return (new MailExchangeResult(name, MailExchangeStatus.AcceptsMail, exchangers, $"{exchangers.Count} MX record(s), best {exchangers[0]}"), ttl);
        }

        // No MX: a mailer delivers to the domain's own address, if it has one (implicit MX).
        foreach (var type in new[] { QueryType.A, QueryType.AAAA })
        {
            var address = await AskAsync(name, type).ConfigureAwait(false);
            if (address.Failure is { } failure)
            {
                return (new MailExchangeResult(name, MailExchangeStatus.Unknown, [], $"no MX, and the {type} lookup failed: {failure}"), null);
            }

            var found = address.Response!.Answers.Where(r => r is ARecord or AaaaRecord).ToList();
            if (found.Count > 0)
            {
                var ttl = TimeSpan.FromSeconds(found.Min(r => r.TimeToLive));
                return (new MailExchangeResult(name, MailExchangeStatus.AcceptsMail, [name], $"no MX; mail goes to the domain's {type} record (implicit MX)"), ttl);
            }
        }

        return (new MailExchangeResult(name, MailExchangeStatus.NoMail, [], "no MX and no A or AAAA record"), options.NegativeCacheDuration);
    }

    private async Task<(IDnsQueryResponse? Response, string? Failure)> AskAsync(string name, QueryType type)
    {
        try
        {
            var response = await client.QueryAsync(name, type, QueryClass.IN, CancellationToken.None).ConfigureAwait(false);
            return response.Header.ResponseCode switch
            {
                DnsHeaderResponseCode.NoError or DnsHeaderResponseCode.NotExistentDomain => (response, null),
                var code => (null, $"the server answered {code}"),
            };
        }
        catch (DnsResponseException e)
        {
            return (null, e.Code == DnsResponseCode.ConnectionTimeout ? $"no answer within {options.Timeout.TotalSeconds:0.#} s" : e.Code.ToString());
        }
        catch (OperationCanceledException)
        {
            return (null, "no answer in time");
        }
    }

    private void Remember(string name, MailExchangeResult result, TimeSpan ttl)
    {
        var keep = ttl < options.MaxCacheDuration ? ttl : options.MaxCacheDuration;
        cache[name] = new CachedAnswer(result, time.GetUtcNow().UtcTicks + keep.Ticks);
        if (cache.Count > options.CacheSize)
        {
            Evict();
        }
    }

    // Over the bound: drop what has expired, then, if still over, an arbitrary tenth (cheaper than LRU bookkeeping on every hit).
    private void Evict()
    {
        if (Interlocked.Exchange(ref evicting, 1) == 1)
        {
            return;
        }

        try
        {
            var now = time.GetUtcNow().UtcTicks;
            foreach (var (key, answer) in cache)
            {
                if (answer.ExpiresAtTicks <= now)
                {
                    cache.TryRemove(key, out _);
                }
            }

            var excess = cache.Count - options.CacheSize;
            if (excess > 0)
            {
                foreach (var key in cache.Keys.Take(excess + (options.CacheSize / 10)))
                {
                    cache.TryRemove(key, out _);
                }
            }
        }
        finally
        {
            Volatile.Write(ref evicting, 0);
        }
    }

    private bool TryNormalize(string? domain, out string name)
    {
        name = "";
        var text = domain?.Trim().TrimEnd('.');
        if (string.IsNullOrEmpty(text) || text.Length > 253 || text.Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            name = text.Any(c => c > '\x7f') ? idn.GetAscii(text) : text.ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return false;
        }

        return name.Contains('.', StringComparison.Ordinal);
    }

    private static bool IsRoot(string exchange) => exchange is "." or "";
}
