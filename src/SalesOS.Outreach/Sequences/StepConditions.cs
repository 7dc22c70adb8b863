using SalesOS.Contracts.Outreach;

namespace SalesOS.Outreach.Sequences;

/// <summary>What the contact has done with the earlier steps of the same enrolment.</summary>
public sealed record EngagementSoFar(bool Replied, bool Opened, bool Clicked);

/// <summary>Whether a step's condition lets it run.</summary>
public static class StepConditions
{
    /// <summary>
    /// Opens are inferred from stronger evidence: a click or a reply proves the message was read even when
    /// the open pixel was blocked, so "opened" steps run and "not opened" ones do not for such a contact.
    /// </summary>
    public static bool Holds(StepCondition condition, EngagementSoFar soFar)
    {
        ArgumentNullException.ThrowIfNull(soFar);
        var read = soFar.Opened || soFar.Clicked || soFar.Replied;
        return condition switch
        {
            StepCondition.Always => true,
            StepCondition.NotReplied => !soFar.Replied,
            StepCondition.Opened => read,
            StepCondition.NotOpened => !read,
            StepCondition.Clicked => soFar.Clicked,
            StepCondition.NotClicked => !soFar.Clicked,
            _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, "Not a step condition."),
        };
    }
}
