using System.Globalization;
using SalesOS.Contracts.Outreach;

namespace SalesOS.Outreach.Sequences;

/// <summary>One thing wrong with a sequence definition: the field's path as JSON spells it, and why.</summary>
public sealed record SequenceProblem(string Field, string Reason);

/// <summary>
/// What a sequence definition must satisfy before contacts can be enrolled in it. Template syntax is
/// checked where templates are rendered; here only structure, limits and what each channel needs.
/// </summary>
public static class SequenceRules
{
    public const int MaxIdLength = 64;
    public const int MaxNameLength = 200;
    public const int MaxSteps = 30;
    public const int MaxDelayBusinessDays = 90;

    /// <summary>Ten concatenated SMS segments: what carriers reliably reassemble.</summary>
    public const int MaxSmsLength = 1_600;

    /// <summary>Every problem found, in field order; empty when the definition is valid.</summary>
    public static IReadOnlyList<SequenceProblem> Validate(SequenceDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new List<SequenceProblem>();
        CheckId("id", definition.Id, problems);

        if (string.IsNullOrWhiteSpace(definition.Name))
        {
            problems.Add(new("name", "A sequence needs a name."));
        }
        else if (definition.Name.Length > MaxNameLength)
        {
            problems.Add(new("name", $"At most {MaxNameLength} characters (has {definition.Name.Length})."));
        }

        CheckWindow("window", definition.Window, problems);

        var steps = definition.Steps;
        if (steps is null || steps.Count == 0)
        {
            problems.Add(new("steps", "A sequence needs at least one step."));
            return problems;
        }

        if (steps.Count > MaxSteps)
        {
            problems.Add(new("steps", $"At most {MaxSteps} steps (has {steps.Count})."));
        }

        var emailSeen = false;
        for (var i = 0; i < steps.Count; i++)
        {
            var path = Invariant($"steps[{i}]");
            if (steps[i] is not { } step)
            {
                problems.Add(new(path, "The step is missing."));
                continue;
            }

            CheckStep(path, step, firstEmail: step.Channel == OutreachChannel.Email && !emailSeen, emailBefore: emailSeen, problems);
            emailSeen |= step.Channel == OutreachChannel.Email;
        }

        return problems;
    }

    /// <summary>Lowercase letters, digits and dashes, starting and ending with a letter or digit, at most 64 characters.</summary>
    public static bool IsValidId(string? id) =>
        !string.IsNullOrEmpty(id)
        && id.Length <= MaxIdLength
        && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        && id[0] != '-'
        && id[^1] != '-';

    private static void CheckId(string field, string? id, List<SequenceProblem> problems)
    {
        if (string.IsNullOrEmpty(id))
        {
            problems.Add(new(field, "An id is needed."));
        }
        else if (id.Length > MaxIdLength)
        {
            problems.Add(new(field, $"At most {MaxIdLength} characters (has {id.Length})."));
        }
        else if (!IsValidId(id))
        {
            problems.Add(new(field, $"\"{id}\" must be lowercase letters, digits and dashes, starting and ending with a letter or digit."));
        }
    }

