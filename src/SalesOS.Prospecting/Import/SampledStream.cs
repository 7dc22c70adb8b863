namespace SalesOS.Prospecting.Import;

/// <summary>
/// Replays the bytes read ahead for sniffing, then continues with the rest of the source stream, so
/// sniffing works on streams that cannot seek (an HTTP upload). Does not own the source stream.
/// </summary>
internal sealed class SampledStream(byte[] sample, int offset, int count, Stream source) : Stream
{
    private int position = offset;
    private readonly int end = offset + count;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (position < end)
        {
            return FromSample(buffer);
        }

        return source.Read(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (position < end)
        {
            return ValueTask.FromResult(FromSample(buffer.Span));
        }

        return source.ReadAsync(buffer, cancellationToken);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int FromSample(Span<byte> buffer)
    {
        var n = Math.Min(buffer.Length, end - position);
        sample.AsSpan(position, n).CopyTo(buffer);
        position += n;
        return n;
    }
}
