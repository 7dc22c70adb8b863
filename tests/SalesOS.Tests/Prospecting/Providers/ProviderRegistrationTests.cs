using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SalesOS.Integrations.Providers;
using SalesOS.Integrations.Providers.Apollo;
using SalesOS.Integrations.Providers.Hunter;
using SalesOS.Prospecting.Ports;
using SalesOS.Testing.VendorServers;

namespace SalesOS.Tests.Prospecting.Providers;

public sealed class ProviderRegistrationTests
{
    [Fact]
    public async Task EachConnector_IsRegisteredUnderEveryPortItImplements_AsOneInstance()
    {
        await using var services = ProviderHost.Build(ProviderHost.Merge(
            ProviderHost.Settings("Apollo", null, "a"), ProviderHost.Settings("Hunter", null, "h")));

        var apollo = services.GetRequiredService<ApolloConnector>();
        var hunter = services.GetRequiredService<HunterConnector>();
        Assert.Same(apollo, Assert.Single(services.GetServices<IFirmographicsProvider>()));
        Assert.Same(apollo, Assert.Single(services.GetServices<ICompanySearchProvider>()));
        Assert.Same(hunter, Assert.Single(services.GetServices<IEmailVerificationProvider>()));
        Assert.Equal(["apollo", "hunter"], services.GetServices<IPeopleSearchProvider>().Select(p => p.Name).Order().ToArray());
        Assert.Equal(2, services.GetServices<IDataProvider>().Count());
        Assert.IsType<LocalProviderRateLimiter>(services.GetRequiredService<IProviderRateLimiter>());
    }

    [Fact]
    public async Task ALimiterRegisteredBefore_IsKept()
    {
        var counting = new CountingLimiter();
        var server = await ApolloServer.StartAsync(ProviderHost.ApolloKey, [new ApolloOrganization("acme.io", "Acme")]);
        await using var _ = server;
        await using var services = ProviderHost.Build(
            ProviderHost.Settings("Apollo", server.BaseAddress, ProviderHost.ApolloKey), s => s.AddSingleton<IProviderRateLimiter>(counting));
        server.FailNext(1, VendorFault.ServerError());

        await services.GetRequiredService<ApolloConnector>().EnrichCompanyAsync("acme.io", default);

        Assert.Same(counting, services.GetRequiredService<IProviderRateLimiter>());
        // Retries are requests too: each attempt asks for a permit.
        Assert.Equal(["apollo", "apollo"], counting.Asked.ToArray());
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task LocalLimiter_HoldsTheConfiguredRequestsPerMinute()
    {
        using var limiter = new LocalProviderRateLimiter([new ProviderRate("apollo", RequestsPerMinute: 1200, Burst: 2)]);
        var watch = Stopwatch.StartNew();

        for (var i = 0; i < 12; i++)
        {
            await limiter.AcquireAsync("apollo", default);
        }

        // 2 at once, then one per 50 ms: the last of 12 cannot come before 10 periods.
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(450), $"12 permits took only {watch.Elapsed}");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"12 permits took {watch.Elapsed}");
    }

    [Fact]
    public async Task LocalLimiter_LetsProvidersWithoutARatePassAtOnce()
    {
        using var limiter = new LocalProviderRateLimiter([new ProviderRate("apollo", 1, 1)]);
        var watch = Stopwatch.StartNew();

        for (var i = 0; i < 100; i++)
        {
            await limiter.AcquireAsync("hunter", default);
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task ConnectorRequests_ArePacedByTheLocalLimiter()
    {
        var server = await ApolloServer.StartAsync(ProviderHost.ApolloKey, [new ApolloOrganization("acme.io", "Acme")]);
        await using var _ = server;
        await using var services = ProviderHost.Build(ProviderHost.Settings("Apollo", server.BaseAddress, ProviderHost.ApolloKey, ("RequestsPerMinute", "600"), ("Burst", "1")));
        var apollo = services.GetRequiredService<ApolloConnector>();
        // The first call also opens the connection and warms up; pacing is measured on the calls after it.
        await apollo.EnrichCompanyAsync("acme.io", default);
        server.ClearRequests();

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => apollo.EnrichCompanyAsync("acme.io", default)));

        var arrivals = server.Requests.Select(r => r.At).Order().ToArray();
        Assert.Equal(6, arrivals.Length);
        // One permit per 100 ms: 6 requests need at least 5 replenishments (4 if one was banked during warm-up).
        Assert.True(arrivals[^1] - arrivals[0] >= TimeSpan.FromMilliseconds(380), $"6 requests spanned only {arrivals[^1] - arrivals[0]}");
    }

    private sealed class CountingLimiter : IProviderRateLimiter
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Asked { get; } = new();

        public ValueTask AcquireAsync(string provider, CancellationToken cancellationToken)
        {
            Asked.Enqueue(provider);
            return ValueTask.CompletedTask;
        }
    }
}
