using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SalesOS.Outreach.Ports;

namespace SalesOS.Integrations.Telephony;

/// <summary>
/// The offline SMS gateway: each SMS becomes one JSON file in the outbox folder, written under a hidden
/// temporary name and renamed into place, so a reader (or a crash) never meets half a message. The file name
/// carries a hash of recipient and body, which makes <see cref="FindSentAsync"/> exact without reading the
/// whole folder.
/// </summary>
public sealed class FileSmsOutbox(IOptionsMonitor<TelephonyOptions> options, TimeProvider time) : ISmsGateway
{
    public const string GatewayName = "outbox";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Name => GatewayName;

    public string Folder => Path.GetFullPath(options.CurrentValue.OutboxDirectory);

    public async Task<SmsHandOff> SendAsync(OutboundSms sms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sms);
        if (string.IsNullOrWhiteSpace(sms.To) || string.IsNullOrEmpty(sms.Body))
        {
            return new(HandOffOutcome.Rejected, null, "rejected", "an SMS needs a recipient and a body");
        }

        var folder = Folder;
        var sentAt = time.GetUtcNow();
        var id = $"{sentAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture)}-{Key(sms.To, sms.Body)}-{Guid.NewGuid():N}";
        var path = Path.Combine(folder, id + ".json");
        var temporary = Path.Combine(folder, "." + id + ".tmp");
        var record = new OutboxSms(id, sms.Reference, sms.To.Trim(), sms.From, sms.Body, sms.StatusCallback?.OriginalString, sentAt);
        try
        {
            Directory.CreateDirectory(folder);
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await JsonSerializer.SerializeAsync(stream, record, Json, cancellationToken).ConfigureAwait(false);
                // On disk before it is visible: a power cut must not leave a named file with no content.
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            return new(HandOffOutcome.Deferred, null, "deferred", $"could not write to the SMS outbox {folder}: {e.Message}");
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }

        return new(HandOffOutcome.Accepted, GatewayName + ":" + id, "written", "written to " + path);
    }

    /// <summary>Found when a file holds this recipient and body, written at or after <paramref name="sentAfter"/>.</summary>
    public async Task<SentCopy> FindSentAsync(OutboundSms sms, DateTimeOffset sentAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sms);
        var folder = Folder;
        if (!Directory.Exists(folder))
        {
            return SentCopy.NotFound;
        }

        var to = sms.To.Trim();
        try
        {
            foreach (var file in Directory.EnumerateFiles(folder, $"*-{Key(sms.To, sms.Body)}-*.json"))
            {
                var stream = File.OpenRead(file);
                OutboxSms? written;
                await using (stream.ConfigureAwait(false))
                {
                    written = await JsonSerializer.DeserializeAsync<OutboxSms>(stream, Json, cancellationToken).ConfigureAwait(false);
                }

                if (written is not null && written.To == to && written.Body == sms.Body && written.SentAt >= sentAfter)
                {
                    return SentCopy.Found;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            // A file we cannot read may be the one asked about: never answer "not sent" on a guess.
            return SentCopy.CannotTell;
        }

        return SentCopy.NotFound;
    }

    /// <summary>First 64 bits of SHA-256 over recipient and body, hex: short enough for a file name, and checked against the content anyway.</summary>
    private static string Key(string to, string body)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(to.Trim() + "\n" + body), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The temporary name is hidden and never read; a leftover only takes space.
        }
    }
}

/// <summary>One SMS as the outbox file holds it.</summary>
public sealed record OutboxSms(string Id, string Reference, string To, string? From, string Body, string? StatusCallback, DateTimeOffset SentAt);
