using System.Net.Http.Json;
using System.Text.Json;
using SalesOS.Testing;

namespace SalesOS.Tests.Outreach.Flow;

/// <summary>
/// The enrolment engine as production runs it: the system clock, and each follow-up reminder due exactly
/// when its step is (no one-second test tick). A step that is due at once must go out at once, not when
/// the reminder's period (five minutes) comes round.
/// </summary>
public sealed class RealClockFlowTests
{
    [Fact]
    public async Task AStepDueAtEnrolment_GoesOutWithinSeconds_NotAfterTheReminderPeriod()
    {
        using var data = new TempDirectory();
        await using var silo = await TestSilo.StartEmbeddedAsync(data.Path, "real-clock-" + Guid.NewGuid().ToString("N")[..8], settings:
        [
            "--SalesOS:Outreach:RecheckPeriod=00:05:00",
            "--SalesOS:Crawler:PolitenessDelay=00:00:00",
        ]);
        using var admin = new HttpClient { BaseAddress = silo.ApiAddress, Timeout = TimeSpan.FromSeconds(60) };
        admin.DefaultRequestHeaders.Authorization = new("Bearer", TestSilo.AdminKey);
        const string workspace = "realclock";
        var created = await admin.PostAsJsonAsync("/api/workspaces", new { id = workspace, name = "Real clock" });
        created.EnsureSuccessStatusCode();
        using var client = new HttpClient { BaseAddress = silo.ApiAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetProperty("key").GetString()!);
        (await client.PutAsJsonAsync($"/api/workspaces/{workspace}/outreach/settings", new { companyName = "Northwind", postalAddress = "Northwind GmbH, Torstraße 1, 10119 Berlin", senderName = "Anna Schmidt" }))
            .EnsureSuccessStatusCode();
        var allDay = new { start = "00:00:00", end = "23:59:00", days = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" } };
        var sequence = await client.PutAsJsonAsync($"/api/workspaces/{workspace}/sequences/now", new
        {
            name = "Now",
            window = allDay,
            steps = new object[] { new { channel = "Email", delayBusinessDays = 0, condition = "Always", variants = new[] { new { id = "a", subject = "Hello {{ contact.first_name }}", body = "Hi {{ contact.first_name }},\n\nA short note.\n\nAnna", weight = 1 } } } },
        });
        Assert.True(sequence.IsSuccessStatusCode, await sequence.Content.ReadAsStringAsync());

        var contacts = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            contacts.Add(await OutreachHost.ScoredContactAsync(client, workspace, $"person{i}@realclock-{i}.example", first: $"Person{i}"));
        }

        foreach (var contact in contacts)
        {
            var enrolled = await client.PostAsJsonAsync($"/api/workspaces/{workspace}/contacts/{contact}/enrollment", new { sequenceId = "now" });
            Assert.True(enrolled.IsSuccessStatusCode, await enrolled.Content.ReadAsStringAsync());
        }

        // One mailbox spaces its sends like a person (minutes apart): whichever step takes the first slot
        // is due at once, and must be in the outbox within seconds.
        var outbox = Path.Combine(data.Path, "outbox", workspace);
        var files = await Eventually.Get(
            () => Task.FromResult(Directory.Exists(outbox) ? Directory.GetFiles(outbox, "*.eml") : []),
            f => f.Length >= 1, TimeSpan.FromSeconds(45), "a step due at enrolment to reach the outbox on the real clock");
        using var message = await MimeKit.MimeMessage.LoadAsync(files[0]);
        var to = Assert.Single(message.To.Mailboxes).Address;
        Assert.Contains(Uri.EscapeDataString("email:" + to), contacts);
        Assert.Matches("^Hello Person[0-2]$", message.Subject);
    }
}
