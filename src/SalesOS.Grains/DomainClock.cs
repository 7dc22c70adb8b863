namespace SalesOS.Grains;

/// <summary>
/// The key of the <see cref="TimeProvider"/> that SalesOS grains read business time from (due dates,
/// send windows, timeline stamps). Orleans resolves the unkeyed TimeProvider for its own timers, so
/// tests can move business time with a fake clock without freezing the runtime.
/// </summary>
public static class DomainClock
{
    public const string Key = "SalesOS.DomainClock";
}