    private static void CheckStep(string path, SequenceStep step, bool firstEmail, bool emailBefore, List<SequenceProblem> problems)
    {
        if (!Enum.IsDefined(step.Channel))
        {
            problems.Add(new(path + ".channel", Invariant($"{(int)step.Channel} is not a channel.")));
            return;
        }

        if (step.DelayBusinessDays is < 0 or > MaxDelayBusinessDays)
        {
            problems.Add(new(path + ".delayBusinessDays", Invariant($"Between 0 and {MaxDelayBusinessDays} business days (is {step.DelayBusinessDays}).")));
        }

        if (!Enum.IsDefined(step.Condition))
        {
            problems.Add(new(path + ".condition", Invariant($"{(int)step.Condition} is not a step condition.")));
        }
        else if (step.Condition is not (StepCondition.Always or StepCondition.NotReplied) && !emailBefore)
        {
            problems.Add(new(path + ".condition", $"{step.Condition} judges opens and clicks of earlier emails, and no email comes before this step."));
        }

        if (step.Window is not null)
        {
            CheckWindow(path + ".window", step.Window, problems);
        }

        if (step.Channel == OutreachChannel.LinkedIn)
        {
            if (step.LinkedInAction is null)
            {
                problems.Add(new(path + ".linkedInAction", "A LinkedIn step needs its action: ViewProfile, Connect or Message."));
            }
            else if (!Enum.IsDefined(step.LinkedInAction.Value))
            {
                problems.Add(new(path + ".linkedInAction", Invariant($"{(int)step.LinkedInAction.Value} is not a LinkedIn action.")));
            }
        }
        else if (step.LinkedInAction is not null)
        {
            problems.Add(new(path + ".linkedInAction", $"Only LinkedIn steps have a LinkedIn action; this is a {step.Channel} step."));
        }

        var variants = step.Variants;
        if (variants is null || variants.Count == 0)
        {
            problems.Add(new(path + ".variants", "A step needs at least one variant."));
            return;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var v = 0; v < variants.Count; v++)
        {
            var variantPath = Invariant($"{path}.variants[{v}]");
            if (variants[v] is not { } variant)
            {
                problems.Add(new(variantPath, "The variant is missing."));
                continue;
            }

            if (string.IsNullOrWhiteSpace(variant.Id))
            {
                problems.Add(new(variantPath + ".id", "A variant needs an id."));
            }
            else if (!ids.Add(variant.Id))
            {
                problems.Add(new(variantPath + ".id", $"\"{variant.Id}\" is used by another variant of this step."));
            }

            if (variant.Weight < 1)
            {
                problems.Add(new(variantPath + ".weight", Invariant($"Weights start at 1 (is {variant.Weight}).")));
            }

            CheckContent(variantPath, step, variant, firstEmail, problems);
        }
    }

    private static void CheckContent(string path, SequenceStep step, SequenceVariant variant, bool firstEmail, List<SequenceProblem> problems)
    {
        var hasBody = !string.IsNullOrWhiteSpace(variant.Body);
        switch (step.Channel)
        {
            case OutreachChannel.Email:
                if (string.IsNullOrWhiteSpace(variant.Subject) && (firstEmail || step.NewThread))
                {
                    problems.Add(new(path + ".subject", firstEmail
                        ? "The first email of a sequence needs a subject."
                        : "An email that starts a new thread needs a subject."));
                }

                if (!hasBody)
                {
                    problems.Add(new(path + ".body", "An email needs a body."));
                }

                break;
            case OutreachChannel.LinkedIn when step.LinkedInAction == LinkedInAction.Message && !hasBody:
                problems.Add(new(path + ".body", "A LinkedIn message needs a body."));
                break;
            case OutreachChannel.Sms when !hasBody:
                problems.Add(new(path + ".body", "A text message needs a body."));
                break;
            case OutreachChannel.Sms when variant.Body.Length > MaxSmsLength:
                problems.Add(new(path + ".body", Invariant($"A text message is at most {MaxSmsLength:N0} characters (has {variant.Body.Length:N0}).")));
                break;
            case OutreachChannel.Phone when !hasBody:
                problems.Add(new(path + ".body", "A call step needs its script as the body."));
                break;
        }
    }

    private static void CheckWindow(string path, SendWindow? window, List<SequenceProblem> problems)
    {
        if (window is null)
        {
            problems.Add(new(path, "A send window is needed."));
            return;
        }

        if (window.End <= window.Start)
        {
            problems.Add(new(path + ".end", $"The window must end after it starts ({window.Start.ToString("HH:mm", CultureInfo.InvariantCulture)}–{window.End.ToString("HH:mm", CultureInfo.InvariantCulture)}); windows across midnight are not supported."));
        }

        if (window.Days is null || window.Days.Count == 0)
        {
            problems.Add(new(path + ".days", "The window needs at least one day."));
            return;
        }

        for (var d = 0; d < window.Days.Count; d++)
        {
            if (!Enum.IsDefined(window.Days[d]))
            {
                problems.Add(new(Invariant($"{path}.days[{d}]"), Invariant($"{(int)window.Days[d]} is not a day of the week.")));
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
