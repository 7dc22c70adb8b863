using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SalesOS.Prospecting.Enrichment;
using SalesOS.Prospecting.Ports;
using SalesOS.Testing.VendorServers;

namespace SalesOS.Tests.Prospecting.Providers;

public sealed class FirmographicsWaterfallTests
{
    private static readonly ApolloOrganization Acme =
        new("acme.io", "Acme GmbH", "Computer Software", 120, 25_000_000m, "Germany", "Berlin", 2012, ["Salesforce"], "https://linkedin.com/company/acme", "+49 30 1234");

    /// <summary>A second vendor answering from a table, so the waterfall can be run against two sources.</summary>
    private sealed class TableProvider(string name, IReadOnlyDictionary<string, Firmographics> table, decimal cost, bool configured = true, string? failWith = null, bool transient = false)
        : IFirmographicsProvider
    {
        public int Calls { get; private set; }

        public string Name => name;

        public bool IsConfigured => configured;

        public Task<ProviderAnswer<Firmographics>> EnrichCompanyAsync(string domain, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(failWith is not null
                ? new ProviderAnswer<Firmographics>(name, null, 0m, failWith, transient)
                : new ProviderAnswer<Firmographics>(name, table.GetValueOrDefault(domain), cost));
        }
    }

    private static async Task<(ApolloServer Server, ServiceProvider Services)> StartApolloAsync(string? apiKey = ProviderHost.ApolloKey)
    {
        var server = await ApolloServer.StartAsync(ProviderHost.ApolloKey, [Acme]);
        var services = ProviderHost.Build(ProviderHost.Settings("Apollo", server.BaseAddress, apiKey, ("CostPerCall", "1.5")));
        return (server, services);
    }

    private static IEnumerable<IFirmographicsProvider> With(ServiceProvider services, params IFirmographicsProvider[] others) =>
        [.. services.GetServices<IFirmographicsProvider>(), .. others];

    [Fact]
    public async Task StopsAsSoonAsTheWantedFieldsAreFilled()
    {
        var (server, services) = await StartApolloAsync();
        await using var _ = server;
        await using var __ = services;
        var cheap = new TableProvider("cheap", new Dictionary<string, Firmographics> { ["acme.io"] = new("Acme", "Software", 100) }, 0.1m);
        var waterfall = new FirmographicsWaterfall(With(services, cheap), ["cheap", "apollo"]);

        var result = await waterfall.EnrichAsync("acme.io", FirmographicFields.Name | FirmographicFields.EmployeeCount, default);

        Assert.True(result.Complete);
        Assert.Empty(server.Requests);
        Assert.Equal(("Acme", 100), (result.Firmographics.Name, result.Firmographics.EmployeeCount));
        Assert.Equal(0.1m, result.TotalCost);
        Assert.Equal(["cheap"], result.Calls.Select(c => c.Provider).ToArray());
    }

    [Fact]
    public async Task FillsGapsFromTheNextProvider_KeepingTheFirstValue_WithProvenanceAndCost()
    {
        var (server, services) = await StartApolloAsync();
        await using var _ = server;
        await using var __ = services;
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var cheap = new TableProvider("cheap", new Dictionary<string, Firmographics> { ["acme.io"] = new("Acme", "Software") }, 0.1m);
        var waterfall = new FirmographicsWaterfall(With(services, cheap), ["cheap", "apollo"], time);

        var result = await waterfall.EnrichAsync("acme.io", FirmographicFields.Core, default);

        Assert.True(result.Complete);
        var f = result.Firmographics;
        Assert.Equal(("Acme", "Software", 120, 25_000_000m, "Germany"), (f.Name, f.Industry, f.EmployeeCount, f.AnnualRevenueUsd, f.Country));
        Assert.Equal(["Salesforce"], f.Technologies);
        Assert.Null(f.City);
        Assert.Equal("cheap", result.Provenance[FirmographicFields.Name].Provider);
        Assert.Equal("cheap", result.Provenance[FirmographicFields.Industry].Provider);
        Assert.Equal("apollo", result.Provenance[FirmographicFields.EmployeeCount].Provider);
        Assert.Equal("apollo", result.Provenance[FirmographicFields.Technologies].Provider);
        Assert.Equal(time.GetUtcNow(), result.Provenance[FirmographicFields.Country].At);
        Assert.Equal(6, result.Provenance.Count);
        Assert.Equal(1.6m, result.TotalCost);
        Assert.Equal([ProviderCallOutcome.Filled, ProviderCallOutcome.Filled], result.Calls.Select(c => c.Outcome).ToArray());
        Assert.Equal(FirmographicFields.Name | FirmographicFields.Industry, result.Calls[0].Filled);
    }

