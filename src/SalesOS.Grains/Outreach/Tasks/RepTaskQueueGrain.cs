using Microsoft.Extensions.DependencyInjection;
using SalesOS.Contracts;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Errors;
using SalesOS.Contracts.Outreach;

namespace SalesOS.Grains.Outreach.Tasks;

/// <summary>The rep task queues and the words their tasks use.</summary>
public static class RepTaskQueues
{
    public const string LinkedIn = "linkedin";
    public const string Calls = "calls";
    public const string FollowUps = "follow-ups";

    public const string Open = "open";
    public const string Done = "done";
    public const string Skipped = "skipped";

    /// <summary>Closed by the sequence because nobody did it in time; the contact is not told (it asked).</summary>
    public const string Expired = "expired";

    public static readonly IReadOnlyList<string> All = [LinkedIn, Calls, FollowUps];

    public static string For(OutreachChannel channel) => channel == OutreachChannel.LinkedIn ? LinkedIn : Calls;
}

[GenerateSerializer]
[Alias("SalesOS.Outreach.RepTaskQueueRecord")]
public sealed class RepTaskQueueRecord
{
    [Id(0)] public Dictionary<string, RepTask> Tasks { get; set; } = [];

    /// <summary>Tasks planned per "{day}:{action}", so no day gets more than the action's limit.</summary>
    [Id(1)] public Dictionary<string, int> Planned { get; set; } = [];
}

/// <summary>
/// One rep task queue of a workspace. A new task lands on the first day (from its due day on) where its
/// action is still under the daily limit; closing a sequence step's task (done or skipped) hands the
/// outcome back to the contact, whose sequence then moves on. Closed tasks are kept for 30 days.
/// </summary>
public sealed class RepTaskQueueGrain(
    [PersistentState("rep-tasks", StorageNames.Grains)] IPersistentState<RepTaskQueueRecord> state,
    [FromKeyedServices(DomainClock.Key)] TimeProvider time) : Grain, IRepTaskQueueGrain
{
    private const int MaxOpenTasks = 20_000;

    private RepTaskQueueRecord Queue => state.State;

    public async Task<RepTask> Add(RepTask task, int dailyLimit)
    {
        if (Queue.Tasks.TryGetValue(task.TaskId, out var known))
        {
            return known;
        }

        if (Queue.Tasks.Count >= MaxOpenTasks)
        {
            throw new CommandRejectedException("queue", $"The {task.Queue} queue holds {MaxOpenTasks} tasks; close some first.", true);
        }

        var day = task.DueOn;
        var limit = Math.Max(1, dailyLimit);
        while (Queue.Planned.GetValueOrDefault($"{day:yyyy-MM-dd}:{task.Action}") >= limit)
        {
            day = day.AddDays(1);
        }

        Queue.Planned[$"{day:yyyy-MM-dd}:{task.Action}"] = Queue.Planned.GetValueOrDefault($"{day:yyyy-MM-dd}:{task.Action}") + 1;
        var added = task with { DueOn = day, Status = RepTaskQueues.Open, CreatedAt = time.GetUtcNow() };
        Queue.Tasks[task.TaskId] = added;
        Prune();
        await state.WriteStateAsync();
        return added;
    }

    public Task<IReadOnlyList<RepTask>> List(string? status, DateOnly? dueBy, int limit)
        => Task.FromResult<IReadOnlyList<RepTask>>(Queue.Tasks.Values
            .Where(t => status is null || t.Status == status)
            .Where(t => dueBy is null || t.DueOn <= dueBy)
            .OrderBy(t => t.DueOn).ThenBy(t => t.CreatedAt)
            .Take(Math.Clamp(limit, 1, 500))
            .ToList());

    public Task<RepTask?> Get(string taskId) => Task.FromResult(Queue.Tasks.GetValueOrDefault(taskId));

    public async Task<RepTask> Close(string taskId, string outcome, string? note, CommandContext context)
    {
        if (outcome is not (RepTaskQueues.Done or RepTaskQueues.Skipped or RepTaskQueues.Expired))
        {
            throw new CommandRejectedException("outcome", "A task is closed as \"done\" or \"skipped\".", true);
        }

        var task = Queue.Tasks.GetValueOrDefault(taskId) ?? throw new CommandRejectedException("taskId", $"There is no task '{taskId}' in this queue.", true);
        if (task.Status != RepTaskQueues.Open)
        {
            return task.Status == outcome
                ? task
                : throw new TransitionRefusedException("task", task.Status, outcome);
        }

        var closed = task with { Status = outcome, ClosedAt = time.GetUtcNow(), Note = note, Owner = task.Owner ?? context.Actor };
        Queue.Tasks[taskId] = closed;
        await state.WriteStateAsync();
        if (outcome != RepTaskQueues.Expired && task.SendId is { } sendId)
        {
            var detail = $"{(outcome == RepTaskQueues.Done ? "done" : "skipped")} by {context.Actor}{(note is null ? "" : $": {note}")}";
            await GrainFactory.GetGrain<IContactOutreachGrain>(WorkspaceKey.For(task.WorkspaceId, task.ContactIdentity))
                .ReportStep(new StepReport(sendId, outcome == RepTaskQueues.Done ? StepOutcome.TaskDone : StepOutcome.TaskSkipped, detail), new CommandContext(context.Actor));
        }

        return closed;
    }

    private void Prune()
    {
        var cutoff = time.GetUtcNow().AddDays(-30);
        foreach (var id in Queue.Tasks.Values.Where(t => t.ClosedAt is { } closedAt && closedAt < cutoff).Select(t => t.TaskId).ToList())
        {
            Queue.Tasks.Remove(id);
        }

        var oldest = DateOnly.FromDateTime(cutoff.UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var key in Queue.Planned.Keys.Where(k => string.CompareOrdinal(k, oldest) < 0).ToList())
        {
            Queue.Planned.Remove(key);
        }
    }
}
