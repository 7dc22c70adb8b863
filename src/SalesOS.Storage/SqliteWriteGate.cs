using System.Collections.Concurrent;

namespace SalesOS.Storage;

/// <summary>
/// One writer at a time per SQLite database file, queued asynchronously. SQLite allows a single
/// writer; when several connections try at once, the losers sleep inside SQLite's busy handler,
/// holding a thread each, and under load the thread pool starves (measured: the prospecting flow fell
/// to ~100 writes/s with 1-2 s stalls). Queuing writers here, without blocking a thread, keeps the
/// one writer busy and everyone else waiting for free. Only the embedded profile uses it; PostgreSQL
/// has real concurrent writers.
/// </summary>
#pragma warning disable CA1001 // A gate lives as long as the process; its semaphore is never disposed.
public sealed class SqliteWriteGate
#pragma warning restore CA1001
{
    private static readonly ConcurrentDictionary<string, SqliteWriteGate> Gates = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim writer = new(1, 1);
    private long writes;
    private long busyTicks;

    private SqliteWriteGate()
    {
    }

    /// <summary>The gate of one database file, shared by everything in this process that writes to it.</summary>
    public static SqliteWriteGate For(string databasePath) => Gates.GetOrAdd(Path.GetFullPath(databasePath), _ => new SqliteWriteGate());

    /// <summary>Writes that went through the gate so far (each a transaction: a state write, a batch of rows).</summary>
    public long Writes => Interlocked.Read(ref writes);

    /// <summary>How long the one writer has been held so far: against the wall clock, how saturated SQLite's writer is.</summary>
    public TimeSpan Busy => System.Diagnostics.Stopwatch.GetElapsedTime(0, Interlocked.Read(ref busyTicks));

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken = default)
    {
        await writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref writes);
        return new Release(this, System.Diagnostics.Stopwatch.GetTimestamp());
    }

    private sealed class Release(SqliteWriteGate gate, long entered) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                Interlocked.Add(ref gate.busyTicks, System.Diagnostics.Stopwatch.GetTimestamp() - entered);
                gate.writer.Release();
            }
        }
    }
}
