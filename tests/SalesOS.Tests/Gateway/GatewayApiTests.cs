using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SalesOS.Contracts.Diagnostics;

namespace SalesOS.Tests.Gateway;

/// <summary>HTTP round trips through the standalone gateway to a real silo and back.</summary>
[Collection(GatewayCollection.Name)]
public sealed class GatewayApiTests(GatewayFixture fixture)
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task PutThenGet_RoundTripsThroughTheGrainAndItsStorage()
    {
        var id = "rt-" + Guid.NewGuid().ToString("N")[..8];

        var put = await Http.PutAsJsonAsync($"/api/probes/{id}", new { value = "from HTTP" });
        put.EnsureSuccessStatusCode();
        var get = await Http.GetFromJsonAsync<ProbeSnapshot>($"/api/probes/{id}");

        Assert.NotNull(get);
        Assert.Equal("from HTTP", get.Value);
        Assert.Equal(1, get.Writes);
        // The silo saw the same state: the gateway did not answer from a cache of its own.
        Assert.Equal("from HTTP", (await fixture.Silo.Client.GetGrain<IProbeGrain>(id).Get()).Value);
    }

    [Fact]
    public async Task MalformedJson_Is400ProblemDetailsWithTheReason()
    {
        using var content = new StringContent("{\"value\": ", Encoding.UTF8, "application/json");
        var response = await Http.PutAsync(new Uri("/api/probes/bad-json", UriKind.Relative), content);

        var problem = await ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("requestId").GetString()));
    }

    [Fact]
    public async Task InvalidFields_Are400WithEachFieldAndWhy()
    {
        var response = await Http.PostAsJsonAsync("/api/probes/has%20space/reminder", new { dueInSeconds = -5 });

        var problem = await ReadProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Contains("letters, digits", errors.GetProperty("id")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("greater than 0", errors.GetProperty("dueInSeconds")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownField_Is400NamingTheField()
    {
        var response = await Http.PutAsJsonAsync("/api/probes/unknown-field", new { value = "x", valeu = "typo" });

        var problem = await ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("valeu", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OversizedBody_Is413ProblemDetailsAndChangesNothing()
    {
        var id = "big-" + Guid.NewGuid().ToString("N")[..8];
        var response = await Http.PutAsJsonAsync($"/api/probes/{id}", new { value = new string('x', 2 * 1024 * 1024) });

        await ReadProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, (await fixture.Silo.Client.GetGrain<IProbeGrain>(id).Get()).Writes);
    }

    [Fact]
    public async Task UnknownRoute_Is404ProblemDetails()
    {
        var response = await Http.GetAsync(new Uri("/api/nothing-here", UriKind.Relative));

        await ReadProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RequestId_IsEchoedWhenSuppliedAndMadeWhenNot()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Request-Id", "client-chosen-42");
        var echoed = await Http.SendAsync(request);
        var made = await Http.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal("client-chosen-42", echoed.Headers.GetValues("X-Request-Id").Single());
        Assert.Matches("^[0-9a-f]{32}$", made.Headers.GetValues("X-Request-Id").Single());
    }

    [Fact]
    public async Task SystemSilos_ListsTheActiveSilo()
    {
        var silos = await Http.GetFromJsonAsync<JsonElement>("/api/system/silos");

        Assert.Contains(silos.EnumerateArray(), s => s.GetProperty("status").GetString() == "Active");
    }

    // The REST API, and the public endpoints prospects' mail clients and the telephony provider reach.
    private static readonly string[] PublicPrefixes = ["/api", "/t/", "/u/", "/hooks/"];

    [Fact]
    public async Task OpenApiDocument_DescribesEveryMappedApiEndpoint_AndNothingElse()
    {
        var document = await Http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(op => op.Name is "get" or "head" or "put" or "post" or "patch" or "delete").Select(op => $"{op.Name.ToUpperInvariant()} {path.Name}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var mapped = fixture.GatewayServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => PublicPrefixes.Any(prefix => e.RoutePattern.RawText!.StartsWith(prefix, StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}"))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(mapped.Count >= 25, $"only {mapped.Count} API endpoints found");
        Assert.Equal(mapped, documented);
        // Every operation says what it does.
        Assert.All(document.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject()).Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("responses", out _)),
            op => Assert.True(op.Value.TryGetProperty("summary", out _), op.Name));
    }

    private static async Task<JsonElement> ReadProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }
}
