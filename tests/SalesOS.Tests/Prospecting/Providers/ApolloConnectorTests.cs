using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SalesOS.Contracts.Markets;
using SalesOS.Integrations.Providers.Apollo;
using SalesOS.Prospecting.Ports;
using SalesOS.Testing.VendorServers;

namespace SalesOS.Tests.Prospecting.Providers;

public sealed class ApolloConnectorTests
{
    private static readonly ApolloOrganization[] Organizations =
    [
        new("acme.io", "Acme", "Computer Software", 120, 25_000_000m, "Germany", "Berlin", 2012, ["Salesforce", "Google Analytics"], "https://linkedin.com/company/acme", "+49 30 1234", IsAccount: true),
        new("globex.com", "Globex", "Computer Software", 80, 9_000_000m, "Germany", "Munich", 2015, ["HubSpot"]),
        new("initech.de", "Initech", "Computer Software", 150, 30_000_000m, "Germany", "Hamburg", 2009, ["Salesforce"]),
        new("umbrella.com", "Umbrella", "Pharmaceuticals", 5000, 900_000_000m, "United States", "Raccoon City", 1968, ["SAP"]),
        new("hooli.com", "Hooli", "Computer Software", 60, 7_000_000m, "Germany", "Cologne", 2018, ["Salesforce"]),
        new("piedpiper.com", "Pied Piper", "Computer Software", 55, 4_000_000m, "Germany", "Berlin", 2019, []),
        new("vandelay.com", "Vandelay", "Import Export", 70, 5_000_000m, "Germany", "Bremen", 1990, []),
        new("soylent.com", "Soylent", "Computer Software", 199, 50_000_000m, "Germany", "Berlin", 2001, ["Salesforce"]),
        new("tiny.io", "Tiny", "Computer Software", 5, 100_000m, "Germany", "Berlin", 2022, []),
    ];

    private static readonly ApolloPerson[] People =
    [
        new("acme.io", "Ada", "Lovelace", "VP Sales", "vp", "ada@acme.io", "https://linkedin.com/in/ada", "+49 30 1"),
        new("acme.io", "Bob", "Builder", "Head of Sales", "head", null, null, null),
        new("acme.io", "Cy", "Young", "Sales Manager", "manager", "cy@acme.io"),
        new("acme.io", "Di", "Prince", "Sales Director", "director", "di@acme.io"),
        new("acme.io", "Ed", "Engineer", "Software Engineer", "senior", "ed@acme.io"),
        new("globex.com", "Fay", "Globex", "VP Sales", "vp", "fay@globex.com"),
    ];

    private static readonly MarketDefinition GermanSoftware50To200 = new()
    {
        Industries = ["software"],
        Employees = new EmployeeRange(51, 200),
        Geographies = ["Germany"],
    };

    private static async Task<(ApolloServer Server, ServiceProvider Services, ApolloConnector Apollo)> StartAsync(params (string, string)[] overrides)
    {
        var server = await ApolloServer.StartAsync(ProviderHost.ApolloKey, Organizations, People);
        var services = ProviderHost.Build(ProviderHost.Settings("Apollo", server.BaseAddress, ProviderHost.ApolloKey, overrides));
        return (server, services, services.GetRequiredService<ApolloConnector>());
    }

    [Fact]
    public async Task SearchCompanies_PaginatesToTheLastPage_WithFiltersHeadersAndAccounts()
    {
        var (server, services, apollo) = await StartAsync(("PageSize", "2"));
        await using var _ = server;
        await using var __ = services;

        var found = await apollo.SearchCompaniesAsync(GermanSoftware50To200, 100, default).ToListAsync();

        // acme (an account), globex, initech, hooli, piedpiper, soylent: 6 matches, 3 pages of 2.
        Assert.Equal(["acme.io", "globex.com", "initech.de", "hooli.com", "piedpiper.com", "soylent.com"], found.Select(c => c.Domain).ToArray());
        Assert.Equal(3, server.Requests.Count);
        var pages = server.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("page").GetInt32()).ToArray();
        Assert.Equal([1, 2, 3], pages);

        var first = server.Requests[0];
        Assert.Equal("/api/v1/mixed_companies/search", first.Path);
        Assert.Equal(ProviderHost.ApolloKey, first.Header("X-Api-Key"));
        Assert.Equal("no-cache", first.Header("Cache-Control"));
        Assert.StartsWith("application/json", first.Header("Content-Type"), StringComparison.Ordinal);
        var body = JsonDocument.Parse(first.Body).RootElement;
        Assert.Equal("51,200", body.GetProperty("organization_num_employees_ranges")[0].GetString());
        Assert.Equal("Germany", body.GetProperty("organization_locations")[0].GetString());
        Assert.Equal("software", body.GetProperty("q_organization_keyword_tags")[0].GetString());
        Assert.Equal(2, body.GetProperty("per_page").GetInt32());

