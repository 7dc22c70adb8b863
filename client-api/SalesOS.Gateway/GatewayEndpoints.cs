using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SalesOS.Gateway.Apis;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using SalesOS.Gateway.Infrastructure;
using SalesOS.Gateway.Security;

namespace SalesOS.Gateway;

/// <summary>
/// Wires the REST gateway into a web application: the same code serves the standalone gateway
/// (SalesOS.ClientApi) and the silo that co-hosts it on the embedded profile. Each area lives in
/// its own <c>Apis/XxxApi.cs</c>; a new area adds a file and one line in <see cref="MapSalesOSGateway"/>.
/// </summary>
public static class GatewayEndpoints
{
    public const string ReadyTag = "ready";

    /// <summary>Request bodies above this size are refused with 413 before they are read.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static IServiceCollection AddSalesOSGateway(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["requestId"] = context.HttpContext.TraceIdentifier;
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
        });
        services.AddExceptionHandler<GatewayExceptionHandler>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow;
            // States, triggers and sorts travel by name: readable, and stable when enums grow.
            options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
        });
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "SalesOS REST API";
            document.Info.Description = "The REST gateway in front of the SalesOS Orleans cluster. Every error is a ProblemDetails body carrying the request id.";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddCheck<ClusterReadinessCheck>("cluster", tags: [ReadyTag]);

        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.SectionName);
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddSingleton<IAuthorizationHandler, WorkspaceMemberHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(ApiKeyAuthenticationHandler.AdminRole))
            .AddPolicy(Policies.WorkspaceMember, policy => policy.AddRequirements(new WorkspaceMemberRequirement()));
        return services;
    }

    /// <summary>Middleware and endpoints: request ids, ProblemDetails for every error, health, OpenAPI and the API areas.</summary>
    public static WebApplication MapSalesOSGateway(this WebApplication app)
    {
        app.UseMiddleware<RequestIdMiddleware>();
        app.Use(LimitRequestBody);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapSalesOSHealth();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapGet("/api", () => TypedResults.Ok(new ApiIndex("SalesOS REST gateway", "/openapi/v1.json", "/health/live", "/health/ready")))
            .WithName("GetApiIndex").WithTags("System").WithSummary("Where the API's description and health endpoints are.");
        app.MapProbeApi().RequireAuthorization(Policies.Admin);
        app.MapSystemApi().RequireAuthorization(Policies.Admin);
        app.MapWorkspaceApi();
        app.MapCompanyApi();
        app.MapContactApi();
        app.MapDealApi();
        app.MapMarketApi();
        app.MapImportApi();
        app.MapImportJobApi();
        app.MapSequenceApi();
        app.MapMailboxApi();
        app.MapTrackingApi();
        return app;
    }

    /// <summary><c>/health/live</c>: the process answers. <c>/health/ready</c>: the cluster answers too.</summary>
    public static IEndpointRouteBuilder MapSalesOSHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteHealth });
        routes.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteHealth });
        return routes;
    }

    public sealed record ApiIndex(string Name, string OpenApi, string Live, string Ready);

    private static Task LimitRequestBody(HttpContext context, RequestDelegate next)
    {
        // Lead-list uploads and inbound mail are files; every other body is a JSON command.
        var path = context.Request.Path.Value;
        var limit = !HttpMethods.IsPost(context.Request.Method) ? MaxRequestBodyBytes
            : path?.EndsWith("/imports", StringComparison.Ordinal) == true ? Apis.ImportJobApi.MaxFileBytes
            : path?.EndsWith("/inbound", StringComparison.Ordinal) == true ? Apis.MailboxApi.MaxInboundBytes
            : MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            throw new BadHttpRequestException(
                $"The request body is {context.Request.ContentLength} bytes; the limit is {limit}.",
                StatusCodes.Status413PayloadTooLarge);
        }

        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit;
        }

        return next(context);
    }

    private static Task WriteHealth(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        });
    }
}
