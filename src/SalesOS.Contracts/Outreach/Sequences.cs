namespace SalesOS.Contracts.Outreach;

/// <summary>How a sequence step reaches the prospect.</summary>
public enum OutreachChannel
{
    Email,
    LinkedIn,
    Phone,
    Sms,
}

/// <summary>When a step runs, judged on the contact's engagement with the earlier steps of the same enrolment.</summary>
public enum StepCondition
{
    Always,
    NotReplied,
    Opened,
    NotOpened,
    Clicked,
    NotClicked,
}

/// <summary>What a LinkedIn step asks the rep to do (LinkedIn has no public messaging API: these are tasks).</summary>
public enum LinkedInAction
{
    ViewProfile,
    Connect,
    Message,
}

/// <summary>
/// The hours a step may reach a prospect, in the prospect's own time zone: from <see cref="Start"/> to
/// <see cref="End"/> on each of <see cref="Days"/>.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Outreach.SendWindow")]
public sealed record SendWindow(
    [property: Id(0)] TimeOnly Start,
    [property: Id(1)] TimeOnly End,
    [property: Id(2)] IReadOnlyList<DayOfWeek> Days)
{
    /// <summary>Business hours: Monday to Friday, 08:00 to 17:00 local time.</summary>
    public static SendWindow BusinessHours { get; } = new(new TimeOnly(8, 0), new TimeOnly(17, 0),
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]);
}

/// <summary>One version of a step's message. Subject and body are Liquid templates over the contact, company and sender.</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Outreach.SequenceVariant")]
public sealed record SequenceVariant(
    [property: Id(0)] string Id,
    [property: Id(1)] string? Subject,
    [property: Id(2)] string Body,
    [property: Id(3)] int Weight = 1);

/// <summary>
/// One touch of a sequence. <see cref="DelayBusinessDays"/> counts from the previous step (from
/// enrolment for the first step). Email steps after the first reply in the first email's thread unless
/// <see cref="NewThread"/>.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Outreach.SequenceStep")]
public sealed record SequenceStep(
    [property: Id(0)] OutreachChannel Channel,
    [property: Id(1)] int DelayBusinessDays,
    [property: Id(2)] IReadOnlyList<SequenceVariant> Variants,
    [property: Id(3)] StepCondition Condition = StepCondition.NotReplied,
    [property: Id(4)] SendWindow? Window = null,
    [property: Id(5)] LinkedInAction? LinkedInAction = null,
    [property: Id(6)] bool NewThread = false);

/// <summary>A multi-touch campaign: its steps in order and the send window used where a step names none.</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Outreach.SequenceDefinition")]
public sealed record SequenceDefinition(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<SequenceStep> Steps,
    [property: Id(3)] SendWindow Window,
    [property: Id(4)] long Version = 0,
    [property: Id(5)] bool BuiltIn = false,
    [property: Id(6)] DateTimeOffset? UpdatedAt = null);
