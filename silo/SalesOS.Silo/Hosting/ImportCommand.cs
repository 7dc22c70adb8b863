using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace SalesOS.Silo.Hosting;

/// <summary>
/// <c>SalesOS.Silo import &lt;file&gt; --workspace &lt;id&gt; [--market &lt;id&gt;] [--source &lt;name&gt;] [--url http://127.0.0.1:5080] [--key &lt;api key&gt;]</c>:
/// uploads a lead list to a running SalesOS through its REST API and follows the import job to the
/// end, printing progress and the rejected rows. The key defaults to the embedded silo's admin key
/// file, or SALESOS_API_KEY.
/// </summary>
public static class ImportCommand
{
    private const string Usage = "usage: import <file.csv|file.json> --workspace <id> [--market <id>] [--source <name>] [--url http://127.0.0.1:5080] [--key <api key>]";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        string? file = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                options[args[i][2..]] = args[++i];
            }
            else if (file is null)
            {
                file = args[i];
            }
            else
            {
                Console.Error.WriteLine($"Unexpected argument '{args[i]}'. {Usage}");
                return 2;
            }
        }

        if (file is null || !options.TryGetValue("workspace", out var workspace))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        if (!File.Exists(file))
        {
            Console.Error.WriteLine($"No file '{file}'.");
            return 2;
        }

        var key = options.GetValueOrDefault("key") ?? Environment.GetEnvironmentVariable("SALESOS_API_KEY") ?? ReadAdminKey();
        if (key is null)
        {
            Console.Error.WriteLine("No API key: pass --key, set SALESOS_API_KEY, or run next to the embedded silo's data/admin-api-key.");
            return 2;
        }

        using var http = new HttpClient { BaseAddress = new Uri(options.GetValueOrDefault("url") ?? "http://127.0.0.1:5080"), Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var query = $"source={Uri.EscapeDataString(options.GetValueOrDefault("source") ?? "cli")}"
            + (options.TryGetValue("market", out var market) ? $"&marketId={Uri.EscapeDataString(market)}" : "");
        using var content = new StreamContent(File.OpenRead(file));
        content.Headers.ContentType = new MediaTypeHeaderValue(file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "application/json" : "text/csv");
        content.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = Path.GetFileName(file) };
        var started = await http.PostAsync(new Uri($"/api/workspaces/{Uri.EscapeDataString(workspace)}/imports?{query}", UriKind.Relative), content);
        if (!started.IsSuccessStatusCode)
        {
            Console.Error.WriteLine($"Refused ({(int)started.StatusCode}): {await started.Content.ReadAsStringAsync()}");
            return 1;
        }

        var location = started.Headers.Location ?? throw new InvalidOperationException("The API did not say where the job is.");
        JsonElement job;
        do
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            job = await http.GetFromJsonAsync<JsonElement>(location);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{job.GetProperty("state").GetString()}: {job.GetProperty("rowsRead").GetInt32()} rows read, {job.GetProperty("accepted").GetInt32()} accepted, {job.GetProperty("duplicates").GetInt32()} duplicates, {job.GetProperty("rejected").GetInt32()} rejected"));
        }
        while (job.GetProperty("state").GetString() == "Running");

        foreach (var rejection in job.GetProperty("rejections").EnumerateArray())
        {
            Console.WriteLine($"  row {rejection.GetProperty("row").GetInt32()}: {rejection.GetProperty("field").GetString()}: {rejection.GetProperty("reason").GetString()}");
        }

        return job.GetProperty("state").GetString() == "Completed" ? 0 : 1;
    }

    private static string? ReadAdminKey()
    {
        // From the repository root (as the README runs it) or from the silo's folder.
        var path = new[] { Path.Combine("silo", "SalesOS.Silo", "data", "admin-api-key"), Path.Combine("data", "admin-api-key") }.FirstOrDefault(File.Exists);
        return path is null ? null : File.ReadAllText(path).Trim();
    }
}
