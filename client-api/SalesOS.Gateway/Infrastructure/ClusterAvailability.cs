using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using SalesOS.Contracts.Errors;

namespace SalesOS.Gateway.Infrastructure;

/// <summary>Recognises the errors that mean "the cluster cannot be reached" rather than "the request is wrong".</summary>
public static class ClusterAvailability
{
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        SiloUnavailableException or ConnectionFailedException or OrleansMessageRejectionException => true,
        StorageUnavailableException => true,
        // A grain that cannot load its state while the database is down fails its activation with this.
        OrleansException e when e.Message.StartsWith("Error from storage provider", StringComparison.Ordinal) => true,
        System.Data.Common.DbException or System.Net.Sockets.SocketException => true,
        TimeoutException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsUnavailable),
        _ => exception.InnerException is not null && IsUnavailable(exception.InnerException),
    };

    /// <summary>
    /// Like <see cref="IsUnavailable(Exception)"/>, and also asks the cluster when the error is ambiguous:
    /// a client that never connected knows no grain types yet and says it finds no implementation,
    /// which is an outage when the cluster does not answer and a real fault when it does.
    /// </summary>
    public static async Task<bool> IsUnavailableAsync(Exception exception, IClusterClient client, CancellationToken cancellationToken)
    {
        if (IsUnavailable(exception))
        {
            return true;
        }

        if (exception is not ArgumentException { Message: var message } || !message.StartsWith("Could not find an implementation", StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            var hosts = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, cancellationToken).WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return hosts.Count == 0;
        }
        catch (Exception probe) when (probe is not OperationCanceledException)
        {
            return true;
        }
    }
}
