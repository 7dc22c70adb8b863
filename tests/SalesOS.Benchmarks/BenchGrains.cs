using System.Collections.Concurrent;
using SalesOS.Contracts;

namespace SalesOS.Benchmarks;

/// <summary>The work the grain-call scenarios do, callable with and without Orleans.</summary>
public interface IEchoService
{
    Task<int> Echo(int value);
}

public sealed class EchoService : IEchoService
{
    public Task<int> Echo(int value) => Task.FromResult(value + 1);
}

[Alias("SalesOS.Benchmarks.IEchoGrain")]
public interface IEchoGrain : IGrainWithIntegerKey
{
    [Alias("Echo")]
    Task<int> Echo(int value);
}

public sealed class EchoGrain : Grain, IEchoGrain
{
    public Task<int> Echo(int value) => Task.FromResult(value + 1);
}

/// <summary>Calls echo grains from inside the cluster: the grain-to-grain path.</summary>
[Alias("SalesOS.Benchmarks.IRelayGrain")]
public interface IRelayGrain : IGrainWithIntegerKey
{
    /// <summary>Makes <paramref name="calls"/> calls with <paramref name="concurrency"/> in flight, spread over echo grains 0 to <paramref name="targets"/> − 1.</summary>
    [Alias("Relay")]
    Task<int> Relay(int calls, int concurrency, int targets);
}

public sealed class RelayGrain : Grain, IRelayGrain
{
    public async Task<int> Relay(int calls, int concurrency, int targets)
    {
        var next = -1;
        var sum = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < calls)
            {
                Interlocked.Add(ref sum, await GrainFactory.GetGrain<IEchoGrain>(i % targets).Echo(i));
            }
        }));
        return sum;
    }
}

[GenerateSerializer]
[Alias("SalesOS.Benchmarks.PayloadState")]
public sealed class PayloadState
{
    [Id(0)] public byte[] Payload { get; set; } = [];
    [Id(1)] public int Writes { get; set; }
}

/// <summary>Writes its state on every call: the durable-write path.</summary>
[Alias("SalesOS.Benchmarks.IWriterGrain")]
public interface IWriterGrain : IGrainWithIntegerKey
{
    [Alias("Write")]
    Task Write(byte[] payload);
}

public sealed class WriterGrain([PersistentState("bench-writer", StorageNames.Grains)] IPersistentState<PayloadState> state) : Grain, IWriterGrain
{
    public async Task Write(byte[] payload)
    {
        state.State.Payload = payload;
        state.State.Writes++;
        await state.WriteStateAsync();
    }
}

/// <summary>A one-shot durable reminder (a sales follow-up) that records when it fired.</summary>
[Alias("SalesOS.Benchmarks.IFollowUpGrain")]
public interface IFollowUpGrain : IGrainWithIntegerKey
{
    [Alias("Schedule")]
    Task Schedule(DateTime dueUtc);
}

public sealed class FollowUpGrain : Grain, IFollowUpGrain, IRemindable
{
    /// <summary>When each follow-up (by key) first fired; the benchmark knows each key's due time.</summary>
    public static readonly ConcurrentDictionary<long, DateTime> FiredAt = new();

    public async Task Schedule(DateTime dueUtc)
    {
        // A due time already past (registration slower than the lead time allowed) fires at once and shows as lateness.
        var dueIn = dueUtc - DateTime.UtcNow;
        await this.RegisterOrUpdateReminder("follow-up", dueIn > TimeSpan.Zero ? dueIn : TimeSpan.Zero, TimeSpan.FromMinutes(10));
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        FiredAt.TryAdd(this.GetPrimaryKeyLong(), DateTime.UtcNow);
        // One-shot: the period only exists because Orleans reminders repeat.
        var reminder = await this.GetReminder(reminderName);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }
}
