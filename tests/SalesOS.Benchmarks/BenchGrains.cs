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
    [Alias("Relay")]
    Task<int> Relay(int calls, int concurrency);
}

public sealed class RelayGrain : Grain, IRelayGrain
{
    public async Task<int> Relay(int calls, int concurrency)
    {
        var next = -1;
        var sum = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < calls)
            {
                Interlocked.Add(ref sum, await GrainFactory.GetGrain<IEchoGrain>(i % 64).Echo(i));
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

/// <summary>A one-shot durable reminder that reports how late it fired.</summary>
[Alias("SalesOS.Benchmarks.IFollowUpGrain")]
public interface IFollowUpGrain : IGrainWithIntegerKey
{
    [Alias("Schedule")]
    Task Schedule(DateTime dueUtc);
}

public sealed class FollowUpGrain : Grain, IFollowUpGrain, IRemindable
{
    public static readonly ConcurrentDictionary<long, double> LatenessMs = new();
    public async Task Schedule(DateTime dueUtc)
    {
        await this.RegisterOrUpdateReminder("follow-up", dueUtc - DateTime.UtcNow, TimeSpan.FromMinutes(10));
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // The due time is the reminder's own first tick, so a reactivated grain still knows it.
        var scheduled = status.FirstTickTime;
        LatenessMs.TryAdd(this.GetPrimaryKeyLong(), (DateTime.UtcNow - scheduled).TotalMilliseconds);
        var reminder = await this.GetReminder(reminderName);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }
}
