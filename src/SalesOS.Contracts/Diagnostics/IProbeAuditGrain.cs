namespace SalesOS.Contracts.Diagnostics;

/// <summary>
/// A read model of one probe's events, fed by an implicit stream subscription: counts each
/// <see cref="ProbeWritten"/> once however often it is delivered.
/// </summary>
[Alias("SalesOS.Diagnostics.IProbeAuditGrain")]
public interface IProbeAuditGrain : IGrainWithStringKey
{
    [Alias("GetStats")]
    Task<ProbeAuditStats> GetStats();
}

/// <summary>Distinct events applied, and repeats recognised and dropped.</summary>
[GenerateSerializer, Immutable]
[Alias("SalesOS.Diagnostics.ProbeAuditStats")]
public sealed record ProbeAuditStats([property: Id(0)] int EventsSeen, [property: Id(1)] int DuplicatesDropped);
