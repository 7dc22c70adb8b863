using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MimeKit;
using SalesOS.Outreach.Ports;

namespace SalesOS.Integrations.Mail;

/// <summary>
/// The offline default sender: writes each message as an .eml file (CRLF lines, as on the wire) into the
/// mailbox's outbox folder, atomically: a hidden temporary file is written, flushed to disk and then renamed,
/// so a reader never sees half a message and a crash leaves no .eml behind. Names are
/// "&lt;UTC time&gt;-&lt;hash of the Message-ID&gt;.eml": they sort in the order written (an inbox folder reads
/// them in that order), and whether a message with a given Message-ID was written is a question about file
/// names, answered for sure.
/// </summary>
public sealed class FileOutboxSender : IMailSender
{
    private static readonly FormatOptions WireFormat = CreateWireFormat();
    private readonly TimeProvider time;

    public FileOutboxSender(string outboxDirectory, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outboxDirectory);
        Directory = Path.GetFullPath(outboxDirectory);
        this.time = time ?? TimeProvider.System;
        Transport = "outbox folder " + Directory;
    }

    public string Directory { get; }

    public string Transport { get; }

    public async Task<MailHandOff> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrWhiteSpace(message.MessageId))
        {
            return new MailHandOff(HandOffOutcome.Rejected, "the message has no Message-ID; SalesOS needs one to find its sent copy");
        }

        var hash = MessageFileNames.Hash(message.MessageId);
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            var temporary = Path.Combine(Directory, $".{Guid.NewGuid():N}.tmp");
            try
            {
                await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
                {
                    await message.WriteToAsync(WireFormat, file, cancellationToken).ConfigureAwait(false);
                    // On disk before the name appears: "written" must survive a power cut.
                    file.Flush(flushToDisk: true);
                }

                for (var written = time.GetUtcNow(); ; written = written.AddTicks(1))
                {
                    var path = Path.Combine(Directory, MessageFileNames.Name(written, hash));
                    try
                    {
                        File.Move(temporary, path, overwrite: false);
                        return new MailHandOff(HandOffOutcome.Accepted, "written to " + path);
                    }
                    catch (IOException) when (File.Exists(path))
                    {
                        // The same message again within one tick of the clock: the next tick is a new name.
                    }
                }
            }
            finally
            {
                File.Delete(temporary);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new MailHandOff(HandOffOutcome.Deferred, $"could not write to {Transport}: {e.Message}");
        }
    }

    /// <summary>
    /// Found when an .eml for this Message-ID was written on or after the day before <paramref name="sentAfter"/> (the same
    /// margin as the IMAP search); NotFound otherwise. CannotTell only when the folder cannot be read at all.
    /// </summary>
    public Task<SentCopy> FindSentAsync(string messageId, DateTimeOffset sentAfter, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        if (!System.IO.Directory.Exists(Directory))
        {
            return Task.FromResult(SentCopy.NotFound);
        }

        var since = MessageFileNames.Stamp(new DateTimeOffset(sentAfter.UtcDateTime.Date.AddDays(-1), TimeSpan.Zero));
        try
        {
            var found = System.IO.Directory.EnumerateFiles(Directory, "*-" + MessageFileNames.Hash(messageId) + ".eml")
                .Any(path => string.CompareOrdinal(Path.GetFileName(path), since) >= 0);
            return Task.FromResult(found ? SentCopy.Found : SentCopy.NotFound);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(SentCopy.CannotTell);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static FormatOptions CreateWireFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }
}

/// <summary>How outbox files are named: "20261201T101530.1234567Z-&lt;24 hex&gt;.eml".</summary>
internal static class MessageFileNames
{
    public static string Stamp(DateTimeOffset when) => when.UtcDateTime.ToString("yyyyMMdd'T'HHmmss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static string Name(DateTimeOffset when, string hash) => $"{Stamp(when)}-{hash}.eml";

    /// <summary>The first 96 bits of SHA-256 over the Message-ID without its angle brackets.</summary>
    public static string Hash(string messageId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(MessageIds.Normalize(messageId))).AsSpan(0, 12));
}
