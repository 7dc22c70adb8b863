using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SalesOS.Integrations.Telephony;
using SalesOS.Outreach.Ports;
using SalesOS.Testing;

namespace SalesOS.Tests.Outreach.Telephony;

public sealed class FileSmsOutboxTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static readonly DateTimeOffset Start = new(2026, 11, 25, 9, 30, 0, TimeSpan.Zero);

    private static OutboundSms Sms(string body = "Hi Ana, quick question about Acme's SDR team.", string to = "+14155550123") =>
        new(to, "+15005550006", body, new Uri("https://hooks.salesos.example/sms"), "send-7");

    private static FileSmsOutbox Outbox(string folder, TimeProvider time) =>
        new(new StaticOptions(new TelephonyOptions { OutboxDirectory = folder }), time);

    [Fact]
    public async Task Send_WritesOneJsonFileWithTheWholeSms()
    {
        using var temp = new TempDirectory();
        var folder = Path.Combine(temp.Path, "sms");
        var outbox = Outbox(folder, new FakeTimeProvider(Start));

        var handOff = await outbox.SendAsync(Sms(), default);

        Assert.Equal(("outbox", HandOffOutcome.Accepted, "written"), (outbox.Name, handOff.Outcome, handOff.Status));
        var file = Assert.Single(Directory.GetFiles(folder));
        Assert.Equal("outbox:" + Path.GetFileNameWithoutExtension(file), handOff.ProviderMessageId);
        Assert.StartsWith("20261125T093000000Z-", Path.GetFileName(file), StringComparison.Ordinal);
        var written = JsonSerializer.Deserialize<OutboxSms>(await File.ReadAllTextAsync(file), Web)!;
        Assert.Equal(("send-7", "+14155550123", "+15005550006", Sms().Body, "https://hooks.salesos.example/sms", Start),
            (written.Reference, written.To, written.From, written.Body, written.StatusCallback, written.SentAt));
    }

    [Fact]
    public async Task FindSent_IsExact_OnRecipientBodyAndTime()
    {
        using var temp = new TempDirectory();
        var time = new FakeTimeProvider(Start);
        var outbox = Outbox(temp.Path, time);
        await outbox.SendAsync(Sms(), default);

        Assert.Equal(SentCopy.Found, await outbox.FindSentAsync(Sms(), Start, default));
        Assert.Equal(SentCopy.Found, await outbox.FindSentAsync(Sms(), Start.AddMinutes(-5), default));
        Assert.Equal(SentCopy.NotFound, await outbox.FindSentAsync(Sms(), Start.AddMilliseconds(1), default));
        Assert.Equal(SentCopy.NotFound, await outbox.FindSentAsync(Sms(body: Sms().Body + "!"), Start, default));
        Assert.Equal(SentCopy.NotFound, await outbox.FindSentAsync(Sms(to: "+14155550124"), Start, default));
    }

    [Fact]
    public async Task FindSent_NoFolderYet_IsNotFound()
    {
        using var temp = new TempDirectory();

        Assert.Equal(SentCopy.NotFound, await Outbox(Path.Combine(temp.Path, "never-written"), TimeProvider.System).FindSentAsync(Sms(), Start, default));
    }

    [Fact]
    public async Task ConcurrentSends_NeverShowAReaderHalfAFile()
    {
        using var temp = new TempDirectory();
        var outbox = Outbox(temp.Path, TimeProvider.System);
        using var stop = new CancellationTokenSource();
        var torn = 0;
        var reads = 0;
        var reader = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (var file in Directory.EnumerateFiles(temp.Path, "*.json"))
                {
                    try
                    {
                        JsonDocument.Parse(await File.ReadAllBytesAsync(file)).Dispose();
                        Interlocked.Increment(ref reads);
                    }
                    catch (JsonException)
                    {
                        Interlocked.Increment(ref torn);
                    }
                }
            }
        });

        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                var handOff = await outbox.SendAsync(Sms(body: $"message {w}-{i} " + new string('x', 4000)), default);
                Assert.Equal(HandOffOutcome.Accepted, handOff.Outcome);
            }
        })).ToArray();
        await Task.WhenAll(writers);
        await stop.CancelAsync();
        await reader;

        Assert.Equal(0, torn);
        Assert.True(reads > 0);
        Assert.Equal(200, Directory.GetFiles(temp.Path, "*.json").Length);
        Assert.Empty(Directory.GetFiles(temp.Path, "*.tmp"));
        Assert.Equal(SentCopy.Found, await outbox.FindSentAsync(Sms(body: "message 7-24 " + new string('x', 4000)), DateTimeOffset.UtcNow.AddMinutes(-5), default));
    }

    [Fact]
    public async Task ATemporaryFileLeftByACrash_IsNotASentSms()
    {
        using var temp = new TempDirectory();
        var time = new FakeTimeProvider(Start);
        var outbox = Outbox(temp.Path, time);
        await outbox.SendAsync(Sms(), default);
        var file = Directory.GetFiles(temp.Path).Single();
        // As if the process died between writing and renaming: the content is there under the hidden name only.
        File.Move(file, Path.Combine(temp.Path, "." + Path.GetFileNameWithoutExtension(file) + ".tmp"));

        Assert.Equal(SentCopy.NotFound, await outbox.FindSentAsync(Sms(), Start, default));
    }

    [Fact]
    public async Task AnUnreadableFileForTheSameSms_CannotTell()
    {
        using var temp = new TempDirectory();
        var outbox = Outbox(temp.Path, new FakeTimeProvider(Start));
        await outbox.SendAsync(Sms(), default);
        var file = Directory.GetFiles(temp.Path).Single();
        await File.WriteAllTextAsync(file, "{\"to\": \"+1415");

        Assert.Equal(SentCopy.CannotTell, await outbox.FindSentAsync(Sms(), Start, default));
    }

    [Fact]
    public async Task AFolderThatCannotBeCreated_Defers()
    {
        using var temp = new TempDirectory();
        var blocker = Path.Combine(temp.Path, "a-file");
        await File.WriteAllTextAsync(blocker, "");

        var handOff = await Outbox(Path.Combine(blocker, "sms"), TimeProvider.System).SendAsync(Sms(), default);

        Assert.Equal(HandOffOutcome.Deferred, handOff.Outcome);
        Assert.Contains("could not write", handOff.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnSmsWithoutRecipientOrBody_IsRejected()
    {
        using var temp = new TempDirectory();
        var outbox = Outbox(temp.Path, TimeProvider.System);

        Assert.Equal(HandOffOutcome.Rejected, (await outbox.SendAsync(Sms(body: ""), default)).Outcome);
        Assert.Equal(HandOffOutcome.Rejected, (await outbox.SendAsync(Sms(to: " "), default)).Outcome);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    private sealed class StaticOptions(TelephonyOptions value) : IOptionsMonitor<TelephonyOptions>
    {
        public TelephonyOptions CurrentValue => value;

        public TelephonyOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<TelephonyOptions, string?> listener) => null;
    }
}
