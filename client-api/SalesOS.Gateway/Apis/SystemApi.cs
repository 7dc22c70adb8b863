using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Orleans.Runtime;
using SalesOS.Contracts.ReadModel;

namespace SalesOS.Gateway.Apis;

/// <summary>What the cluster looks like from this gateway.</summary>
public static class SystemApi
{
    public static RouteGroupBuilder MapSystemApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/system").WithTags("System");
        group.MapGet("/projection-lag", GetProjectionLag).WithName("GetProjectionLag").WithSummary("How far the read model trails the events (p50/p99 over the last 10,000).");
        group.MapPost("/read-model/{workspaceId}/rebuild", RebuildReadModel).WithName("RebuildReadModel").WithSummary("Rebuilds a workspace's read model from the grains' state.");
        group.MapGet("/silos", GetSilos).WithName("GetSilos").WithSummary("Lists the silos of the cluster and their status.");
        return group;
    }

    public static async Task<Ok<ProjectionLag>> GetProjectionLag(IClusterClient cluster)
        => TypedResults.Ok(await cluster.GetGrain<IProjectionMonitorGrain>(0).GetLag());

    public static async Task<Ok<RebuildReport>> RebuildReadModel(string workspaceId, IClusterClient cluster)
        => TypedResults.Ok(await cluster.GetGrain<IReadModelRebuildGrain>(workspaceId).Rebuild());

    public static async Task<Ok<SiloInfo[]>> GetSilos(IClusterClient cluster)
    {
        var hosts = await cluster.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: false);
        return TypedResults.Ok(hosts
            .OrderBy(h => h.SiloName, StringComparer.Ordinal)
            .Select(h => new SiloInfo(h.SiloName, h.SiloAddress.ToParsableString(), h.HostName, h.Status.ToString(), h.StartTime, h.IAmAliveTime))
            .ToArray());
    }
}

public sealed record SiloInfo(string Name, string Address, string HostName, string Status, DateTime StartedAt, DateTime LastHeartbeatAt);
