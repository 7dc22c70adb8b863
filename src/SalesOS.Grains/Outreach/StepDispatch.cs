using SalesOS.Contracts.Outreach;

namespace SalesOS.Grains.Outreach;

/// <summary>
/// A step a contact hands to its channel agent. The agent answers through
/// <see cref="IContactOutreachGrain.BeginHandOff"/> and <see cref="IContactOutreachGrain.ReportStep"/>;
/// the same <see cref="SendId"/> handed over twice (after a silent agent) has its effect once.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Outreach.StepDispatch")]
public sealed record StepDispatch(
    [property: Id(0)] string ContactKey,
    [property: Id(1)] string SendId,
    [property: Id(2)] string SequenceId,
    [property: Id(3)] int StepIndex,
    [property: Id(4)] OutreachChannel Channel,
    [property: Id(5)] string? VariantId,
    [property: Id(6)] string? Sender,
    [property: Id(7)] string? ThreadMessageId,
    [property: Id(8)] string? ThreadSubject,
    [property: Id(9)] string TimeZone,
    [property: Id(10)] SendWindow Window,
    [property: Id(11)] int Dispatch,
    [property: Id(12)] string? MarketId);

/// <summary>The agent of a channel: takes a step over from a contact and reports back to it.</summary>
public interface IChannelAgentGrain : IGrainWithIntegerKey
{
    [Alias("Run"), Orleans.Concurrency.OneWay]
    Task Run(StepDispatch dispatch);
}
