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

    private SqliteWriteGate()
    {
    }

    /// <summary>The gate of one database file, shared by everything in this process that writes to it.</summary>
    public static SqliteWriteGate For(string databasePath) => Gates.GetOrAdd(Path.GetFullPath(databasePath), _ => new SqliteWriteGate());

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken = default)
    {
        await writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Release(writer);
    }

    private sealed class Release(SemaphoreSlim writer) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                writer.Release();
            }
        }
    }
}
