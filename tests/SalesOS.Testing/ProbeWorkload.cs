using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SalesOS.Testing;

/// <summary>
/// A client workload for fault tests: several probes each receive a fixed sequence of writes through
/// the REST gateway, one at a time, every write with its own Idempotency-Key and retried with that
/// same key until the gateway accepts it, as a careful integration would do. Afterwards every probe
/// must show each write exactly once, however the cluster failed in between.
/// </summary>
public sealed class ProbeWorkload(HttpClient http, Uri api, string prefix, int probes, int writesPerProbe)
{
    private readonly ConcurrentDictionary<string, int> failures = new();
    private int accepted;

    public IReadOnlyList<string> ProbeIds { get; } = Enumerable.Range(0, probes).Select(i => $"{prefix}-{i}").ToArray();

    public int WritesPerProbe => writesPerProbe;

    public int Total => probes * writesPerProbe;

    public int Accepted => Volatile.Read(ref accepted);

    /// <summary>Refusals seen on the way, by kind ("503", "500", "connection refused", ...), with counts.</summary>
    public IReadOnlyDictionary<string, int> Failures => failures;

    /// <summary>The value the last write of every probe stores.</summary>
    public string FinalValue => Value(writesPerProbe);

    public async Task ScheduleRemindersAsync(TimeSpan dueIn)
    {
        foreach (var id in ProbeIds)
        {
            var response = await http.PostAsJsonAsync(new Uri(api, $"/api/probes/{id}/reminder"), new { dueInSeconds = dueIn.TotalSeconds });
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>Runs every write to acceptance, or throws when the deadline passes first.</summary>
    public Task RunAsync(TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        return Task.WhenAll(ProbeIds.Select(id => WriteAllAsync(id, until)));
    }

    /// <summary>Reads a probe as the gateway serves it now.</summary>
    public async Task<JsonElement> ReadAsync(string id, string what = "")
        => await http.GetFromJsonAsync<JsonElement>(new Uri(api, $"/api/probes/{id}{what}"));

    private async Task WriteAllAsync(string id, DateTime until)
    {
        for (var write = 1; write <= writesPerProbe; write++)
        {
            while (true)
            {
                if (DateTime.UtcNow > until)
                {
                    throw new TimeoutException($"Write {write} of {id} was not accepted in time; refusals so far: {string.Join(", ", failures.Select(f => $"{f.Key}×{f.Value}"))}");
                }

                var outcome = await TryWriteAsync(id, write);
                if (outcome is null)
                {
                    Interlocked.Increment(ref accepted);
                    break;
                }

                failures.AddOrUpdate(outcome, 1, (_, n) => n + 1);
                await Task.Delay(100);
            }
        }
    }

    private async Task<string?> TryWriteAsync(string id, int write)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(api, $"/api/probes/{id}"))
            {
                Content = JsonContent.Create(new { value = Value(write) }),
            };
            request.Headers.Add("Idempotency-Key", $"{id}-write-{write}");
            using var response = await http.SendAsync(request);
            if (response.IsSuccessStatusCode)
            {
                return null;
            }

            var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json" ? "" : " without ProblemDetails";
            return $"{(int)response.StatusCode}{problem}";
        }
        catch (HttpRequestException e)
        {
            return e.HttpRequestError switch
            {
                HttpRequestError.ConnectionError => "connection refused",
                // The server process died with the request in flight: the client cannot know whether it applied.
                HttpRequestError.ResponseEnded or HttpRequestError.Unknown when e.InnerException is IOException or null => "connection lost",
                _ => $"http error {e.HttpRequestError}",
            };
        }
        catch (TaskCanceledException)
        {
            return "timeout";
        }
    }

    private static string Value(int write) => $"write {write}";
}

/// <summary>Checks that every probe of a workload shows every write once, its reminder fired once and its read model saw every event once.</summary>
public static class ProbeWorkloadChecks
{
    public static async Task<IReadOnlyList<string>> FindViolationsAsync(ProbeWorkload workload, bool remindersScheduled, TimeSpan patience)
    {
        var violations = new List<string>();
        foreach (var id in workload.ProbeIds)
        {
            var probe = await workload.ReadAsync(id);
            if (probe.GetProperty("writes").GetInt32() != workload.WritesPerProbe || probe.GetProperty("value").GetString() != workload.FinalValue)
            {
                violations.Add($"{id}: writes={probe.GetProperty("writes").GetInt32()} value={probe.GetProperty("value")}");
            }
        }

        var deadline = DateTime.UtcNow + patience;
        foreach (var id in workload.ProbeIds)
        {
            JsonElement audit, probe;
            while (true)
            {
                audit = await workload.ReadAsync(id, "/audit");
                probe = await workload.ReadAsync(id);
                var eventsDone = audit.GetProperty("eventsSeen").GetInt32() >= workload.WritesPerProbe;
                var reminderDone = !remindersScheduled || probe.GetProperty("remindersFired").GetInt32() >= 1;
                if ((eventsDone && reminderDone) || DateTime.UtcNow > deadline)
                {
                    break;
                }

                await Task.Delay(250);
            }

            if (audit.GetProperty("eventsSeen").GetInt32() != workload.WritesPerProbe)
            {
                violations.Add($"{id}: read model saw {audit.GetProperty("eventsSeen").GetInt32()} of {workload.WritesPerProbe} events");
            }

            if (remindersScheduled && probe.GetProperty("remindersFired").GetInt32() != 1)
            {
                violations.Add($"{id}: reminder fired {probe.GetProperty("remindersFired").GetInt32()} times");
            }
        }

        return violations;
    }
}
