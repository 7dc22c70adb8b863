using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SalesOS.Tests.Gateway;

/// <summary>Bulk JSON import: each row its own outcome, valid rows kept beside refused ones, retries harmless.</summary>
[Collection(GatewayCollection.Name)]
public sealed class ImportApiTests(GatewayFixture fixture)
{
    [Fact]
    public async Task ImportCompanies_ReportsEveryRow_MergesDuplicates_AndAReplayChangesNothing()
    {
        var (workspace, client, _) = await fixture.CreateWorkspaceAsync("im");
        object[] rows =
        [
            new { domain = "one.example", name = "One" },
            new { domain = "https://www.two.example/about", name = "Two" },
            new { domain = "not a domain" },
            new { domain = "ONE.example", employeeCount = 40, source = "csv" },
            new { domain = "three.example", employeeCount = -1 },
        ];

        var report = await SendAsync(client, $"/api/workspaces/{workspace}/companies/import", rows, "import-1");
        var replay = await SendAsync(client, $"/api/workspaces/{workspace}/companies/import", rows, "import-1");

        Assert.Equal(5, report.GetProperty("rows").GetInt32());
        Assert.Equal(2, report.GetProperty("created").GetInt32());
        Assert.Equal(1, report.GetProperty("merged").GetInt32());
        Assert.Equal(2, report.GetProperty("rejected").GetInt32());
        var outcomes = report.GetProperty("outcomes").EnumerateArray().ToList();
        Assert.Equal(["created", "created", "rejected", "merged", "rejected"], outcomes.Select(o => o.GetProperty("status").GetString()));
        Assert.True(outcomes[2].GetProperty("errors").TryGetProperty("domain", out _));
        Assert.True(outcomes[4].GetProperty("errors").TryGetProperty("employeeCount", out _));

        // The replay hit the same idempotency keys: the same answers, and the companies' timelines did not grow.
        Assert.Equal(report.GetProperty("outcomes").GetRawText(), replay.GetProperty("outcomes").GetRawText());
        var timeline = await client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/companies/one.example/activities");
        Assert.Equal(2, timeline.GetArrayLength());
        Assert.Equal(40, (await client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/companies/one.example")).GetProperty("employeeCount").GetInt32());
    }

    [Fact]
    public async Task ImportContacts_RejectsSuppressedPeopleRowByRow()
    {
        var (workspace, client, _) = await fixture.CreateWorkspaceAsync("ic");
        (await client.PostAsJsonAsync($"/api/workspaces/{workspace}/contacts", new { email = "gone@example.org" })).EnsureSuccessStatusCode();
        (await client.DeleteAsync(new Uri($"/api/workspaces/{workspace}/contacts/{Uri.EscapeDataString("email:gone@example.org")}", UriKind.Relative))).EnsureSuccessStatusCode();

        var report = await SendAsync(client, $"/api/workspaces/{workspace}/contacts/import",
            [new { email = "kept@example.org", firstName = "Kept" }, new { email = "GONE@example.org" }, new { firstName = "No identity" }], null);

        Assert.Equal(["created", "rejected", "rejected"], report.GetProperty("outcomes").EnumerateArray().Select(o => o.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task ImportsThatAreEmptyOrTooLarge_Are400()
    {
        var (workspace, client, _) = await fixture.CreateWorkspaceAsync("iz");

        var empty = await client.PostAsJsonAsync($"/api/workspaces/{workspace}/companies/import", Array.Empty<object>());
        var tooMany = await client.PostAsJsonAsync($"/api/workspaces/{workspace}/companies/import", Enumerable.Range(0, 1001).Select(i => new { domain = $"c{i}.example" }));

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
    }

    private static async Task<JsonElement> SendAsync(HttpClient client, string path, object[] rows, string? idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(rows) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
