namespace SalesOS.Grains.Eventing;

/// <summary>How grains deliver their events (section <c>SalesOS:Events</c>).</summary>
public sealed class EventDeliveryOptions
{
    public const string SectionName = "SalesOS:Events";

    /// <summary>
    /// Orleans memory streams lose what a dying silo holds (queued events, events on their way to a
    /// consumer that lived there), and a silo is only known dead some seconds after it died. So an
    /// event stays in its grain's outbox after the first delivery and is delivered again after this
    /// delay, then after twice it, four times it, ... (<see cref="Redeliveries"/> times), and only
    /// then forgotten; consumers drop the repeats. Never below the reminder minimum period, since a
    /// reminder drives it.
    /// </summary>
    public TimeSpan RedeliveryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many times an event is delivered again after its first delivery.</summary>
    public int Redeliveries { get; set; } = 3;
}
