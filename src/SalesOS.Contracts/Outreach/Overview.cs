namespace SalesOS.Contracts.Outreach;

/// <summary>Which sends an overview counts: a workspace's, optionally one market's or one sequence's, sent in the last <see cref="Days"/> days.</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Outreach.OutreachQuery")]
public sealed record OutreachQuery(
    [property: Id(0)] string WorkspaceId,
    [property: Id(1)] int Days = 28,
    [property: Id(2)] string? MarketId = null,
    [property: Id(3)] string? SequenceId = null);

/// <summary>Counts and rates of one slice of emails (a period, a sequence step, a variant).</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Outreach.EmailFigures")]
public sealed record EmailFigures(
    [property: Id(0)] int Sent,
    [property: Id(1)] int Bounced,
    [property: Id(2)] int Opened,
    [property: Id(3)] int Clicked,
    [property: Id(4)] int Replied,
    [property: Id(5)] int Interested)
{
    public int Delivered => Sent - Bounced;

    public double OpenRate => Delivered == 0 ? 0 : (double)Opened / Delivered;

    public double ClickRate => Delivered == 0 ? 0 : (double)Clicked / Delivered;

    public double ReplyRate => Delivered == 0 ? 0 : (double)Replied / Delivered;

    public double BounceRate => Sent == 0 ? 0 : (double)Bounced / Sent;
}

/// <summary>One sequence step's variant and how it did (A/B results).</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Outreach.VariantFigures")]
public sealed record VariantFigures(
    [property: Id(0)] string SequenceId,
    [property: Id(1)] int Step,
    [property: Id(2)] string? VariantId,
    [property: Id(3)] string Channel,
    [property: Id(4)] EmailFigures Figures);

/// <summary>A success metric of the product spec: the measured value, the target, and whether it is met.</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Outreach.MetricTarget")]
public sealed record MetricTarget(
    [property: Id(0)] string Metric,
    [property: Id(1)] double Value,
    [property: Id(2)] string Target,
    [property: Id(3)] bool Met,
    [property: Id(4)] string Unit);

[GenerateSerializer, Immutable]
[Alias("SalesOS.Outreach.WeekFigures")]
public sealed record WeekFigures(
    [property: Id(0)] DateOnly WeekStarting,
    [property: Id(1)] EmailFigures Figures);

/// <summary>How outreach is doing: emails and their rates, every channel's steps, A/B variants, cost per email, and the spec's targets.</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Outreach.OutreachOverview")]
public sealed record OutreachOverview(
    [property: Id(0)] OutreachQuery Query,
    [property: Id(10)] DateTimeOffset From,
    [property: Id(11)] DateTimeOffset To,
    [property: Id(1)] EmailFigures Emails,
    [property: Id(2)] IReadOnlyDictionary<string, int> StepsByChannel,
    [property: Id(3)] IReadOnlyList<WeekFigures> Weeks,
    [property: Id(4)] IReadOnlyList<VariantFigures> Variants,
    [property: Id(5)] int Unsubscribed,
    [property: Id(6)] decimal Cost,
    [property: Id(7)] decimal? CostPerEmail,
    [property: Id(8)] IReadOnlyList<MetricTarget> Targets,
    [property: Id(9)] IReadOnlyList<string> Notes);

[Alias("SalesOS.Outreach.IOutreachQueryGrain")]
public interface IOutreachQueryGrain : IGrainWithIntegerKey
{
    [Alias("Overview")]
    Task<OutreachOverview> Overview(OutreachQuery query);
}
