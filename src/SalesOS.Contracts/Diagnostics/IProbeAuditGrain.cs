namespace SalesOS.Contracts.Diagnostics;

/// <summary>Counts the <see cref="ProbeWritten"/> events one probe published, through an implicit stream subscription.</summary>
[Alias("SalesOS.Diagnostics.IProbeAuditGrain")]
public interface IProbeAuditGrain : IGrainWithStringKey
{
    [Alias("GetEventsSeen")]
    Task<int> GetEventsSeen();
}
