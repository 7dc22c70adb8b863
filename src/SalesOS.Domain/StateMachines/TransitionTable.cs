using SalesOS.Contracts.Errors;

namespace SalesOS.Domain.StateMachines;

/// <summary>One allowed transition: in <see cref="From"/>, <see cref="Trigger"/> leads to <see cref="To"/>.</summary>
public sealed record Transition<TState, TTrigger>(TState From, TTrigger Trigger, TState To)
    where TState : struct, Enum
    where TTrigger : struct, Enum;

/// <summary>
/// A state machine as a table: every allowed (state, trigger) pair has exactly one row; any other pair
/// is refused with <see cref="TransitionRefusedException"/>, never ignored.
/// </summary>
public sealed class TransitionTable<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly Dictionary<(TState, TTrigger), TState> rows = [];

    public TransitionTable(string entity) => Entity = entity;

    /// <summary>The entity's name as users read it in errors ("company", "contact", ...).</summary>
    public string Entity { get; }

    public IReadOnlyList<Transition<TState, TTrigger>> Rows
        => rows.Select(r => new Transition<TState, TTrigger>(r.Key.Item1, r.Key.Item2, r.Value)).ToList();

    public TransitionTable<TState, TTrigger> Allow(TState from, TTrigger trigger, TState to)
    {
        if (!rows.TryAdd((from, trigger), to))
        {
            throw new InvalidOperationException($"{Entity}: the table has two rows for {from} + {trigger}.");
        }

        return this;
    }

    public TransitionTable<TState, TTrigger> Allow(IEnumerable<TState> from, TTrigger trigger, TState to)
    {
        foreach (var state in from)
        {
            Allow(state, trigger, to);
        }

        return this;
    }

    public bool IsAllowed(TState from, TTrigger trigger) => rows.ContainsKey((from, trigger));

    /// <summary>The state <paramref name="trigger"/> leads to from <paramref name="from"/>, or the typed refusal.</summary>
    public TState Next(TState from, TTrigger trigger)
        => rows.TryGetValue((from, trigger), out var to)
            ? to
            : throw new TransitionRefusedException(Entity, from.ToString(), trigger.ToString());
}
