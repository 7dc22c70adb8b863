using Microsoft.Extensions.Options;
using SalesOS.Grains.Prospecting;

namespace SalesOS.Grains.Agents;

/// <summary>
/// How many agent steps (crawls, provider calls) this silo runs at once. Steps beyond it wait their
/// turn in memory; a silo that dies with waiting steps loses nothing, since each company's watchdog
/// starts its step again.
/// </summary>
public sealed class AgentSlots(IOptions<ProspectingOptions> options) : IDisposable
{
    private readonly SemaphoreSlim slots = new(Math.Max(1, options.Value.ConcurrentSteps));
    private int waiting;

    public int Waiting => Volatile.Read(ref waiting);

    public async Task<T> RunAsync<T>(Func<Task<T>> step)
    {
        Interlocked.Increment(ref waiting);
        await slots.WaitAsync();
        Interlocked.Decrement(ref waiting);
        try
        {
            return await step();
        }
        finally
        {
            slots.Release();
        }
    }

    public void Dispose() => slots.Dispose();

    public Task RunAsync(Func<Task> step) => RunAsync(async () =>
    {
        await step();
        return true;
    });
}
