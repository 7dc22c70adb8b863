using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SalesOS.Testing;

namespace SalesOS.Tests.Prospecting.Flow;

/// <summary>Lead-list imports as jobs: progress, duplicates, rejections with row numbers, and a crash in the middle.</summary>
public sealed class ImportJobTests : IDisposable
{
    private readonly TempDirectory work = new();
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(60), DefaultRequestHeaders = { Authorization = new("Bearer", TestSilo.AdminKey) } };

    /// <summary>A HubSpot-style export: <paramref name="unique"/> companies, then repeats of the first ones, then rows with no usable domain.</summary>
    public static string HubSpotCsv(int unique, int repeats, int broken)
    {
        var csv = new StringBuilder("First Name,Last Name,Email,Job Title,Company name,Website URL,Number of Employees,Country/Region,Industry\r\n");
        for (var i = 0; i < unique; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"Ann{i},Lee,ann{i}@company-{i}.com,VP Sales,Company {i},https://www.company-{i}.com,{50 + (i % 400)},Germany,Computer Software\r\n");
        }

        for (var i = 0; i < repeats; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"Bob{i},Ray,,CEO,Company {i},company-{i}.com,,Germany,Computer Software\r\n");
        }

        for (var i = 0; i < broken; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"Cid{i},Fox,cid{i}@gmail.com,CTO,,not a website,,,\r\n");
        }

        return csv.ToString();
    }

    [Fact]
    public async Task AnUploadedCsv_IsImportedAsAJob_WithDuplicatesAndRejectionsReported()
    {
        await using var host = await ProspectingHost.StartAsync();
        var (workspace, client) = await host.CreateWorkspaceAsync("import");
        using var content = new StringContent(HubSpotCsv(unique: 40, repeats: 5, broken: 3), Encoding.UTF8, "text/csv");

        var started = await client.PostAsync(new Uri($"/api/workspaces/{workspace}/imports?jobId=first&source=hubspot", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal($"/api/workspaces/{workspace}/imports/first", started.Headers.Location?.OriginalString);
        var job = await Eventually.Get(() => client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/imports/first"),
            j => j.GetProperty("state").GetString() != "Running", TimeSpan.FromSeconds(60), "the import to finish");
        Assert.Equal("Completed", job.GetProperty("state").GetString());
        Assert.Equal(48, job.GetProperty("rowsRead").GetInt32());
        Assert.Equal(40, job.GetProperty("accepted").GetInt32());
        Assert.Equal(5, job.GetProperty("duplicates").GetInt32());
        Assert.Equal(3, job.GetProperty("rejected").GetInt32());
        Assert.Equal(40, job.GetProperty("contactsAccepted").GetInt32());
        var rejection = job.GetProperty("rejections")[0];
        Assert.Equal(46, rejection.GetProperty("row").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(rejection.GetProperty("reason").GetString()));
        Assert.Contains("HubSpot", job.GetProperty("format").GetString(), StringComparison.Ordinal);

        var companies = await Eventually.Get(() => client.GetFromJsonAsync<JsonElement>($"/api/workspaces/{workspace}/companies?limit=500"),
            c => c.GetProperty("items").GetArrayLength() == 40, TimeSpan.FromSeconds(20), "40 companies in the read model");
        Assert.Contains(companies.GetProperty("items").EnumerateArray(), c => c.GetProperty("domain").GetString() == "company-7.com");
    }

    [Fact]
    public async Task TheCommandLineImport_UploadsTheFile_AndFollowsTheJobToTheEnd()
    {
        await using var host = await ProspectingHost.StartAsync();
        var workspace = "cli-" + Guid.NewGuid().ToString("N")[..6];
        var created = await host.Admin.PostAsJsonAsync("/api/workspaces", new { id = workspace, name = "CLI" });
        var key = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetProperty("key").GetString()!;
        var file = Path.Combine(work.Path, "leads.csv");
        await File.WriteAllTextAsync(file, HubSpotCsv(unique: 12, repeats: 2, broken: 1));

        string[] target = ["--workspace", workspace, "--url", host.Silo.ApiAddress.ToString(), "--key", key];
        var first = await ProcessRunner.RunAsync("dotnet", [RepositoryPaths.SiloDll, "import", file, .. target], TimeSpan.FromSeconds(60));
        var second = await ProcessRunner.RunAsync("dotnet", [RepositoryPaths.SiloDll, "import", file, .. target, "--source", "again"], TimeSpan.FromSeconds(60));
        var usage = await Assert.ThrowsAsync<InvalidOperationException>(() => ProcessRunner.RunAsync("dotnet", [RepositoryPaths.SiloDll, "import", file], TimeSpan.FromSeconds(60)));

        Assert.Contains("Completed: 15 rows read, 12 accepted, 2 duplicates, 1 rejected", first, StringComparison.Ordinal);
        Assert.Contains("row 15: ", first, StringComparison.Ordinal);
        Assert.Contains("Completed: 15 rows read, 0 accepted, 14 duplicates, 1 rejected", second, StringComparison.Ordinal);
        Assert.Contains("usage: import", usage.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadUploads_AreRefusedWithTheFieldAndReason()
    {
        await using var host = await ProspectingHost.StartAsync();
        var (workspace, client) = await host.CreateWorkspaceAsync("badimport");

        using var empty = new StringContent("", Encoding.UTF8, "text/csv");
        var noFile = await client.PostAsync(new Uri($"/api/workspaces/{workspace}/imports", UriKind.Relative), empty);
        using var csv = new StringContent(HubSpotCsv(1, 0, 0), Encoding.UTF8, "text/csv");
        var badFormat = await client.PostAsync(new Uri($"/api/workspaces/{workspace}/imports?format=xlsx", UriKind.Relative), csv);
        using var csv2 = new StringContent(HubSpotCsv(1, 0, 0), Encoding.UTF8, "text/csv");
        var noMarket = await client.PostAsync(new Uri($"/api/workspaces/{workspace}/imports?marketId=nope", UriKind.Relative), csv2);

        Assert.Equal(HttpStatusCode.BadRequest, noFile.StatusCode);
        Assert.Contains("\"file\"", await noFile.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        Assert.Contains("\"format\"", await badFormat.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, noMarket.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/api/workspaces/{workspace}/imports/never", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task KillingTheSiloMidImport_AndStartingItAgain_ImportsEveryRowExactlyOnce()
    {
        const int unique = 8000, repeats = 500, broken = 100;
        await using var silo = await SiloProcess.StartEmbeddedAsync(Path.Combine(work.Path, "data"), work.Path);
        var created = await http.PostAsJsonAsync(new Uri(silo.ApiAddress, "/api/workspaces"), new { id = "crash", name = "Crash" });
        var key = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetProperty("key").GetString()!;
        using var client = new HttpClient { BaseAddress = silo.ApiAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        using var content = new StringContent(HubSpotCsv(unique, repeats, broken), Encoding.UTF8, "text/csv");
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync(new Uri("/api/workspaces/crash/imports?jobId=big", UriKind.Relative), content)).StatusCode);

        var before = await Eventually.Get(() => client.GetFromJsonAsync<JsonElement>("/api/workspaces/crash/imports/big"),
            j => j.GetProperty("rowsRead").GetInt32() >= 1000, TimeSpan.FromSeconds(60), "a thousand rows imported");
        Assert.Equal("Running", before.GetProperty("state").GetString());
        await silo.KillAsync();
        await silo.RestartAsync();

        JsonElement job;
        try
        {
            job = await Eventually.Get(async () =>
            {
                try
                {
                    return await client.GetFromJsonAsync<JsonElement>("/api/workspaces/crash/imports/big");
                }
                catch (HttpRequestException)
                {
                    return default;
                }
            },
            j => j.ValueKind == JsonValueKind.Object && j.GetProperty("state").GetString() != "Running", TimeSpan.FromSeconds(150), "the import to resume and finish");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + "\nSilo output:\n" + silo.Output, e);
        }

        Assert.True(job.GetProperty("state").GetString() == "Completed", job.ToString() + "\n" + silo.Output);
        Assert.True(job.GetProperty("resumes").GetInt32() >= 1, "The job never resumed: the kill came too late to prove anything.");
        Assert.Equal(unique + repeats + broken, job.GetProperty("rowsRead").GetInt32());
        Assert.Equal(unique, job.GetProperty("accepted").GetInt32());
        Assert.Equal(repeats, job.GetProperty("duplicates").GetInt32());
        Assert.Equal(broken, job.GetProperty("rejected").GetInt32());

        // Each company exists once, registered once by this import (one "sourced" entry, no merge from a replay).
        var timeline = await client.GetFromJsonAsync<JsonElement>("/api/workspaces/crash/companies/company-1500.com/activities");
        Assert.Single(timeline.EnumerateArray(), a => a.GetProperty("kind").GetString() == "sourced");
        Assert.DoesNotContain(timeline.EnumerateArray(), a => a.GetProperty("kind").GetString() == "merged");
        var repeated = await client.GetFromJsonAsync<JsonElement>("/api/workspaces/crash/companies/company-100.com/activities");
        Assert.Single(repeated.EnumerateArray(), a => a.GetProperty("kind").GetString() == "merged");
    }

    public void Dispose()
    {
        http.Dispose();
        work.Dispose();
    }
}
