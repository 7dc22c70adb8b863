using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SalesOS.Testing;

namespace SalesOS.Tests.Gateway;

/// <summary>Workspaces, API keys, tenant isolation and the company resource, through the real gateway and a real silo.</summary>
[Collection(GatewayCollection.Name)]
public sealed class WorkspaceAndCompanyApiTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Requests_WithoutOrWithAWrongKey_Are401ProblemDetails()
    {
        var anonymous = await fixture.Anonymous.GetAsync(new Uri("/api/system/silos", UriKind.Relative));
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/system/silos");
        wrong.Headers.Add("X-Api-Key", "sos_0123456789ab_not-the-secret");
        var forged = await fixture.Anonymous.SendAsync(wrong);

        foreach (var response in new[] { anonymous, forged })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }

        // Health and the API description stay open: orchestrators and tools need them.
        Assert.Equal(HttpStatusCode.OK, (await fixture.Anonymous.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Anonymous.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task WorkspaceKeys_ReachTheirOwnWorkspaceOnly()
    {
        var (alpha, alphaKey) = await CreateWorkspaceAsync();
        var (beta, betaKey) = await CreateWorkspaceAsync();
        using var alphaClient = fixture.ClientWithKey(alphaKey);
        using var betaClient = fixture.ClientWithKey(betaKey);
        (await alphaClient.PostAsJsonAsync($"/api/workspaces/{alpha}/companies", new { domain = "alpha-only.example" })).EnsureSuccessStatusCode();

        // Beta's key on alpha's routes: refused, whatever the verb; alpha's data is untouched.
        Assert.Equal(HttpStatusCode.Forbidden, (await betaClient.GetAsync(new Uri($"/api/workspaces/{alpha}/companies/alpha-only.example", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await betaClient.PostAsJsonAsync($"/api/workspaces/{alpha}/companies/alpha-only.example/transitions", new { trigger = "Disqualify" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await betaClient.GetAsync(new Uri($"/api/workspaces/{alpha}/api-keys", UriKind.Relative))).StatusCode);
        // The same domain in beta is another company.
        Assert.Equal(HttpStatusCode.NotFound, (await betaClient.GetAsync(new Uri($"/api/workspaces/{beta}/companies/alpha-only.example", UriKind.Relative))).StatusCode);
        // Workspace keys cannot create workspaces or reach diagnostics.
        Assert.Equal(HttpStatusCode.Forbidden, (await alphaClient.PostAsJsonAsync("/api/workspaces", new { id = "sneaky", name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await alphaClient.GetAsync(new Uri("/api/system/silos", UriKind.Relative))).StatusCode);

        var company = await alphaClient.GetFromJsonAsync<JsonElement>($"/api/workspaces/{alpha}/companies/alpha-only.example");
        Assert.Equal("Sourced", company.GetProperty("state").GetString());
    }

    [Fact]
    public async Task RevokedKeys_StopWorking()
    {
        var (workspace, firstKey) = await CreateWorkspaceAsync();
        using var first = fixture.ClientWithKey(firstKey);
        var issued = await (await first.PostAsJsonAsync($"/api/workspaces/{workspace}/api-keys", new { label = "ci" })).Content.ReadFromJsonAsync<JsonElement>();
        var secondKey = issued.GetProperty("key").GetString()!;
        using var second = fixture.ClientWithKey(secondKey);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync(new Uri($"/api/workspaces/{workspace}", UriKind.Relative))).StatusCode);

        var keyId = issued.GetProperty("info").GetProperty("keyId").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await first.DeleteAsync(new Uri($"/api/workspaces/{workspace}/api-keys/{keyId}", UriKind.Relative))).StatusCode);

        // This gateway forgets the key at once (another gateway would within its 30 s cache time).
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync(new Uri($"/api/workspaces/{workspace}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync(new Uri($"/api/workspaces/{workspace}", UriKind.Relative))).StatusCode);
        var listed = await first.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/api-keys");
        Assert.Contains(listed.EnumerateArray(), k => k.GetProperty("keyId").GetString() == keyId && k.GetProperty("revokedAt").ValueKind == JsonValueKind.String);
        Assert.DoesNotContain(secondKey, listed.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Companies_DeduplicateByNormalisedDomain_AndMergeWhatSourcesSay()
    {
        var (workspace, key) = await CreateWorkspaceAsync();
        using var client = fixture.ClientWithKey(key);

        var created = await client.PostAsJsonAsync($"/api/workspaces/{workspace}/companies", new { domain = "https://www.Acme-Widgets.com/pricing", name = "Acme", source = "csv" });
        var merged = await client.PostAsJsonAsync($"/api/workspaces/{workspace}/companies", new { domain = "acme-widgets.com", employeeCount = 120, technologies = new[] { "Salesforce" }, source = "apollo" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var company = await merged.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("acme-widgets.com", company.GetProperty("domain").GetString());
        Assert.Equal("Acme", company.GetProperty("name").GetString());
        Assert.Equal(120, company.GetProperty("employeeCount").GetInt32());
        Assert.Equal(["csv", "apollo"], company.GetProperty("sources").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task CompanyTransitions_FollowTheFunnel_RecordTheTimeline_AndRefuseIllegalMovesWith409()
    {
        var (workspace, key) = await CreateWorkspaceAsync();
        using var client = fixture.ClientWithKey(key);
        var path = $"/api/workspaces/{workspace}/companies/funnel.example";
        (await client.PostAsJsonAsync($"/api/workspaces/{workspace}/companies", new { domain = "funnel.example" })).EnsureSuccessStatusCode();

        (await client.PostAsJsonAsync($"{path}/transitions", new { trigger = "StartEnrichment" })).EnsureSuccessStatusCode();
        var illegal = await client.PostAsJsonAsync($"{path}/transitions", new { trigger = "WinCustomer" });
        var failed = await client.PostAsJsonAsync($"{path}/transitions", new { trigger = "Fail", reason = "site unreachable" });

        Assert.Equal(HttpStatusCode.Conflict, illegal.StatusCode);
        var problem = await illegal.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Enriching", problem.GetProperty("currentState").GetString());
        Assert.Equal("WinCustomer", problem.GetProperty("trigger").GetString());
        Assert.Equal("Failed", (await failed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());

        var timeline = await client.GetFromJsonAsync<JsonElement>($"{path}/activities");
        var kinds = timeline.EnumerateArray().Select(a => (a.GetProperty("kind").GetString(), a.GetProperty("toState").GetString())).ToList();
        Assert.Equal([("sourced", null), ("transition", "Enriching"), ("transition", "Failed")], kinds);
        Assert.Equal("site unreachable", timeline[2].GetProperty("reason").GetString());
        Assert.StartsWith("user:", timeline[2].GetProperty("actor").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Companies_HoldSignalsAndExplainedScores_ThatTheReadModelFiltersOn()
    {
        var (workspace, key) = await CreateWorkspaceAsync();
        using var client = fixture.ClientWithKey(key);
        var path = $"/api/workspaces/{workspace}/companies/scored.example";
        (await client.PostAsJsonAsync($"/api/workspaces/{workspace}/companies", new { domain = "scored.example" })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/workspaces/{workspace}/companies", new { domain = "unscored.example" })).EnsureSuccessStatusCode();

        (await client.PostAsJsonAsync($"{path}/signals", new { kind = "Hiring", summary = "3 open sales roles", evidenceUrl = "https://scored.example/careers", snippet = "Account Executive (Berlin)" })).EnsureSuccessStatusCode();
        var scored = await client.PutAsJsonAsync($"{path}/scores/fit", new { score = 0.82, factors = new[] { new { criterion = "industry", contribution = 0.3, reason = "Software, as the market asks" }, new { criterion = "size", contribution = 0.25, reason = "120 employees, inside 1-200" } } });
        var outOfRange = await client.PutAsJsonAsync($"{path}/scores/intent", new { score = 1.5, factors = new[] { new { criterion = "x", contribution = 1, reason = "y" } } });
        var unexplained = await client.PutAsJsonAsync($"{path}/scores/intent", new { score = 0.5, factors = Array.Empty<object>() });

        var company = await scored.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0.82, company.GetProperty("fitScore").GetDouble());
        Assert.Equal("size", company.GetProperty("fit").GetProperty("factors")[1].GetProperty("criterion").GetString());
        Assert.Equal("hiring", company.GetProperty("signals")[0].GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unexplained.StatusCode);
        var kinds = (await client.GetFromJsonAsync<JsonElement>($"{path}/activities")).EnumerateArray().Select(a => a.GetProperty("kind").GetString());
        Assert.Equal(["sourced", "signal", "scored"], kinds);
        var fit = await Eventually.Get(() => client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/companies?minFitScore=0.8"), p => p.GetProperty("items").GetArrayLength() == 1, TimeSpan.FromSeconds(15), "the scored company in the read model");
        Assert.Equal("scored.example", fit.GetProperty("items")[0].GetProperty("domain").GetString());
    }

    [Fact]
    public async Task Commands_WithTheSameIdempotencyKey_HaveOneEffectAndTheSameAnswer()
    {
        var (workspace, key) = await CreateWorkspaceAsync();
        using var client = fixture.ClientWithKey(key);
        var path = $"/api/workspaces/{workspace}/companies/idem.example";
        (await client.PostAsJsonAsync($"/api/workspaces/{workspace}/companies", new { domain = "idem.example" })).EnsureSuccessStatusCode();

        async Task<string> SendAsync(string trigger, string idempotencyKey)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{path}/transitions") { Content = JsonContent.Create(new { trigger }) };
            request.Headers.Add("Idempotency-Key", idempotencyKey);
            var response = await client.SendAsync(request);
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadAsStringAsync();
        }

        var first = await SendAsync("StartEnrichment", "cmd-1");
        var again = await SendAsync("StartEnrichment", "cmd-1");

        Assert.Equal(first, again);
        var timeline = await client.GetFromJsonAsync<JsonElement>($"{path}/activities");
        Assert.Equal(2, timeline.GetArrayLength());
    }

    [Fact]
    public async Task BadCompanyInput_Is400WithTheFieldAndWhy_And422ForARefusedCommand()
    {
        var (workspace, key) = await CreateWorkspaceAsync();
        using var client = fixture.ClientWithKey(key);

        var invalid = await client.PostAsJsonAsync($"/api/workspaces/{workspace}/companies", new { domain = "not a domain", employeeCount = -3 });
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        (await client.PostAsJsonAsync($"/api/workspaces/{workspace}/companies", new { domain = "reasonless.example" })).EnsureSuccessStatusCode();
        var noReason = await client.PostAsJsonAsync($"/api/workspaces/{workspace}/companies/reasonless.example/transitions", new { trigger = "Fail" });
        var badTrigger = await client.PostAsJsonAsync($"/api/workspaces/{workspace}/companies/reasonless.example/transitions", new { trigger = "Teleport" });

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.True(errors.TryGetProperty("domain", out _));
        Assert.True(errors.TryGetProperty("employeeCount", out _));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.True((await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.BadRequest, badTrigger.StatusCode);
        Assert.Contains("StartEnrichment", (await badTrigger.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    private async Task<(string Id, string Key)> CreateWorkspaceAsync()
    {
        var (id, client, key) = await fixture.CreateWorkspaceAsync("ws");
        client.Dispose();
        return (id, key);
    }
}
