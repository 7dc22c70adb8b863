using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using SalesOS.Contracts.Diagnostics;
using SalesOS.Gateway.Apis;
using SalesOS.Testing;
using SalesOS.Tests.Gateway;

namespace SalesOS.Tests.Faults;

/// <summary>
/// Seeded fuzzing of the REST commands: malformed and truncated JSON, wrong types, unknown fields,
/// invalid UTF-8, deep nesting, huge bodies, wrong media types. Every request is answered 2xx when
/// it is valid and 4xx ProblemDetails with a reason when it is not (never 5xx), and only the valid
/// ones change anything.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class BadInputFuzzTests(GatewayFixture fixture)
{
    private const int Seed = 20261124;
    private const int Cases = 400;

    // What the gateway itself binds with: web defaults and no unknown members.
    private static readonly JsonSerializerOptions GatewayJson = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    [Fact]
    public async Task WriteProbe_FuzzedBodies_AreAnsweredWithoutServerErrorsAndOnlyValidOnesWrite()
    {
        var id = "fuzz-write-" + Guid.NewGuid().ToString("N")[..8];
        var valid = 0;
        foreach (var body in Bodies(new Random(Seed), ["{\"value\":\"hello\"}", "{\"value\":\"ünïcødé ✓\"}", "{\"Value\":\"\"}"]))
        {
            var expectAccepted = IsValid<ProbeWriteRequest>(body, r => r.Value is not null && r.Value.Length <= ProbeApi.MaxValueLength);
            valid += expectAccepted ? 1 : 0;
            await SendAndCheckAsync(HttpMethod.Put, $"/api/probes/{id}", body, expectAccepted);
        }

        Assert.InRange(valid, 1, Cases - 1);
        Assert.Equal(valid, (await fixture.Silo.Client.GetGrain<IProbeGrain>(id).Get()).Writes);
    }

    [Fact]
    public async Task ScheduleReminder_FuzzedBodies_AreAnsweredWithoutServerErrorsAndInvalidOnesChangeNothing()
    {
        var id = "fuzz-remind-" + Guid.NewGuid().ToString("N")[..8];
        var valid = 0;
        foreach (var body in Bodies(new Random(Seed + 1), ["{\"dueInSeconds\":3600}", "{\"dueInSeconds\":86400.5}", "{\"DueInSeconds\":60}"]))
        {
            var expectAccepted = IsValid<ProbeReminderRequest>(body, r => r.DueInSeconds is > 0 && r.DueInSeconds <= ProbeApi.MaxReminderDelay.TotalSeconds);
            valid += expectAccepted ? 1 : 0;
            await SendAndCheckAsync(HttpMethod.Post, $"/api/probes/{id}/reminder", body, expectAccepted);
        }

        Assert.InRange(valid, 1, Cases - 1);
        var probe = await fixture.Silo.Client.GetGrain<IProbeGrain>(id).Get();
        Assert.Equal(0, probe.Writes);
        Assert.NotNull(probe.ReminderDueAt);
    }

    [Fact]
    public async Task ImportCompanies_FuzzedBodies_AreAnsweredWithoutServerErrors_AndOnlyAcceptedRowsExist()
    {
        var (workspace, client, _) = await fixture.CreateWorkspaceAsync("fz");
        var created = 0;
        var accepted = 0;
        var random = new Random(Seed + 2);
        foreach (var body in Bodies(random, ["[{\"domain\":\"a.example\"},{\"domain\":\"b.example\",\"employeeCount\":5}]", "[{\"domain\":\"c.example\",\"technologies\":[\"Stripe\"]}]"]).Take(150))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/workspaces/{workspace}/companies/import") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            Assert.True(status is 200 or (>= 400 and < 500), $"import body {Encoding.UTF8.GetString(body[..Math.Min(body.Length, 200)])} got {status}: {await response.Content.ReadAsStringAsync()}");
            if (status == 200)
            {
                accepted++;
                created += (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("created").GetInt32();
            }
            else
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        // Refused imports changed nothing: the companies that exist are exactly those the accepted rows created.
        Assert.InRange(accepted, 1, 149);
        var funnel = await Eventually.Get(() => client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/funnel"), f => f.GetProperty("total").GetInt32() == created, TimeSpan.FromSeconds(15), "the created companies in the read model");
        Assert.Equal(created, funnel.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task WrongMediaTypeAndEmptyBodies_Are4xxProblemDetails()
    {
        foreach (var (content, expected) in new (HttpContent Content, HttpStatusCode Status)[]
        {
            (new StringContent("{\"value\":\"x\"}", Encoding.UTF8, "text/plain"), HttpStatusCode.UnsupportedMediaType),
            (new ByteArrayContent([]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } }, HttpStatusCode.BadRequest),
            (new StringContent("null", Encoding.UTF8, "application/json"), HttpStatusCode.BadRequest),
        })
        {
            var response = await fixture.Http.PutAsync(new Uri("/api/probes/media", UriKind.Relative), content);
            Assert.Equal(expected, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    private async Task SendAndCheckAsync(HttpMethod method, string path, byte[] body, bool expectAccepted)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await fixture.Http.SendAsync(request);
        var status = (int)response.StatusCode;
        var shown = body.Length > 200 ? $"{body.Length} bytes" : Encoding.UTF8.GetString(body);
        if (expectAccepted)
        {
            Assert.True(status == 200, $"valid body {shown} got {status}: {await response.Content.ReadAsStringAsync()}");
            return;
        }

        Assert.True(status is >= 400 and < 500, $"invalid body {shown} got {status}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var reason = problem.TryGetProperty("detail", out var detail) ? detail.GetString() : null;
        var fields = problem.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().Count() : 0;
        Assert.True(!string.IsNullOrWhiteSpace(reason) || fields > 0, $"invalid body {shown} got {status} without a reason");
    }

    private static bool IsValid<T>(byte[] body, Func<T, bool> rules)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, GatewayJson) is { } request && rules(request);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Seeded variations of a few valid bodies; most are broken in one of many ways, a few stay valid.</summary>
    private static IEnumerable<byte[]> Bodies(Random random, string[] seeds)
    {
        string[] foreignValues = ["123", "-1", "0", "1e309", "true", "null", "[]", "[1,2]", "{}", "{\"a\":1}", "\"text\"", "\"\"", "\"NaN\"", "1.5", "99999999999999999999"];
        for (var i = 0; i < Cases; i++)
        {
            var valid = seeds[random.Next(seeds.Length)];
            var start = valid.IndexOf('"', StringComparison.Ordinal) + 1;
            var property = valid[start..valid.IndexOf('"', start)];
            yield return (random.Next(11)) switch
            {
                0 => Encoding.UTF8.GetBytes(valid[..random.Next(valid.Length)]),
                1 => Encoding.UTF8.GetBytes(valid.Insert(random.Next(valid.Length), ((char)random.Next(32, 127)).ToString())),
                2 => Encoding.UTF8.GetBytes(valid.Remove(random.Next(valid.Length), 1)),
                3 => Encoding.UTF8.GetBytes($"{{\"{property}\":{foreignValues[random.Next(foreignValues.Length)]}}}"),
                4 => Encoding.UTF8.GetBytes(valid.TrimEnd('}') + $",\"extra{random.Next(100)}\":1}}"),
                5 => Mangle(Encoding.UTF8.GetBytes(valid), random),
                6 => Encoding.UTF8.GetBytes(new string('[', 100 + random.Next(5000)) + new string(']', 10)),
                7 => Encoding.UTF8.GetBytes($"{{\"{property}\":\"{new string('x', random.Next(2) == 0 ? 5000 : 1_100_000)}\"}}"),
                8 => Encoding.UTF8.GetBytes(valid.Replace(":", random.Next(2) == 0 ? "=" : "::", StringComparison.Ordinal)),
                9 => Encoding.UTF8.GetBytes(random.Next(2) == 0 ? $"[{valid}]" : $"\"{valid.Replace("\"", "\\\"", StringComparison.Ordinal)}\""),
                _ => Encoding.UTF8.GetBytes(valid),
            };
        }
    }

    // Invalid UTF-8: lone continuation bytes, truncated sequences, bytes that never appear in UTF-8.
    private static byte[] Mangle(byte[] body, Random random)
    {
        byte[][] invalid = [[0xC3, 0x28], [0xA0, 0xA1], [0xE2, 0x28, 0xA1], [0xF0, 0x28, 0x8C, 0xBC], [0xFF], [0xFE, 0xFE], [0xC0, 0xAF]];
        var at = random.Next(body.Length);
        return [.. body[..at], .. invalid[random.Next(invalid.Length)], .. body[at..]];
    }
}
