using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace SalesOS.Gateway.Infrastructure;

/// <summary>Recognises the errors that mean "the cluster cannot be reached" rather than "the request is wrong".</summary>
public static class ClusterAvailability
{
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        SiloUnavailableException or ConnectionFailedException or OrleansMessageRejectionException => true,
        TimeoutException => true,
        // The Orleans client throws this while it has not (yet) connected to any gateway.
        InvalidOperationException e when e.Message.Contains("not connected", StringComparison.OrdinalIgnoreCase)
            || e.Message.Contains("not initialized", StringComparison.OrdinalIgnoreCase)
            || e.Message.Contains("gateway", StringComparison.OrdinalIgnoreCase) => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsUnavailable),
        _ => exception.InnerException is not null && IsUnavailable(exception.InnerException),
    };
}
