using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using SalesOS.Contracts.Errors;

namespace SalesOS.Gateway.Infrastructure;

/// <summary>
/// Turns every exception that escapes an endpoint into ProblemDetails: malformed requests are 400
/// with the reason, an unreachable cluster is 503 (retry later: nothing was accepted), anything else
/// is 500 without internals.
/// </summary>
public sealed class GatewayExceptionHandler(IProblemDetailsService problemDetails, IClusterClient cluster, ILogger<GatewayExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var unavailable = exception is not (BadHttpRequestException or TransitionRefusedException or CommandRejectedException or InvalidFieldsException) && await ClusterAvailability.IsUnavailableAsync(exception, cluster, cancellationToken);
        var problem = exception switch
        {
            TransitionRefusedException refused => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = $"The {refused.Entity} cannot do that in its current state.",
                Detail = refused.Message,
                Extensions = { ["currentState"] = refused.CurrentState, ["trigger"] = refused.Trigger },
            },
            CommandRejectedException rejected => new ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "The command was understood but refused.",
                Detail = rejected.Message,
                Extensions = { ["errors"] = new Dictionary<string, string[]> { [rejected.Field] = [rejected.Message] } },
            },
            InvalidFieldsException invalid => new ValidationProblemDetails(invalid.Problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Reason).ToArray()))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "One or more fields are invalid.",
                Detail = invalid.Message,
            },
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = "The request could not be read.",
                Detail = DescribeBadRequest(bad),
            },
            _ when unavailable => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = exception is StorageUnavailableException ? "The SalesOS database is not reachable right now." : "The SalesOS cluster is not reachable right now.",
                Detail = "Nothing was changed. Retry the request in a few seconds (with the same Idempotency-Key, if it had one).",
            },
            _ => new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "An unexpected error occurred.",
                Detail = "The error was logged with this request's id.",
            },
        };

        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning("Request {Method} {Path} refused, cluster unreachable: {Reason}", httpContext.Request.Method, httpContext.Request.Path, exception.Message);
            httpContext.Response.Headers.RetryAfter = "5";
        }
        else if (problem.Status >= 500)
        {
            logger.LogError(exception, "Request {Method} {Path} failed with {Status}", httpContext.Request.Method, httpContext.Request.Path, problem.Status);
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    // The framework's messages name the parameter and the failure; the inner JSON error adds the position.
    private static string DescribeBadRequest(BadHttpRequestException exception)
        => exception.InnerException is System.Text.Json.JsonException json
            ? $"{exception.Message} {json.Message}"
            : exception.Message;
}
