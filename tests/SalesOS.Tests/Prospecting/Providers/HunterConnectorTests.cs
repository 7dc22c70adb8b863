using Microsoft.Extensions.DependencyInjection;
using SalesOS.Contracts.Markets;
using SalesOS.Integrations.Providers.Hunter;
using SalesOS.Prospecting.Ports;
using SalesOS.Testing.VendorServers;

namespace SalesOS.Tests.Prospecting.Providers;

public sealed class HunterConnectorTests
{
    private static readonly HunterEmail[] Emails =
    [
        new("stripe.com", "patrick@stripe.com", "Patrick", "Collison", "CEO", "executive", "executive", 99, "patrickc", "+1 555 0100", "https://stripe.com/about"),
        new("stripe.com", "info@stripe.com", null, null, Confidence: 80),
        new("stripe.com", "john@stripe.com", "John", "Collison", "President", "executive", "executive", 97, "https://www.linkedin.com/in/johncollison"),
        new("stripe.com", "sam.seller@stripe.com", "Sam", "Seller", "Head of Sales", "senior", "sales", 91),
        new("stripe.com", "jo.junior@stripe.com", "Jo", "Junior", "Sales Associate", "junior", "sales", 70),
        new("stripe.com", "eve.eng@stripe.com", "Eve", "Eng", "Engineer", "senior", "it", 85),
    ];

    private static readonly HunterVerification[] Verifications =
    [
        new("valid@stripe.com", "valid", "deliverable", 97),
        new("catchall@stripe.com", "accept_all", "risky", 60),
        new("gone@stripe.com", "invalid", "undeliverable", 5),
        new("someone@gmail.com", "webmail", "deliverable", 80),
        new("x@mailinator.com", "disposable", "undeliverable", 10),
        new("maybe@stripe.com", "unknown", "risky", 30),
        new("slow@stripe.com", "valid", "deliverable", 95, PendingCalls: 1),
        new("never@stripe.com", "valid", "deliverable", 95, PendingCalls: 100),
    ];

    private static async Task<(HunterServer Server, ServiceProvider Services, HunterConnector Hunter)> StartAsync(params (string, string)[] overrides)
    {
        var server = await HunterServer.StartAsync(ProviderHost.HunterKey, Emails, Verifications);
        var services = ProviderHost.Build(ProviderHost.Settings("Hunter", server.BaseAddress, ProviderHost.HunterKey, overrides));
        return (server, services, services.GetRequiredService<HunterConnector>());
    }

    [Fact]
    public async Task FindPeople_PagesWithOffsetToTheEnd_AndMapsEveryField()
    {
        var (server, services, hunter) = await StartAsync(("PageSize", "2"));
        await using var _ = server;
        await using var __ = services;

        var answer = await hunter.FindPeopleAsync("stripe.com", [], 50, default);

        Assert.True(answer.Succeeded, answer.Error);
        Assert.Equal(new string?[] { "patrick@stripe.com", "john@stripe.com", "sam.seller@stripe.com", "jo.junior@stripe.com", "eve.eng@stripe.com" }, answer.Value!.Select(p => p.Email));
        Assert.Equal(["0", "2", "4"], server.Requests.Select(r => r.Query["offset"]).ToArray());
        Assert.All(server.Requests, r => Assert.Equal(ProviderHost.HunterKey, r.Header("X-API-KEY")));
        Assert.Equal(3m, answer.Cost);

        var patrick = answer.Value![0];
        Assert.Equal(("Patrick", "Collison", "CEO", "+1 555 0100", "hunter", "https://stripe.com/about"), (patrick.FirstName, patrick.LastName, patrick.Title, patrick.Phone, patrick.Source, patrick.EvidenceUrl));
        Assert.Equal(0.99, patrick.SourceConfidence!.Value, 3);
        Assert.Equal("https://www.linkedin.com/in/patrickc", patrick.LinkedInUrl);
        Assert.Equal("https://www.linkedin.com/in/johncollison", answer.Value![1].LinkedInUrl);
    }

