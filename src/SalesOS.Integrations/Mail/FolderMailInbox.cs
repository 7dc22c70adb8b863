using System.Globalization;
using SalesOS.Outreach.Ports;

namespace SalesOS.Integrations.Mail;

/// <summary>
/// The offline default inbox: *.eml files dropped into a folder, read in ordinal name order. The cursor is the
/// name of the last file read (null: start after the newest file already there; "" before the first), so files
/// must be dropped with names that sort after the ones before them (a UTC time first, as the outbox writes
/// them) and must appear whole: write them under another name (".x.tmp") and rename. Files are never changed
/// or deleted. While a read waits, the folder is looked at every <see cref="MailOptions.PollInterval"/>.
/// </summary>
public sealed class FolderMailInbox : IMailInbox
{
    private readonly MailOptions options;
    private readonly TimeProvider time;
    private readonly string mode;

    public FolderMailInbox(string inboxDirectory, MailOptions? options = null, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(inboxDirectory);
        Directory = Path.GetFullPath(inboxDirectory);
        this.options = options ?? new MailOptions();
        this.time = time ?? TimeProvider.System;
        Transport = "inbox folder " + Directory;
        mode = string.Create(CultureInfo.InvariantCulture, $"folder polling every {this.options.PollInterval.TotalSeconds:0.###} s");
    }

    public string Directory { get; }

    public string Transport { get; }

    public async Task<InboundBatch> ReadAsync(string? cursor, TimeSpan wait, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.Zero);
        var started = time.GetTimestamp();
        System.IO.Directory.CreateDirectory(Directory);
        var after = cursor ?? Names().LastOrDefault() ?? "";
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var messages = new List<InboundMail>();
            foreach (var name in Names().Where(n => string.CompareOrdinal(n, after) > 0).Take(options.InboxBatchSize))
            {
                try
                {
                    messages.Add(new InboundMail(name, await File.ReadAllBytesAsync(Path.Combine(Directory, name), cancellationToken).ConfigureAwait(false)));
                }
                catch (FileNotFoundException)
                {
                    // Taken away between listing and reading: it is not in the inbox any more.
                }
            }

            if (messages.Count > 0)
            {
                return new InboundBatch(messages, messages[^1].Key, mode);
            }

            var remaining = wait - time.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                return new InboundBatch([], after, mode);
            }

            await Task.Delay(remaining < options.PollInterval ? remaining : options.PollInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private IEnumerable<string> Names() => System.IO.Directory.EnumerateFiles(Directory, "*.eml")
        .Select(path => Path.GetFileName(path))
        .Where(name => !name.StartsWith('.'))
        .Order(StringComparer.Ordinal);
}
