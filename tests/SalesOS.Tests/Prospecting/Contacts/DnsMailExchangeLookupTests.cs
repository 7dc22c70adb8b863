using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SalesOS.Integrations.Dns;
using SalesOS.Prospecting.Ports;
using SalesOS.Testing;

namespace SalesOS.Tests.Prospecting.Contacts;

/// <summary>The MX lookup against a real DNS server on 127.0.0.1: every answer kind, failures, and the cache.</summary>
public sealed class DnsMailExchangeLookupTests : IAsyncLifetime
{
    private readonly LoopbackDnsServer dns = LoopbackDnsServer.Start();
    private readonly FakeTimeProvider time = new(DateTimeOffset.Parse("2025-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public Task InitializeAsync()
    {
        dns.AddMx("acme.com", 20, "backup.mail.acme.com", ttl: 600)
            .AddMx("acme.com", 10, "mx1.acme.com", ttl: 300)
            .AddMx("acme.com", 10, "ALT.acme.com.", ttl: 300)
            .AddNullMx("nomail.acme.com")
            .AddAddress("implicit.acme.com", IPAddress.Parse("192.0.2.10"))
            .AddAddress("v6only.acme.com", IPAddress.Parse("2001:db8::10"))
            .AddEmpty("bare.acme.com")
            .FailWithServFail("broken.acme.com")
            .NeverAnswer("silent.acme.com");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await dns.DisposeAsync();

    private DnsMailExchangeLookup Lookup(int cacheSize = 50_000) => new(
        Options.Create(new DnsOptions { NameServers = [dns.Address], Timeout = TimeSpan.FromMilliseconds(300), Retries = 1, CacheSize = cacheSize }),
        time);

    [Fact]
    public async Task MxRecords_ComeBackSortedByPreference()
    {
        var result = await Lookup().LookupAsync("Acme.com.", CancellationToken.None);

        Assert.Equal(MailExchangeStatus.AcceptsMail, result.Status);
        Assert.Equal(["alt.acme.com", "mx1.acme.com", "backup.mail.acme.com"], result.Exchangers);
        Assert.Equal("acme.com", result.Domain);
    }

    [Fact]
    public async Task NullMx_MeansNoMail()
    {
        var result = await Lookup().LookupAsync("nomail.acme.com", CancellationToken.None);

        Assert.Equal(MailExchangeStatus.NoMail, result.Status);
        Assert.Contains("null MX", result.Reason, StringComparison.Ordinal);
        Assert.Empty(result.Exchangers);
    }

    [Fact]
    public async Task NxDomain_MeansNoMail()
    {
        var result = await Lookup().LookupAsync("does-not-exist.acme.com", CancellationToken.None);

        Assert.Equal(MailExchangeStatus.NoMail, result.Status);
        Assert.Contains("NXDOMAIN", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("implicit.acme.com")]
    [InlineData("v6only.acme.com")]
    public async Task NoMx_ButAnAddress_TakesMailThere(string domain)
    {
        var result = await Lookup().LookupAsync(domain, CancellationToken.None);

        Assert.Equal(MailExchangeStatus.AcceptsMail, result.Status);
        Assert.Equal([domain], result.Exchangers);
        Assert.Contains("implicit MX", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoMx_AndNoAddress_MeansNoMail()
    {
        var result = await Lookup().LookupAsync("bare.acme.com", CancellationToken.None);

        Assert.Equal(MailExchangeStatus.NoMail, result.Status);
        Assert.Equal(1, dns.QueriesFor("bare.acme.com", LoopbackDnsServer.TypeA));
        Assert.Equal(1, dns.QueriesFor("bare.acme.com", LoopbackDnsServer.TypeAaaa));
    }

    [Fact]
    public async Task ServFail_IsUnknown_AndNotCached()
    {
        var lookup = Lookup();

        var first = await lookup.LookupAsync("broken.acme.com", CancellationToken.None);
        var second = await lookup.LookupAsync("broken.acme.com", CancellationToken.None);

        Assert.Equal(MailExchangeStatus.Unknown, first.Status);
        Assert.Contains("ServerFailure", first.Reason, StringComparison.Ordinal);
        Assert.Equal(MailExchangeStatus.Unknown, second.Status);
        Assert.True(dns.QueriesFor("broken.acme.com", LoopbackDnsServer.TypeMx) >= 2);
    }

    [Fact]
    public async Task Timeout_IsUnknown_AfterTheRetries()
    {
        var clock = Stopwatch.StartNew();

        var result = await Lookup().LookupAsync("silent.acme.com", CancellationToken.None);

        Assert.Equal(MailExchangeStatus.Unknown, result.Status);
        Assert.Contains("no answer", result.Reason, StringComparison.Ordinal);
        Assert.Equal(2, dns.QueriesFor("silent.acme.com", LoopbackDnsServer.TypeMx));
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Answers_AreCachedForTheirTtl()
    {
        var lookup = Lookup();

        await lookup.LookupAsync("acme.com", CancellationToken.None);
        await lookup.LookupAsync("ACME.com", CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(299));
        await lookup.LookupAsync("acme.com", CancellationToken.None);
        Assert.Equal(1, dns.QueriesFor("acme.com", LoopbackDnsServer.TypeMx));

        // The shortest TTL among the records (300 s) decides.
        time.Advance(TimeSpan.FromSeconds(2));
        await lookup.LookupAsync("acme.com", CancellationToken.None);
        Assert.Equal(2, dns.QueriesFor("acme.com", LoopbackDnsServer.TypeMx));
    }

    [Fact]
    public async Task NegativeAnswers_AreCachedForFiveMinutes()
    {
        var lookup = Lookup();

        await lookup.LookupAsync("gone.acme.com", CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(4));
        await lookup.LookupAsync("gone.acme.com", CancellationToken.None);
        Assert.Equal(1, dns.QueriesFor("gone.acme.com", LoopbackDnsServer.TypeMx));

        time.Advance(TimeSpan.FromMinutes(1.5));
        await lookup.LookupAsync("gone.acme.com", CancellationToken.None);
        Assert.Equal(2, dns.QueriesFor("gone.acme.com", LoopbackDnsServer.TypeMx));
    }

    [Fact]
    public async Task ConcurrentLookups_OfOneDomain_ShareOneQuery()
    {
        var lookup = Lookup();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => lookup.LookupAsync("acme.com", CancellationToken.None)));

        Assert.All(results, r => Assert.Equal(MailExchangeStatus.AcceptsMail, r.Status));
        Assert.Equal(1, dns.QueriesFor("acme.com", LoopbackDnsServer.TypeMx));
    }

    [Fact]
    public async Task TheCache_StaysWithinItsSize()
    {
        for (var i = 0; i < 40; i++)
        {
            dns.AddMx($"d{i}.example.com", 10, "mx.example.com");
        }

        var lookup = Lookup(cacheSize: 10);
        for (var i = 0; i < 40; i++)
        {
            await lookup.LookupAsync($"d{i}.example.com", CancellationToken.None);
        }

        Assert.InRange(lookup.CachedDomains, 1, 10);
    }

    [Theory]
    [InlineData("")]
    [InlineData("localhost")]
    [InlineData("not a domain")]
    public async Task NonDomains_AreNoMail_WithoutAQuery(string domain)
    {
        var result = await Lookup().LookupAsync(domain, CancellationToken.None);

        Assert.Equal(MailExchangeStatus.NoMail, result.Status);
        Assert.Equal(0, dns.QueryCount);
    }

    [Fact]
    public async Task AddSalesOSDns_BindsTheSection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SalesOS:Dns:NameServers:0"] = dns.Address,
            ["SalesOS:Dns:Timeout"] = "00:00:01",
            ["SalesOS:Dns:Retries"] = "0",
            ["SalesOS:Dns:CacheSize"] = "1000",
        }).Build();
        await using var provider = new ServiceCollection().AddSalesOSDns(configuration).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<DnsOptions>>().Value;
        var result = await provider.GetRequiredService<IMailExchangeLookup>().LookupAsync("acme.com", CancellationToken.None);

        Assert.Equal([dns.Address], options.NameServers);
        Assert.Equal(TimeSpan.FromSeconds(1), options.Timeout);
        Assert.Equal(0, options.Retries);
        Assert.Equal(1000, options.CacheSize);
        Assert.Equal(MailExchangeStatus.AcceptsMail, result.Status);
    }

    [Fact]
    public void AddSalesOSDns_RefusesABadNameServer()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SalesOS:Dns:NameServers:0"] = "dns.example.com:53",
        }).Build();
        using var provider = new ServiceCollection().AddSalesOSDns(configuration).BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DnsOptions>>().Value);
    }
}
