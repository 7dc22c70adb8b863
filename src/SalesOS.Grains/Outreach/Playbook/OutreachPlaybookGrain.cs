using Microsoft.Extensions.DependencyInjection;
using SalesOS.Contracts;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Errors;
using SalesOS.Contracts.Outreach;
using SalesOS.Outreach.Messages;
using SalesOS.Outreach.Sequences;

namespace SalesOS.Grains.Outreach.Playbook;

[GenerateSerializer]
[Alias("SalesOS.Outreach.PlaybookRecord")]
public sealed class PlaybookRecord
{
    [Id(0)] public OutreachSettings Settings { get; set; } = new();

    /// <summary>The workspace's own sequences and its versions of built-in ones, by id.</summary>
    [Id(1)] public Dictionary<string, SequenceDefinition> Sequences { get; set; } = [];
}

/// <summary>
/// A workspace's outreach settings and sequences. Sequences are validated whole before they are stored
/// (steps, windows, and every template: a typo in a variable is refused here, never sent); a built-in
/// sequence answers until the workspace saves its own version of it.
/// </summary>
public sealed class OutreachPlaybookGrain(
    [PersistentState("playbook", StorageNames.Grains)] IPersistentState<PlaybookRecord> state,
    [FromKeyedServices(DomainClock.Key)] TimeProvider time,
    MessageTemplates templates) : Grain, IOutreachPlaybookGrain
{
    private const int MaxSequences = 200;

    public Task<OutreachSettings> GetSettings() => Task.FromResult(state.State.Settings);

    public async Task<OutreachSettings> SetSettings(OutreachSettings settings, CommandContext context)
    {
        var problems = new List<FieldProblem>();
        Check(problems, "companyName", settings.CompanyName, 200);
        Check(problems, "postalAddress", settings.PostalAddress, 300);
        Check(problems, "senderName", settings.SenderName, 120);
        Check(problems, "senderTitle", settings.SenderTitle, 120);
        if (settings.CalendarLink is { } link && (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
        {
            problems.Add(new FieldProblem("calendarLink", "must be an absolute http(s) URL, such as https://cal.example.com/anna"));
        }

        foreach (var (field, value) in new[] { ("linkedInConnectsPerDay", settings.LinkedInConnectsPerDay), ("linkedInMessagesPerDay", settings.LinkedInMessagesPerDay), ("linkedInProfileViewsPerDay", settings.LinkedInProfileViewsPerDay), ("callTasksPerDay", settings.CallTasksPerDay) })
        {
            if (value is < 1 or > 1000)
            {
                problems.Add(new FieldProblem(field, "must be between 1 and 1000"));
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidFieldsException(problems);
        }

        state.State.Settings = settings with { Version = state.State.Settings.Version + 1 };
        await state.WriteStateAsync();
        return state.State.Settings;
    }

    public Task<IReadOnlyList<SequenceDefinition>> ListSequences()
    {
        var own = state.State.Sequences;
        var all = DefaultSequences.All.Where(d => !own.ContainsKey(d.Id)).Concat(own.Values).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        return Task.FromResult<IReadOnlyList<SequenceDefinition>>(all);
    }

    public Task<SequenceDefinition?> GetSequence(string sequenceId)
        => Task.FromResult(state.State.Sequences.TryGetValue(sequenceId, out var own) ? own : DefaultSequences.Find(sequenceId));

    public async Task<SequenceDefinition> SaveSequence(SequenceDefinition definition, CommandContext context)
    {
        var problems = SequenceRules.Validate(definition).Select(p => new FieldProblem(p.Field, p.Reason)).ToList();
        for (var s = 0; s < definition.Steps.Count; s++)
        {
            var step = definition.Steps[s];
            for (var v = 0; v < step.Variants.Count; v++)
            {
                var variant = step.Variants[v];
                foreach (var problem in templates.Check(variant.Subject, variant.Body).Problems)
                {
                    problems.Add(new FieldProblem($"steps[{s}].variants[{v}].{problem.Field}", problem.Reason));
                }
            }
        }

        var known = state.State.Sequences.TryGetValue(definition.Id, out var previous) ? previous : DefaultSequences.Find(definition.Id);
        if (known is null && state.State.Sequences.Count >= MaxSequences)
        {
            problems.Add(new FieldProblem("id", $"a workspace keeps at most {MaxSequences} sequences"));
        }

        if (problems.Count > 0)
        {
            throw new InvalidFieldsException(problems);
        }

        var saved = definition with { Version = (known?.Version ?? 0) + 1, BuiltIn = false, UpdatedAt = time.GetUtcNow() };
        state.State.Sequences[definition.Id] = saved;
        await state.WriteStateAsync();
        return saved;
    }

    private static void Check(List<FieldProblem> problems, string field, string? value, int max)
    {
        if (value is { Length: var length } && length > max)
        {
            problems.Add(new FieldProblem(field, $"is {length} characters long; at most {max}"));
        }
    }
}
