using System.Text;
using Microsoft.Extensions.Time.Testing;
using SalesOS.Integrations.Mail;
using SalesOS.Outreach.Ports;
using SalesOS.Testing;
using static SalesOS.Tests.Outreach.Mail.MailTestMessages;

namespace SalesOS.Tests.Outreach.Mail;

public sealed class FileOutboxSenderTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SendAsync_WritesOneCompleteEmlPerMessage_NamedInTheOrderWritten()
    {
        using var folder = new TempDirectory();
        var time = new FakeTimeProvider(Monday);
        var outbox = new FileOutboxSender(Path.Combine(folder.Path, "outbox"), time);
        var messages = Enumerable.Range(1, 3).Select(i => Message("seller@acme.test", "prospect@prospect.test", $"step {i}")).ToList();

        var handOffs = new List<MailHandOff>();
        foreach (var message in messages)
        {
            handOffs.Add(await outbox.SendAsync(message, default));
            time.Advance(TimeSpan.FromMilliseconds(1));
        }

        var files = Directory.GetFiles(outbox.Directory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.All(handOffs, h => Assert.Equal(HandOffOutcome.Accepted, h.Outcome));
        Assert.Equal(handOffs.Select(h => Path.GetFileName(h.Detail["written to ".Length..])), files);
        Assert.All(files, name => Assert.Matches(@"^20261130T090000\.\d{7}Z-[0-9a-f]{24}\.eml$", name!));
        var written = files.Select(name => File.ReadAllBytes(Path.Combine(outbox.Directory, name!))).ToList();
        Assert.Equal(messages.Select(m => m.MessageId), written.Select(raw => Parse(raw).MessageId));
        Assert.All(written, raw => Assert.DoesNotContain("\n", Encoding.ASCII.GetString(raw).Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal));
        Assert.Equal("outbox folder " + Path.Combine(folder.Path, "outbox"), outbox.Transport);
    }

    [Fact]
    public async Task SendAsync_AReaderNeverSeesAPartialFile()
    {
        using var folder = new TempDirectory();
        var outbox = new FileOutboxSender(folder.Path);
        var big = Message("seller@acme.test", "prospect@prospect.test", "big");
        // An attachment that arrives slowly keeps the write going long enough for the watcher to look many times.
        big.Body = new MimeKit.MimePart("application", "octet-stream")
        {
            Content = new MimeKit.MimeContent(new TricklingStream(2 * 1024 * 1024)),
            ContentTransferEncoding = MimeKit.ContentEncoding.Base64,
        };
        var seenSizes = new HashSet<long>();
        using var done = new CancellationTokenSource();

        var watcher = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                foreach (var file in Directory.GetFiles(folder.Path, "*.eml"))
                {
                    seenSizes.Add(new FileInfo(file).Length);
                }

                await Task.Yield();
            }
        });
        var handOff = await outbox.SendAsync(big, default);
        await done.CancelAsync();
        await watcher;

        var final = new FileInfo(Assert.Single(Directory.GetFiles(folder.Path))).Length;
        Assert.Equal(HandOffOutcome.Accepted, handOff.Outcome);
        Assert.All(seenSizes, size => Assert.Equal(final, size));
        Assert.True(final > 2 * 1024 * 1024, $"the message was {final} bytes");
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp"));
    }

    [Fact]
    public async Task SendAsync_ManyAtOnce_AndTheSameMessageTwiceInOneTick_EachGetItsOwnFile()
    {
        using var folder = new TempDirectory();
        var time = new FakeTimeProvider(Monday);
        var outbox = new FileOutboxSender(folder.Path, time);
        var repeated = Message("seller@acme.test", "prospect@prospect.test");

        var handOffs = await Task.WhenAll(Enumerable.Range(0, 40)
            .Select(i => i < 2 ? repeated : Message("seller@acme.test", "prospect@prospect.test", $"m{i}"))
            .Select(message => outbox.SendAsync(message, default)));

        Assert.All(handOffs, h => Assert.Equal(HandOffOutcome.Accepted, h.Outcome));
        Assert.Equal(40, Directory.GetFiles(folder.Path, "*.eml").Length);
        Assert.Equal(40, handOffs.Select(h => h.Detail).Distinct().Count());
    }

    [Fact]
    public async Task FindSentAsync_TellsExactlyWhetherThatMessageIdWasWritten()
    {
        using var folder = new TempDirectory();
        var time = new FakeTimeProvider(Monday);
        var outbox = new FileOutboxSender(folder.Path, time);
        var message = Message("seller@acme.test", "prospect@prospect.test");
        var id = message.MessageId!;
        await outbox.SendAsync(message, default);

        Assert.Equal(SentCopy.Found, await outbox.FindSentAsync(id, Monday.AddMinutes(-5), default));
        Assert.Equal(SentCopy.Found, await outbox.FindSentAsync($" <{id}> ", Monday.AddMinutes(-5), default));
        Assert.Equal(SentCopy.NotFound, await outbox.FindSentAsync(id[..^1], Monday.AddMinutes(-5), default));
        Assert.Equal(SentCopy.NotFound, await outbox.FindSentAsync("other-" + id, Monday.AddMinutes(-5), default));
        // Written on Monday: a copy sent after Wednesday cannot be this one.
        Assert.Equal(SentCopy.NotFound, await outbox.FindSentAsync(id, Monday.AddDays(2), default));
        Assert.Equal(SentCopy.NotFound, await new FileOutboxSender(Path.Combine(folder.Path, "never-used")).FindSentAsync(id, Monday, default));
    }

    [Fact]
    public async Task SendAsync_OutboxThatCannotBeWritten_IsDeferred_AndAMessageWithoutId_Rejected()
    {
        using var folder = new TempDirectory();
        var notAFolder = Path.Combine(folder.Path, "outbox");
        await File.WriteAllTextAsync(notAFolder, "a file where the outbox folder should be");
        var outbox = new FileOutboxSender(notAFolder);
        var withoutId = Message("seller@acme.test", "prospect@prospect.test");
        withoutId.Headers.Remove(MimeKit.HeaderId.MessageId);

        var deferred = await outbox.SendAsync(Message("seller@acme.test", "prospect@prospect.test"), default);
        var rejected = await new FileOutboxSender(folder.Path).SendAsync(withoutId, default);

        Assert.Equal(HandOffOutcome.Deferred, deferred.Outcome);
        Assert.StartsWith("could not write to outbox folder " + notAFolder, deferred.Detail, StringComparison.Ordinal);
        Assert.Equal(HandOffOutcome.Rejected, rejected.Outcome);
    }

    [Fact]
    public async Task Outbox_ReadAsAnInboxFolder_GivesTheMessagesInTheOrderWritten()
    {
        using var folder = new TempDirectory();
        var time = new FakeTimeProvider(Monday);
        var outbox = new FileOutboxSender(folder.Path, time);
        var inbox = new FolderMailInbox(folder.Path, time: time);
        var start = await inbox.ReadAsync("", TimeSpan.Zero, default);
        foreach (var subject in new[] { "one", "two", "three" })
        {
            await outbox.SendAsync(Message("seller@acme.test", "prospect@prospect.test", subject), default);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        var batch = await inbox.ReadAsync(start.Cursor, TimeSpan.Zero, default);

        Assert.Equal(["one", "two", "three"], batch.Messages.Select(m => Parse(m.Raw).Subject ?? "").ToArray());
    }

    /// <summary>A stream of zero bytes handed out 16 KB at a time with a pause before each piece.</summary>
    private sealed class TricklingStream(long length) : Stream
    {
        private long position;

        public override bool CanRead => true;

        // MimeKit rewinds content before writing it.
        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position
        {
            get => position;
            set => position = Math.Clamp(value, 0, length);
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Thread.Sleep(1);
            var n = (int)Math.Min(Math.Min(count, 16 * 1024), length - position);
            Array.Clear(buffer, offset, n);
            position += n;
            return n;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(1, cancellationToken);
            var n = (int)Math.Min(Math.Min(buffer.Length, 16 * 1024), length - position);
            buffer.Span[..n].Clear();
            position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => position + offset,
            _ => length + offset,
        };

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