        var acme = found.Single(c => c.Domain == "acme.io");
        Assert.Equal(new[] { "Salesforce", "Google Analytics" }, acme.Technologies);
        Assert.Equal(("Acme", "Computer Software", 120, 25_000_000m, "Germany", "Berlin"), (acme.Name, acme.Industry, acme.EmployeeCount, acme.AnnualRevenueUsd, acme.Country, acme.City));
        Assert.Equal(3m, apollo.TotalCost);
    }

    [Fact]
    public async Task SearchCompanies_StopsAtTheLimit_WithoutFetchingFurtherPages()
    {
        var (server, services, apollo) = await StartAsync(("PageSize", "2"));
        await using var _ = server;
        await using var __ = services;

        var found = await apollo.SearchCompaniesAsync(GermanSoftware50To200, 3, default).ToListAsync();

        Assert.Equal(3, found.Count);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task SearchCompanies_SendsTechnologyUids_AndTheServerFiltersOnThem()
    {
        var (server, services, apollo) = await StartAsync();
        await using var _ = server;
        await using var __ = services;

        var market = GermanSoftware50To200 with { Technologies = ["Google Analytics"] };
        var found = await apollo.SearchCompaniesAsync(market, 10, default).ToListAsync();

        Assert.Equal(["acme.io"], found.Select(c => c.Domain).ToArray());
        var body = JsonDocument.Parse(server.Requests[0].Body).RootElement;
        Assert.Equal("google_analytics", body.GetProperty("currently_using_any_of_technology_uids")[0].GetString());
    }

    [Fact]
    public async Task SearchCompanies_QuotaExhausted_Throws()
    {
        var (server, services, apollo) = await StartAsync();
        await using var _ = server;
        await using var __ = services;
        server.FailNext(1, VendorFault.QuotaExhausted);

        var error = await Assert.ThrowsAsync<ProviderQuotaExceededException>(async () => await apollo.SearchCompaniesAsync(GermanSoftware50To200, 10, default).ToListAsync());

        Assert.Equal("apollo", error.Provider);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Enrich_MapsEveryField_AndCharges()
    {
        var (server, services, apollo) = await StartAsync(("CostPerCall", "0.25"));
        await using var _ = server;
        await using var __ = services;

        var answer = await apollo.EnrichCompanyAsync("acme.io", default);

        Assert.True(answer.Succeeded, answer.Error);
        Assert.Equal(0.25m, answer.Cost);
        var f = answer.Value!;
        Assert.Equal(("Acme", "Computer Software", 120, 25_000_000m, "Germany", "Berlin", 2012), (f.Name, f.Industry, f.EmployeeCount, f.AnnualRevenueUsd, f.Country, f.City, f.FoundedYear));
        Assert.Equal(new[] { "Salesforce", "Google Analytics" }, f.Technologies);
        Assert.Equal(("https://linkedin.com/company/acme", "+49 30 1234"), (f.LinkedInUrl, f.Phone));
        var request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/api/v1/organizations/enrich", request.Path);
        Assert.Equal("acme.io", request.Query["domain"]);
    }

    [Fact]
    public async Task Enrich_UnknownDomain_SucceedsWithNothing()
    {
        var (server, services, apollo) = await StartAsync();
        await using var _ = server;
        await using var __ = services;

        var answer = await apollo.EnrichCompanyAsync("nobody.example", default);

        Assert.True(answer.Succeeded);
        Assert.Null(answer.Value);
    }

    [Fact]
    public async Task Enrich_BadKey_IsAPermanentErrorWithoutRetries()
    {
        var server = await ApolloServer.StartAsync("the-real-key", Organizations);
        await using var _ = server;
        await using var services = ProviderHost.Build(ProviderHost.Settings("Apollo", server.BaseAddress, "a-wrong-key"));

        var answer = await services.GetRequiredService<ApolloConnector>().EnrichCompanyAsync("acme.io", default);

        Assert.False(answer.Succeeded);
        Assert.False(answer.Transient);
        Assert.StartsWith("bad API key", answer.Error, StringComparison.Ordinal);
        Assert.Equal(0m, answer.Cost);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Enrich_429WithRetryAfter_WaitsAsToldThenSucceeds()
    {
        var (server, services, apollo) = await StartAsync();
        await using var _ = server;
        await using var __ = services;
        server.FailNext(1, VendorFault.TooManyRequests(TimeSpan.FromSeconds(1)));

        var answer = await apollo.EnrichCompanyAsync("acme.io", default);

        Assert.True(answer.Succeeded, answer.Error);
        Assert.Equal([429, 200], server.Requests.Select(r => r.Status).ToArray());
        var gap = server.Requests[1].At - server.Requests[0].At;
        // The back-off alone would be ~10-50 ms; only Retry-After explains a gap near a second.
        Assert.InRange(gap, TimeSpan.FromMilliseconds(950), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Enrich_429WithRetryAfterBeyondTheCap_FailsTransientlyAtOnce()
    {
        var (server, services, apollo) = await StartAsync(("MaxRetryAfter", "00:00:01"));
        await using var _ = server;
        await using var __ = services;
        server.FailNext(1, VendorFault.TooManyRequests(TimeSpan.FromSeconds(30)));

        var answer = await apollo.EnrichCompanyAsync("acme.io", default);

        Assert.True(answer.Transient);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Enrich_ServerErrorOnce_IsRetriedAndSucceeds()
    {
        var (server, services, apollo) = await StartAsync();
        await using var _ = server;
        await using var __ = services;
        server.FailNext(1, VendorFault.ServerError(503));

        var answer = await apollo.EnrichCompanyAsync("acme.io", default);

        Assert.True(answer.Succeeded, answer.Error);
        Assert.Equal([503, 200], server.Requests.Select(r => r.Status).ToArray());
    }

    [Fact]
    public async Task Enrich_ServerErrorsEveryTime_GivesUpAfterMaxAttemptsAsTransient()
    {
        var (server, services, apollo) = await StartAsync(("MaxAttempts", "3"));
        await using var _ = server;
        await using var __ = services;
        server.FailNext(10, VendorFault.ServerError());

        var answer = await apollo.EnrichCompanyAsync("acme.io", default);

        Assert.False(answer.Succeeded);
        Assert.True(answer.Transient);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(0m, answer.Cost);
    }

    [Fact]
    public async Task Enrich_QuotaExhausted_IsAPermanentQuotaError()
    {
        var (server, services, apollo) = await StartAsync();
        await using var _ = server;
        await using var __ = services;
        server.FailNext(1, VendorFault.QuotaExhausted);

        var answer = await apollo.EnrichCompanyAsync("acme.io", default);

        Assert.False(answer.Transient);
        Assert.Contains("quota", answer.Error, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Enrich_SlowServer_TimesOutAsTransient()
    {
        var (server, services, apollo) = await StartAsync(("MaxAttempts", "1"), ("AttemptTimeout", "00:00:00.200"), ("TotalTimeout", "00:00:00.500"));
        await using var _ = server;
        await using var __ = services;
        server.FailNext(1, VendorFault.Slow(TimeSpan.FromSeconds(5)));

        var watch = Stopwatch.StartNew();
        var answer = await apollo.EnrichCompanyAsync("acme.io", default);

        Assert.True(answer.Transient);
        Assert.Contains("timed out", answer.Error, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Enrich_MalformedJson_IsAPermanentMalformedError()
    {
        var (server, services, apollo) = await StartAsync();
        await using var _ = server;
        await using var __ = services;
        server.FailNext(1, VendorFault.MalformedJson);

        var answer = await apollo.EnrichCompanyAsync("acme.io", default);

        Assert.False(answer.Transient);
        Assert.StartsWith("malformed response", answer.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindPeople_MapsPeople_HidesLockedEmails_AndPaginatesToTheLimit()
    {
        var (server, services, apollo) = await StartAsync(("PageSize", "2"));
        await using var _ = server;
        await using var __ = services;

        var answer = await apollo.FindPeopleAsync("acme.io", [new BuyerPersona("Sales", "vp", "sales"), new BuyerPersona("Sales", "head", null)], 5, default);

        Assert.True(answer.Succeeded, answer.Error);
        var people = answer.Value!;
        Assert.Equal(["Ada Lovelace", "Bob Builder"], people.Select(p => p.FirstName + " " + p.LastName).ToArray());
        Assert.Equal(("ada@acme.io", "+49 30 1", "https://linkedin.com/in/ada", "apollo"), (people[0].Email, people[0].Phone, people[0].LinkedInUrl, people[0].Source));
        Assert.Null(people[1].Email);
        var body = JsonDocument.Parse(server.Requests[0].Body).RootElement;
        Assert.Equal("acme.io", body.GetProperty("q_organization_domains_list")[0].GetString());
        Assert.Equal(new string?[] { "vp", "head" }, body.GetProperty("person_seniorities").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("/api/v1/mixed_people/api_search", server.Requests[0].Path);
    }

    [Fact]
    public async Task FindPeople_StopsAtTheLimit()
    {
        var (server, services, apollo) = await StartAsync(("PageSize", "2"));
        await using var _ = server;
        await using var __ = services;

        var answer = await apollo.FindPeopleAsync("acme.io", [new BuyerPersona("Sales", null, null)], 3, default);

        Assert.Equal(3, answer.Value!.Count);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(2m, answer.Cost);
    }

    [Fact]
    public async Task Unconfigured_ReportsSo_AndNeverCallsTheVendor()
    {
        var server = await ApolloServer.StartAsync(ProviderHost.ApolloKey, Organizations);
        await using var _ = server;
        await using var services = ProviderHost.Build(ProviderHost.Settings("Apollo", server.BaseAddress, apiKey: null));
        var apollo = services.GetRequiredService<ApolloConnector>();

        var answer = await apollo.EnrichCompanyAsync("acme.io", default);

        Assert.False(apollo.IsConfigured);
        Assert.StartsWith("not configured", answer.Error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }
}
