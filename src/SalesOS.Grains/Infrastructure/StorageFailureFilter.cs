using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using SalesOS.Contracts.Errors;

namespace SalesOS.Grains.Infrastructure;

/// <summary>
/// When a grain call fails because storage failed, the grain's memory may hold a change the database
/// does not (or a version the database moved past). This filter deactivates that activation, so the
/// next call reloads the truth from storage, and reports the failure to the caller as
/// <see cref="StorageUnavailableException"/>: refused, nothing applied, safe to retry.
/// </summary>
public sealed class StorageFailureFilter(ILogger<StorageFailureFilter> logger) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception e) when (IsStorageFailure(e))
        {
            logger.LogWarning("Call {Method} on {Grain} refused, storage failed: {Reason}", context.MethodName, context.TargetId, Innermost(e).Message);
            context.TargetContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationError, "Storage failed; the state reloads on the next call."));
            throw new StorageUnavailableException("The database is not reachable right now; nothing was changed.");
        }
    }

    /// <summary>A database or network failure anywhere in the exception chain, as the ADO.NET providers report them.</summary>
    public static bool IsStorageFailure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException or SocketException || (e is OrleansException && e.Message.StartsWith("Error from storage provider", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }
}