    [Fact]
    public async Task FindPeople_StopsAtTheLimit()
    {
        var (server, services, hunter) = await StartAsync(("PageSize", "2"));
        await using var _ = server;
        await using var __ = services;

        var answer = await hunter.FindPeopleAsync("stripe.com", [], 3, default);

        Assert.Equal(3, answer.Value!.Count);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task FindPeople_TurnsPersonasIntoHunterSeniorityAndDepartmentFilters()
    {
        var (server, services, hunter) = await StartAsync();
        await using var _ = server;
        await using var __ = services;

        var answer = await hunter.FindPeopleAsync("stripe.com", [new BuyerPersona("Head of Sales", "head", "sales"), new BuyerPersona("Sales Manager", "manager", "sales")], 10, default);

        var request = Assert.Single(server.Requests);
        Assert.Equal("executive,senior", request.Query["seniority"]);
        Assert.Equal("sales", request.Query["department"]);
        Assert.Equal(new string?[] { "sam.seller@stripe.com" }, answer.Value!.Select(p => p.Email));
    }

    [Theory]
    [InlineData("valid@stripe.com", EmailVerdict.Deliverable, "valid")]
    [InlineData("catchall@stripe.com", EmailVerdict.Risky, "accept_all")]
    [InlineData("gone@stripe.com", EmailVerdict.Undeliverable, "invalid")]
    [InlineData("someone@gmail.com", EmailVerdict.Deliverable, "webmail")]
    [InlineData("x@mailinator.com", EmailVerdict.Undeliverable, "disposable")]
    [InlineData("maybe@stripe.com", EmailVerdict.Unknown, "unknown")]
    public async Task VerifyEmail_MapsHunterStatus(string email, EmailVerdict verdict, string status)
    {
        var (server, services, hunter) = await StartAsync();
        await using var _ = server;
        await using var __ = services;

        var answer = await hunter.VerifyEmailAsync(email, default);

        Assert.True(answer.Succeeded, answer.Error);
        Assert.Equal(verdict, answer.Value!.Verdict);
        Assert.Equal(email, answer.Value.Email);
        Assert.Contains(status, answer.Value.Reason, StringComparison.Ordinal);
        Assert.NotNull(answer.Value.Score);
    }

    [Fact]
    public async Task VerifyEmail_StillInProgress_IsAskedAgainAndThenAnswered()
    {
        var (server, services, hunter) = await StartAsync();
        await using var _ = server;
        await using var __ = services;

        var answer = await hunter.VerifyEmailAsync("slow@stripe.com", default);

        Assert.Equal(EmailVerdict.Deliverable, answer.Value!.Verdict);
        Assert.Equal([202, 200], server.Requests.Select(r => r.Status).ToArray());
    }

    [Fact]
    public async Task VerifyEmail_NeverFinishing_IsATransientError()
    {
        var (server, services, hunter) = await StartAsync(("MaxAttempts", "3"));
        await using var _ = server;
        await using var __ = services;

        var answer = await hunter.VerifyEmailAsync("never@stripe.com", default);

        Assert.True(answer.Transient);
        Assert.Contains("in progress", answer.Error, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task FindEmail_ReturnsThePerson_OrNothing()
    {
        var (server, services, hunter) = await StartAsync();
        await using var _ = server;
        await using var __ = services;

        var found = await hunter.FindEmailAsync("stripe.com", "Sam", "Seller", default);
        var missing = await hunter.FindEmailAsync("stripe.com", "No", "Body", default);

        Assert.Equal(("sam.seller@stripe.com", "Head of Sales"), (found.Value!.Email, found.Value.Title));
        Assert.Equal(0.91, found.Value.SourceConfidence!.Value, 3);
        Assert.True(missing.Succeeded);
        Assert.Null(missing.Value);
        Assert.Equal("Sam", server.Requests[0].Query["first_name"]);
    }

    [Fact]
    public async Task BadKey_IsPermanent()
    {
        var server = await HunterServer.StartAsync("right", Emails);
        await using var _ = server;
        await using var services = ProviderHost.Build(ProviderHost.Settings("Hunter", server.BaseAddress, "wrong"));

        var answer = await services.GetRequiredService<HunterConnector>().VerifyEmailAsync("valid@stripe.com", default);

        Assert.False(answer.Transient);
        Assert.Equal("bad API key: No user found for the API key supplied", answer.Error);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task UsageLimitReached_IsAQuotaError_NotRetried()
    {
        var (server, services, hunter) = await StartAsync();
        await using var _ = server;
        await using var __ = services;
        server.FailNext(1, VendorFault.QuotaExhausted);

        var answer = await hunter.FindPeopleAsync("stripe.com", [], 10, default);

        Assert.False(answer.Transient);
        Assert.StartsWith("quota exhausted", answer.Error, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task RateLimited403_IsRetried()
    {
        var (server, services, hunter) = await StartAsync();
        await using var _ = server;
        await using var __ = services;
        server.FailNext(2, HunterServer.RateLimited);

        var answer = await hunter.VerifyEmailAsync("valid@stripe.com", default);

        Assert.True(answer.Succeeded, answer.Error);
        Assert.Equal([403, 403, 200], server.Requests.Select(r => r.Status).ToArray());
    }

    [Fact]
    public async Task ServerErrors_GiveUpAsTransient()
    {
        var (server, services, hunter) = await StartAsync(("MaxAttempts", "2"));
        await using var _ = server;
        await using var __ = services;
        server.FailNext(5, VendorFault.ServerError(502));

        var answer = await hunter.FindEmailAsync("stripe.com", "Sam", "Seller", default);

        Assert.True(answer.Transient);
        Assert.Equal(2, server.Requests.Count);
    }
}
