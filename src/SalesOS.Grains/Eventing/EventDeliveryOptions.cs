namespace SalesOS.Grains.Eventing;

/// <summary>How grains deliver their events (section <c>SalesOS:Events</c>).</summary>
public sealed class EventDeliveryOptions
{
    public const string SectionName = "SalesOS:Events";

    /// <summary>
    /// How long an event stays in its grain's outbox after the first delivery; it is delivered once
    /// more when this has passed, then forgotten. Orleans memory streams lose what is queued on a
    /// silo that dies, so the second delivery covers a silo crash; consumers drop the duplicate.
    /// Never below the reminder minimum period, since a reminder drives it.
    /// </summary>
    public TimeSpan RedeliveryDelay { get; set; } = TimeSpan.FromMinutes(1);
}