    [Fact]
    public async Task AFailingProvider_DoesNotStopTheWaterfall()
    {
        var (server, services) = await StartApolloAsync();
        await using var _ = server;
        await using var __ = services;
        server.FailNext(10, VendorFault.ServerError());
        var backup = new TableProvider("backup", new Dictionary<string, Firmographics> { ["acme.io"] = new("Acme", "Software", 120, 1m, "DE", Technologies: ["SAP"]) }, 0.2m);
        var waterfall = new FirmographicsWaterfall(With(services, backup), ["apollo", "backup"]);

        var result = await waterfall.EnrichAsync("acme.io", FirmographicFields.Core, default);

        Assert.True(result.Complete);
        Assert.Equal("backup", result.Provenance[FirmographicFields.Name].Provider);
        var apolloCall = result.Calls[0];
        Assert.Equal(("apollo", ProviderCallOutcome.Failed, true), (apolloCall.Provider, apolloCall.Outcome, apolloCall.Transient));
        Assert.NotNull(apolloCall.Error);
        Assert.Equal(0.2m, result.TotalCost);
        Assert.False(result.AllFailedTransiently);
    }

    [Fact]
    public async Task AllProvidersFailingTransiently_SaysRetryLater()
    {
        var (server, services) = await StartApolloAsync();
        await using var _ = server;
        await using var __ = services;
        server.FailNext(10, VendorFault.TooManyRequests());
        var down = new TableProvider("down", new Dictionary<string, Firmographics>(), 0m, failWith: "transient: 503", transient: true);
        var waterfall = new FirmographicsWaterfall(With(services, down), ["apollo", "down"]);

        var result = await waterfall.EnrichAsync("acme.io", FirmographicFields.Core, default);

        Assert.True(result.AllFailedTransiently);
        Assert.True(result.RetryMayHelp);
        Assert.Equal(FirmographicFields.Core, result.Missing);
        Assert.Empty(result.Provenance);
    }

    [Fact]
    public async Task APermanentFailure_IsNotReportedAsRetryable()
    {
        var bad = new TableProvider("bad", new Dictionary<string, Firmographics>(), 0m, failWith: "bad API key: nope");
        var waterfall = new FirmographicsWaterfall([bad], ["bad"]);

        var result = await waterfall.EnrichAsync("acme.io", FirmographicFields.Name, default);

        Assert.False(result.AllFailedTransiently);
        Assert.False(result.RetryMayHelp);
        Assert.Equal("bad API key: nope", result.Calls.Single().Error);
    }

    [Fact]
    public async Task UnconfiguredProviders_AreSkippedWithoutACall()
    {
        var (server, services) = await StartApolloAsync(apiKey: null);
        await using var _ = server;
        await using var __ = services;
        var off = new TableProvider("off", new Dictionary<string, Firmographics> { ["acme.io"] = new("Nope") }, 1m, configured: false);
        var on = new TableProvider("on", new Dictionary<string, Firmographics> { ["acme.io"] = new("Acme") }, 0.3m);
        var waterfall = new FirmographicsWaterfall(With(services, off, on), ["apollo", "off", "on"]);

        var result = await waterfall.EnrichAsync("acme.io", FirmographicFields.Name, default);

        Assert.Equal("Acme", result.Firmographics.Name);
        Assert.Empty(server.Requests);
        Assert.Equal(0, off.Calls);
        Assert.Equal(["on"], result.Calls.Select(c => c.Provider).ToArray());
        Assert.Equal(["on"], waterfall.ActiveProviders.ToArray());
    }

    [Fact]
    public async Task FollowsTheConfiguredOrder_AndLeavesOutProvidersNotNamed()
    {
        var first = new TableProvider("first", new Dictionary<string, Firmographics> { ["acme.io"] = new("From first", Country: "DE") }, 1m);
        var second = new TableProvider("second", new Dictionary<string, Firmographics> { ["acme.io"] = new("From second", "Software") }, 1m);
        var unnamed = new TableProvider("unnamed", new Dictionary<string, Firmographics> { ["acme.io"] = new("x", "y", 1, 1m, "z") }, 1m);
        var waterfall = new FirmographicsWaterfall([unnamed, second, first], ["second", "first"]);

        var result = await waterfall.EnrichAsync("acme.io", FirmographicFields.Name | FirmographicFields.Industry | FirmographicFields.Country | FirmographicFields.EmployeeCount, default);

        Assert.Equal(("From second", "Software", "DE"), (result.Firmographics.Name, result.Firmographics.Industry, result.Firmographics.Country));
        Assert.Equal(["second", "first"], result.Calls.Select(c => c.Provider).ToArray());
        Assert.Equal(0, unnamed.Calls);
        Assert.Equal(FirmographicFields.EmployeeCount, result.Missing);
        Assert.False(result.RetryMayHelp);
    }

    [Fact]
    public async Task UnknownDomain_IsNotFound_NotAFailure()
    {
        var (server, services) = await StartApolloAsync();
        await using var _ = server;
        await using var __ = services;
        var waterfall = new FirmographicsWaterfall(services.GetServices<IFirmographicsProvider>(), []);

        var result = await waterfall.EnrichAsync("unknown.example", FirmographicFields.Name, default);

        Assert.Equal(ProviderCallOutcome.NotFound, result.Calls.Single().Outcome);
        Assert.False(result.RetryMayHelp);
    }
}
