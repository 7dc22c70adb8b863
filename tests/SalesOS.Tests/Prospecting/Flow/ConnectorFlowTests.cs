using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SalesOS.Prospecting.Demo;
using SalesOS.Testing;
using SalesOS.Testing.VendorServers;

namespace SalesOS.Tests.Prospecting.Flow;

/// <summary>
/// The flow with every outside service configured and answering on loopback like the vendor: Apollo
/// as lead source, firmographics and people search, Hunter for people and verification, company
/// websites on a fixture server, MX records on a loopback DNS server. And the error path: a company
/// whose website and providers keep failing is retried, then fails with its reason, counted by reason.
/// </summary>
public sealed class ConnectorFlowTests
{
    private const string ApolloKey = "apollo-test-key";
    private const string HunterKey = "hunter-test-key";

    [Fact]
    public async Task AnApolloSourcedMarket_IsEnrichedFromWebsitesAndProviders_AndScored()
    {
        var now = DateTimeOffset.UtcNow;
        var sites = SampleCompanies.Generate(6, 42, now).Select((p, i) => p with { Domain = $"vendor-{i}.com" }).ToList();
        await using var web = await FixtureWebServer.StartAsync();
        sites.ForEach(site => web.AddSample(site));
        await using var dns = LoopbackDnsServer.Start();
        sites.ForEach(site => dns.AddMx(site.Domain, 10, $"mx.{site.Domain}"));
        await using var apollo = await ApolloServer.StartAsync(ApolloKey,
            sites.Select(s => new ApolloOrganization(s.Domain, s.Name, "Computer Software", 120, 12_000_000m, "Germany", s.City, Technologies: ["Salesforce"], Keywords: ["saas"])),
            sites.Select(s => new ApolloPerson(s.Domain, "Vera", "Vendor", "VP Sales", "vp", $"vera.vendor@{s.Domain}")));
        await using var hunter = await HunterServer.StartAsync(HunterKey, [], sites.Select(s => new HunterVerification($"vera.vendor@{s.Domain}", "valid", "deliverable", 97)));
        await using var host = await ProspectingHost.StartAsync(
            "--SalesOS:Crawler:Routes:1:Suffix=.com",
            $"--SalesOS:Crawler:Routes:1:ConnectTo={web.Endpoint}",
            "--SalesOS:Crawler:Routes:1:Scheme=http",
            $"--SalesOS:Dns:NameServers:0={dns.Address}",
            $"--SalesOS:Providers:Apollo:ApiKey={ApolloKey}",
            $"--SalesOS:Providers:Apollo:BaseUrl={apollo.BaseAddress}",
            $"--SalesOS:Providers:Hunter:ApiKey={HunterKey}",
            $"--SalesOS:Providers:Hunter:BaseUrl={hunter.BaseAddress}");
        var (workspace, client) = await host.CreateWorkspaceAsync("apollo");

        (await client.PostAsJsonAsync($"/api/workspaces/{workspace}/markets", new
        {
            marketId = "apollo",
            name = "SaaS via Apollo",
            description = "SaaS companies in Germany with 10-5000 employees, targeting VP Sales",
            prospecting = new { sources = new[] { "apollo" }, contactsPerCompany = 2 },
        })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/workspaces/{workspace}/markets/apollo/transitions", new { trigger = "Activate" })).EnsureSuccessStatusCode();

        JsonElement overview;
        try
        {
            overview = await Eventually.Get(
                () => client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/markets/apollo/prospecting?top=6"),
                o => o.GetProperty("companiesByState").GetProperty("Scored").GetInt32() + o.GetProperty("companiesByState").GetProperty("InOutreach").GetInt32() == 6,
                TimeSpan.FromSeconds(90), "the six Apollo companies to be scored");
        }
        catch (TimeoutException e)
        {
            var calls = string.Join("\n", apollo.Requests.Select(r => $"{r.Method} {r.Path} → {r.Status}: {r.Body}"));
            throw new TimeoutException($"{e.Message}\nApollo saw:\n{calls}", e);
        }

        // Sourced by the connector, with Apollo's documented request shape.
        Assert.Contains(apollo.Requests, r => r.Path.EndsWith("mixed_companies/search", StringComparison.Ordinal) && r.Header("X-Api-Key") == ApolloKey);
        var company = await client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/companies/vendor-0.com");
        Assert.Contains(company.GetProperty("sources").EnumerateArray(), s => s.GetString() == "apollo");
        Assert.NotEmpty(company.GetProperty("technologies").EnumerateArray());
        Assert.Contains(company.GetProperty("signals").EnumerateArray(), s => s.GetProperty("kind").GetString() is "hiring" or "funding" or "news");

        // The website was crawled (robots.txt first), the MX looked up, Hunter asked to verify.
        Assert.Contains(web.RequestsTo("vendor-0.com"), r => r.Path == "/robots.txt");
        Assert.True(dns.QueriesFor("vendor-0.com", LoopbackDnsServer.TypeMx) >= 1);
        Assert.Contains(hunter.Requests, r => r.Path.Contains("email-verifier", StringComparison.Ordinal));

        // Apollo's VP Sales, verified by Hunter, is among the chosen contacts, scored with a reason.
        var contacts = await client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/contacts?companyDomain=vendor-0.com");
        var vera = Assert.Single(contacts.GetProperty("items").EnumerateArray(), c => c.GetProperty("email").GetString() == "vera.vendor@vendor-0.com");
        Assert.Contains(vera.GetProperty("state").GetString(), new[] { "Scored", "Enrolled" });
        Assert.Contains(overview.GetProperty("topContacts").EnumerateArray(), c => c.GetProperty("explanation").GetProperty("factors").GetArrayLength() >= 3);
    }

    [Fact]
    public async Task ACompanyWhoseWebsiteKeepsFailing_IsRetried_ThenFailsWithItsReason()
    {
        await using var web = await FixtureWebServer.StartAsync();
        var down = web.AddSite(new FixtureSite("down.com"));
        foreach (var path in new[] { "/robots.txt", "/" })
        {
            down.StatusCodes[path] = 503;
        }

        await using var host = await ProspectingHost.StartAsync(
            "--SalesOS:Crawler:Routes:1:Suffix=.com",
            $"--SalesOS:Crawler:Routes:1:ConnectTo={web.Endpoint}",
            "--SalesOS:Crawler:Routes:1:Scheme=http",
            "--SalesOS:Prospecting:MaxAttempts=3");
        var (workspace, client) = await host.CreateWorkspaceAsync("failing");
        (await client.PostAsJsonAsync($"/api/workspaces/{workspace}/markets", new { marketId = "m", name = "M", description = "SaaS in Germany" })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/workspaces/{workspace}/markets/m/transitions", new { trigger = "Activate" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/workspaces/{workspace}/companies", new { domain = "down.com", name = "Down Inc", marketId = "m" })).StatusCode);

        var company = await Eventually.Get(() => client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/companies/down.com"),
            c => c.GetProperty("state").GetString() == "Failed", TimeSpan.FromSeconds(60), "the company to fail after its retries");

        Assert.StartsWith("Enrich failed 3 times", company.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
        var timeline = await client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/companies/down.com/activities");
        Assert.Equal(2, timeline.EnumerateArray().Count(a => a.GetProperty("kind").GetString() == "step-failed"));
        Assert.True(web.RequestsTo("down.com").Count(r => r.Path == "/robots.txt") >= 3);
        var overview = await Eventually.Get(() => client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/markets/m/prospecting"),
            o => o.GetProperty("failedByReason").EnumerateObject().Any(), TimeSpan.FromSeconds(10), "the failure in the overview");
        Assert.Contains(overview.GetProperty("failedByReason").EnumerateObject(), r => r.Name.StartsWith("Enrich failed 3 times", StringComparison.Ordinal) && r.Value.GetInt32() == 1);
    }
}
