using Microsoft.Extensions.Options;
using SalesOS.Contracts.Prospecting;
using SalesOS.Grains.Prospecting;

namespace SalesOS.Grains.Agents;

/// <summary>
/// How many agent steps this silo runs at once, per step: each step (enrich, find contacts, score)
/// has its own slots and its own queue, so a flood of newly sourced companies waiting for their
/// crawl never holds back the companies further down the pipeline. Steps beyond the slots wait in
/// memory; a silo that dies with waiting steps loses nothing, since each company's watchdog starts
/// its step again.
/// </summary>
public sealed class AgentSlots : IDisposable
{
    private readonly Dictionary<ProspectingStep, SemaphoreSlim> slots;

    public AgentSlots(IOptions<ProspectingOptions> options)
    {
        var enrich = Math.Max(1, options.Value.ConcurrentSteps);
        var light = Math.Max(1, enrich / 2);
        slots = new Dictionary<ProspectingStep, SemaphoreSlim>
        {
            [ProspectingStep.Enrich] = new(enrich),
            [ProspectingStep.FindContacts] = new(light),
            [ProspectingStep.Score] = new(light),
        };
    }

    public async Task RunAsync(ProspectingStep step, Func<Task> work)
    {
        var gate = slots[step];
        await gate.WaitAsync();
        try
        {
            await work();
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose()
    {
        foreach (var gate in slots.Values)
        {
            gate.Dispose();
        }
    }
}
