using SalesOS.Grains.Commands;
using SalesOS.Grains.Eventing;

namespace SalesOS.Tests.Eventing;

public sealed class SequenceWindowTests
{
    [Fact]
    public void TryAccept_InOrder_AcceptsEachOnceAndAdvancesTheWatermark()
    {
        var window = new SequenceWindow();

        Assert.True(window.TryAccept(1));
        Assert.True(window.TryAccept(2));
        Assert.False(window.TryAccept(1));
        Assert.False(window.TryAccept(2));
        Assert.Equal(2, window.Watermark);
        Assert.Empty(window.Above);
    }

    [Fact]
    public void TryAccept_OutOfOrderWithRedeliveries_AcceptsEverySequenceExactlyOnce()
    {
        var window = new SequenceWindow();
        var random = new Random(20261124);
        var deliveries = Enumerable.Range(1, 500).SelectMany(s => Enumerable.Repeat((long)s, random.Next(1, 4))).OrderBy(_ => random.Next()).ToList();

        var accepted = deliveries.Where(window.TryAccept).ToList();

        Assert.Equal(Enumerable.Range(1, 500).Select(s => (long)s), accepted.Order());
        Assert.Equal(500, window.Watermark);
        Assert.Empty(window.Above);
    }

    [Fact]
    public void TryAccept_WithAGap_HoldsLaterSequencesUntilTheGapFills()
    {
        var window = new SequenceWindow();

        Assert.True(window.TryAccept(1));
        Assert.True(window.TryAccept(3));
        Assert.Equal(1, window.Watermark);
        Assert.True(window.TryAccept(2));
        Assert.Equal(3, window.Watermark);
    }

    [Fact]
    public void IdempotencyLog_RemembersTheLatestKeysUpToItsCapacity()
    {
        var log = new IdempotencyLog<int>();
        for (var i = 0; i < IdempotencyLog<int>.Capacity + 10; i++)
        {
            log.Record($"k{i}", i);
        }

        Assert.False(log.TryGet("k0", out _));
        Assert.False(log.TryGet("k9", out _));
        Assert.True(log.TryGet("k10", out var tenth));
        Assert.Equal(10, tenth);
        Assert.True(log.TryGet($"k{IdempotencyLog<int>.Capacity + 9}", out _));
        Assert.False(log.TryGet(null, out _));
        Assert.Equal(IdempotencyLog<int>.Capacity, log.Entries.Count);
    }
}
