using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SalesOS.Grains;
using SalesOS.Testing;

namespace SalesOS.Tests.Outreach.Flow;

/// <summary>
/// A real embedded silo (the run command's) whose business clock is a <see cref="FakeTimeProvider"/>: a
/// test moves days forward in one call and the follow-up reminders, which tick every second here, see
/// it at once. Talks to the silo over its REST API like a user, and reads the offline outbox folder.
/// </summary>
public sealed class OutreachHost : IAsyncDisposable
{
    /// <summary>Monday 2 March 2026, 08:30 in Berlin: inside the default send window.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 7, 30, 0, TimeSpan.Zero);

    private readonly TempDirectory data;

    private OutreachHost(TempDirectory data, TestSilo silo, FakeTimeProvider clock, HttpClient admin)
    {
        this.data = data;
        Silo = silo;
        Clock = clock;
        Admin = admin;
    }

    public TestSilo Silo { get; }

    public FakeTimeProvider Clock { get; }

    public HttpClient Admin { get; }

    public string DataDirectory => data.Path;

    public static async Task<OutreachHost> StartAsync(params string[] settings)
    {
        var data = new TempDirectory();
        var clock = new FakeTimeProvider(Start);
        string[] tuned =
        [
            "--SalesOS:Outreach:MaxReminderDelay=00:00:01",
            "--SalesOS:Outreach:RecheckPeriod=00:00:01",
            "--SalesOS:Outreach:DispatchTimeout=00:00:05",
            "--SalesOS:Mail:PollInterval=00:00:00.250",
            "--SalesOS:Prospecting:WatchdogPeriod=00:00:01",
            "--SalesOS:Prospecting:RetryBaseDelay=00:00:01",
            "--SalesOS:Crawler:PolitenessDelay=00:00:00",
            .. settings,
        ];
        var silo = await TestSilo.StartEmbeddedAsync(data.Path, "outreach-" + Guid.NewGuid().ToString("N")[..8],
            configure: s => s.Services.AddKeyedSingleton<TimeProvider>(DomainClock.Key, clock), settings: tuned);
        var admin = new HttpClient { BaseAddress = silo.ApiAddress, Timeout = TimeSpan.FromSeconds(60) };
        admin.DefaultRequestHeaders.Authorization = new("Bearer", TestSilo.AdminKey);
        return new OutreachHost(data, silo, clock, admin);
    }

    /// <summary>A new workspace with outreach settings (sender, postal address) and a client holding its key.</summary>
    public async Task<(string Workspace, HttpClient Client)> CreateWorkspaceAsync(string prefix, bool withPostalAddress = true)
    {
        MoveToBusinessMorning();
        var id = $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
        var response = await Admin.PostAsJsonAsync("/api/workspaces", new { id, name = "Test " + id });
        response.EnsureSuccessStatusCode();
        var key = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetProperty("key").GetString()!;
        var client = new HttpClient { BaseAddress = Silo.ApiAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        if (withPostalAddress)
        {
            (await client.PutAsJsonAsync($"/api/workspaces/{id}/outreach/settings", new
            {
                companyName = "Northwind Analytics",
                postalAddress = "Northwind Analytics GmbH, Torstraße 1, 10119 Berlin, Germany",
                senderName = "Anna Schmidt",
                senderTitle = "Account Executive",
                calendarLink = "https://cal.northwind.example/anna",
            })).EnsureSuccessStatusCode();
        }

        return (id, client);
    }

    /// <summary>A company in Germany and a verified, scored contact at it, ready to enrol; returns the contact's id (URL-encoded).</summary>
    public static async Task<string> ScoredContactAsync(HttpClient client, string workspace, string email, string first = "Jane", string? linkedIn = null, string? phone = null, string? lawfulBasis = null)
    {
        var domain = email[(email.IndexOf('@') + 1)..];
        (await client.PostAsJsonAsync($"/api/workspaces/{workspace}/companies", new { domain, name = "Acme Robotics", country = "Germany", industry = "Software" })).EnsureSuccessStatusCode();
        var created = await client.PostAsJsonAsync($"/api/workspaces/{workspace}/contacts", new
        {
            email, firstName = first, lastName = "Doe", title = "VP Sales", companyDomain = domain, emailVerification = "deliverable",
            linkedInUrl = linkedIn, phone, lawfulBasis,
        });
        created.EnsureSuccessStatusCode();
        var id = Uri.EscapeDataString("email:" + email);
        (await client.PostAsJsonAsync($"/api/workspaces/{workspace}/contacts/{id}/transitions", new { trigger = "Score", tier = 1 })).EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>
    /// Moves business time to a weekday morning in Berlin (08:30), unless it is one already: the tests share
    /// the clock, and each starts its sequence inside the send window with the day ahead of it.
    /// </summary>
    public void MoveToBusinessMorning()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var local = TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), berlin);
        if (local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && local.TimeOfDay >= TimeSpan.FromHours(8) && local.TimeOfDay < TimeSpan.FromHours(12))
        {
            return;
        }

        var day = local.Date.AddDays(1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        var morning = day.AddHours(8.5);
        AdvanceTo(new DateTimeOffset(morning, berlin.GetUtcOffset(morning)));
    }

    /// <summary>Moves business time forward, a step at a time so each reminder tick sees the days go by.</summary>
    public void Advance(TimeSpan by) => Clock.Advance(by);

    /// <summary>Moves business time to <paramref name="at"/> (never back).</summary>
    public void AdvanceTo(DateTimeOffset at)
    {
        if (at > Clock.GetUtcNow())
        {
            Clock.SetUtcNow(at);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Silo.DisposeAsync();
        SqliteConnection.ClearAllPools();
        data.Dispose();
    }
}
