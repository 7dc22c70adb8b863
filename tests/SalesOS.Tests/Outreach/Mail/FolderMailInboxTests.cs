using System.Text;
using Microsoft.Extensions.Time.Testing;
using SalesOS.Integrations.Mail;
using SalesOS.Testing;

namespace SalesOS.Tests.Outreach.Mail;

public sealed class FolderMailInboxTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ReadAsync_ReadsEmlFilesInNameOrderAfterTheCursor_InBatches()
    {
        using var folder = new TempDirectory();
        foreach (var name in new[] { "0003.eml", "0001.eml", "0002.eml", "note.txt", ".0004.eml", "0005.eml.tmp" })
        {
            await File.WriteAllTextAsync(Path.Combine(folder.Path, name), "Subject: " + name + "\r\n\r\nbody\r\n");
        }

        var inbox = new FolderMailInbox(folder.Path, new MailOptions { InboxBatchSize = 2 });

        var first = await inbox.ReadAsync("", TimeSpan.Zero, default);
        var second = await inbox.ReadAsync(first.Cursor, TimeSpan.Zero, default);
        var third = await inbox.ReadAsync(second.Cursor, TimeSpan.Zero, default);

        Assert.Equal(["0001.eml", "0002.eml"], first.Messages.Select(m => m.Key).ToArray());
        Assert.Equal("0002.eml", first.Cursor);
        Assert.Equal(["0003.eml"], second.Messages.Select(m => m.Key).ToArray());
        Assert.Equal("Subject: 0003.eml\r\n\r\nbody\r\n", Encoding.ASCII.GetString(second.Messages[0].Raw));
        Assert.Empty(third.Messages);
        Assert.Equal("0003.eml", third.Cursor);
    }

    [Fact]
    public async Task ReadAsync_WithoutCursor_StartsAfterTheNewestFile_AndANewInboxResumesFromTheCursor()
    {
        using var folder = new TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "a.eml"), "old");
        var start = await new FolderMailInbox(folder.Path).ReadAsync(null, TimeSpan.Zero, default);
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "b.eml"), "new");

        var next = await new FolderMailInbox(folder.Path).ReadAsync(start.Cursor, TimeSpan.Zero, default);

        Assert.Empty(start.Messages);
        Assert.Equal("a.eml", start.Cursor);
        Assert.Equal("b.eml", Assert.Single(next.Messages).Key);
    }

    [Fact]
    public async Task ReadAsync_Waiting_FindsAFileDroppedMeanwhile_AtTheNextPoll()
    {
        using var folder = new TempDirectory();
        var time = new FakeTimeProvider();
        var inbox = new FolderMailInbox(folder.Path, new MailOptions { PollInterval = TimeSpan.FromSeconds(5) }, time);

        var waiting = inbox.ReadAsync("", TimeSpan.FromMinutes(1), default);
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "reply.eml"), "Subject: Re\r\n\r\nyes\r\n");
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(5));
        var batch = await waiting.WaitAsync(Guard);

        Assert.Equal("reply.eml", Assert.Single(batch.Messages).Key);
        Assert.Equal("folder polling every 5 s", batch.Mode);
    }

    [Fact]
    public async Task ReadAsync_NothingArrives_ReturnsEmptyWhenTheWaitIsOver_AndHonoursCancellation()
    {
        using var folder = new TempDirectory();
        var time = new FakeTimeProvider();
        var inbox = new FolderMailInbox(folder.Path, new MailOptions { PollInterval = TimeSpan.FromSeconds(5) }, time);

        var waiting = inbox.ReadAsync("x.eml", TimeSpan.FromSeconds(3), default);
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(3));
        var empty = await waiting.WaitAsync(Guard);
        using var cancel = new CancellationTokenSource();
        var cancelled = inbox.ReadAsync("x.eml", TimeSpan.FromMinutes(1), cancel.Token);
        await cancel.CancelAsync();

        Assert.Empty(empty.Messages);
        Assert.Equal("x.eml", empty.Cursor);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Guard));
    }
}
