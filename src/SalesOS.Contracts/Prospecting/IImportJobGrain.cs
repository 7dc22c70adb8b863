using Orleans.Concurrency;

namespace SalesOS.Contracts.Prospecting;

/// <summary>
/// One import of a lead list (CSV or JSON), keyed "{workspaceId}/{jobId}". The file is stored in the
/// database first (so any silo can resume the job); the job then reads it row by row, registering companies (and their contacts), checkpointing its
/// progress so that after a crash it resumes where it stopped without importing any row twice.
/// </summary>
[Alias("SalesOS.Prospecting.IImportJobGrain")]
public interface IImportJobGrain : IGrainWithStringKey
{
    /// <summary>Stores the uploaded file and starts the job; starting it again changes nothing.</summary>
    [Alias("Start")]
    Task<ImportJobStatus> Start(ImportJobRequest request, Immutable<byte[]> content);

    /// <summary>The job's progress, or null for an unknown job.</summary>
    [Alias("GetStatus"), AlwaysInterleave]
    Task<ImportJobStatus?> GetStatus();
}

public enum ImportJobState
{
    Running,
    Completed,
    Failed,
}

[GenerateSerializer, Immutable]
[Alias("SalesOS.Prospecting.ImportJobRequest")]
public sealed record ImportJobRequest(
    [property: Id(0)] string FileName,
    [property: Id(1)] string? Format,
    [property: Id(2)] string Source,
    [property: Id(3)] string? MarketId,
    [property: Id(4)] string? Owner,
    [property: Id(5)] string Actor);

[GenerateSerializer, Immutable]
[Alias("SalesOS.Prospecting.ImportRejection")]
public sealed record ImportRejection(
    [property: Id(0)] int Row,
    [property: Id(1)] string Field,
    [property: Id(2)] string Reason);

[GenerateSerializer, Immutable]
[Alias("SalesOS.Prospecting.ImportJobStatus")]
public sealed record ImportJobStatus(
    [property: Id(0)] string JobId,
    [property: Id(1)] ImportJobState State,
    [property: Id(2)] string FileName,
    [property: Id(3)] string Source,
    [property: Id(4)] string? MarketId,
    [property: Id(5)] int RowsRead,
    [property: Id(6)] int Accepted,
    [property: Id(7)] int Duplicates,
    [property: Id(8)] int Rejected,
    [property: Id(9)] int ContactsAccepted,
    [property: Id(10)] IReadOnlyList<ImportRejection> Rejections,
    [property: Id(11)] string? Format,
    [property: Id(12)] IReadOnlyDictionary<string, string> Columns,
    [property: Id(13)] IReadOnlyList<string> IgnoredColumns,
    [property: Id(14)] DateTimeOffset StartedAt,
    [property: Id(15)] DateTimeOffset? FinishedAt,
    [property: Id(16)] string? Error,
    [property: Id(17)] int Resumes);
