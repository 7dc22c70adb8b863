using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using SalesOS.Contracts;
using SalesOS.Contracts.Companies;
using SalesOS.Contracts.Contacts;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Errors;
using SalesOS.Contracts.Prospecting;
using SalesOS.Prospecting.Import;
using SalesOS.Storage.Imports;

namespace SalesOS.Grains.Agents.LeadSource;

[GenerateSerializer]
[Alias("SalesOS.Prospecting.ImportJobRecord")]
public sealed class ImportJobRecord
{
    [Id(0)] public ImportJobRequest? Request { get; set; }
    [Id(1)] public ImportJobState State { get; set; }
    [Id(2)] public int RowsRead { get; set; }
    [Id(3)] public int Accepted { get; set; }
    [Id(4)] public int Duplicates { get; set; }
    [Id(5)] public int Rejected { get; set; }
    [Id(6)] public int ContactsAccepted { get; set; }
    [Id(7)] public List<ImportRejection> Rejections { get; set; } = [];
    [Id(8)] public string? Format { get; set; }
    [Id(9)] public Dictionary<string, string> Columns { get; set; } = [];
    [Id(10)] public List<string> IgnoredColumns { get; set; } = [];
    [Id(11)] public DateTimeOffset StartedAt { get; set; }
    [Id(12)] public DateTimeOffset? FinishedAt { get; set; }
    [Id(13)] public string? Error { get; set; }
    [Id(14)] public int Resumes { get; set; }
}

/// <summary>
/// The Lead Source agent's import of one uploaded list. Rows are read in batches; each batch is
/// registered (rows of one company in row order, companies in parallel) and then the checkpoint
/// (rows read and the counts) is written. Every registration carries the idempotency key
/// "import:{job}:{row}", so rows replayed after a crash between registering and checkpointing return
/// their first answer and count the same: a resumed import never imports a row twice. A reminder
/// wakes the job on another silo if its silo dies.
/// </summary>
public sealed class ImportJobGrain(
    [PersistentState("import-job", StorageNames.Grains)] IPersistentState<ImportJobRecord> state,
    ImportFileStore files,
    TimeProvider clock,
    ILogger<ImportJobGrain> logger) : Grain, IImportJobGrain, IRemindable
{
    public const int BatchSize = 500;
    public const int MaxKeptRejections = 1000;
    private const string ResumeReminder = "import-resume";
    private const int Parallelism = 32;

    private string workspaceId = "";
    private string jobId = "";
    private Task? running;

    private ImportJobRecord Job => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (workspaceId, jobId) = WorkspaceKey.Parse(this.GetPrimaryKeyString());
        if (Job.Request is not null && Job.State == ImportJobState.Running)
        {
            Job.Resumes++;
            EnsureRunning();
        }

        return Task.CompletedTask;
    }

    public async Task<ImportJobStatus> Start(ImportJobRequest request, Immutable<byte[]> content)
    {
        if (Job.Request is null)
        {
            await files.SaveAsync(this.GetPrimaryKeyString(), request.FileName, content.Value);
            Job.Request = request;
            Job.State = ImportJobState.Running;
            Job.StartedAt = clock.GetUtcNow();
            await this.RegisterOrUpdateReminder(ResumeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            await state.WriteStateAsync();
        }

        EnsureRunning();
        return Status();
    }

    public Task<ImportJobStatus?> GetStatus() => Task.FromResult(Job.Request is null ? null : Status());

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (Job.State == ImportJobState.Running)
        {
            EnsureRunning();
            return;
        }

        var reminder = await this.GetReminder(ResumeReminder);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private void EnsureRunning()
    {
        if (running is null || running.IsCompleted)
        {
            // Runs on the grain's scheduler, interleaving only with GetStatus (AlwaysInterleave).
            running = RunAsync();
        }
    }

    private async Task RunAsync()
    {
        var request = Job.Request!;
        if (Job.RowsRead > 0)
        {
            logger.LogInformation("Import {Job} resumes after row {Row}", this.GetPrimaryKeyString(), Job.RowsRead);
        }

        try
        {
            var content = await files.LoadAsync(this.GetPrimaryKeyString())
                ?? throw new InvalidOperationException("The uploaded file is no longer stored.");
            await using var stream = new MemoryStream(content, writable: false);
            var format = request.Format?.ToLowerInvariant() switch
            {
                "csv" => LeadFileFormat.Csv,
                "json" => LeadFileFormat.JsonArray,
                "ndjson" or "jsonl" => LeadFileFormat.JsonLines,
                _ => (LeadFileFormat?)null,
            };
            await using var reader = await LeadFileReader.OpenAsync(stream, new LeadFileOptions { Format = format });
            Job.Format = reader.Delimiter is { } delimiter
                ? $"{reader.Format}, {reader.Encoding.WebName}, delimiter '{(delimiter == '\t' ? "\\t" : delimiter.ToString())}', {reader.Style} style"
                : $"{reader.Format}, {reader.Encoding.WebName}, {reader.Style} style";
            Job.Columns = reader.Columns.Where(c => c.Field is not null).GroupBy(c => c.Header).ToDictionary(g => g.Key, g => g.First().Field!.Value.ToString());
            Job.IgnoredColumns = reader.IgnoredColumns.ToList();

            var batch = new List<LeadRow>(BatchSize);
            await foreach (var row in reader.ReadRowsAsync(skipRows: Job.RowsRead))
            {
                batch.Add(row);
                if (batch.Count == BatchSize)
                {
                    await ApplyBatchAsync(batch, request);
                    batch.Clear();
                }
            }

            await ApplyBatchAsync(batch, request);
            Job.State = ImportJobState.Completed;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning(e, "Import {Job} stopped at row {Row}", this.GetPrimaryKeyString(), Job.RowsRead);
            if (e is TimeoutException or StorageUnavailableException or OrleansException or System.Data.Common.DbException)
            {
                // The cluster or the database, not the file: the resume reminder tries again from the checkpoint.
                return;
            }

            Job.State = ImportJobState.Failed;
            Job.Error = e.Message;
        }

        Job.FinishedAt = clock.GetUtcNow();
        await state.WriteStateAsync();
        if (Job.State == ImportJobState.Completed)
        {
            await files.DeleteAsync(this.GetPrimaryKeyString());
        }
    }

    private async Task ApplyBatchAsync(List<LeadRow> rows, ImportJobRequest request)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var outcomes = new RowOutcome[rows.Count];
        var groups = Enumerable.Range(0, rows.Count)
            .GroupBy(i => rows[i].Lead?.Domain ?? $"row:{i}")
            .Select(g => g.ToArray());
        await Parallel.ForEachAsync(groups, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, TaskScheduler = TaskScheduler.Current }, async (group, _) =>
        {
            foreach (var i in group)
            {
                outcomes[i] = await RegisterAsync(rows[i], request);
            }
        });

        for (var i = 0; i < rows.Count; i++)
        {
            var outcome = outcomes[i];
            switch (outcome.Kind)
            {
                case RowKind.Accepted: Job.Accepted++; break;
                case RowKind.Duplicate: Job.Duplicates++; break;
                default:
                    Job.Rejected++;
                    if (Job.Rejections.Count < MaxKeptRejections)
                    {
                        Job.Rejections.Add(new ImportRejection(rows[i].RowNumber, outcome.Field ?? "row", outcome.Reason ?? "rejected"));
                    }

                    break;
            }

            if (outcome.ContactAccepted)
            {
                Job.ContactsAccepted++;
            }
        }

        Job.RowsRead = rows[^1].RowNumber;
        await state.WriteStateAsync();
    }

    private async Task<RowOutcome> RegisterAsync(LeadRow row, ImportJobRequest request)
    {
        if (row.Lead is not { } lead)
        {
            return new RowOutcome(RowKind.Rejected, row.RejectedField, row.RejectReason, false);
        }

        var key = $"import:{jobId}:{row.RowNumber}";
        var context = new CommandContext(request.Actor, key, $"Imported from {request.FileName}, row {row.RowNumber}");
        CompanySnapshot company;
        try
        {
            company = await GrainFactory.GetGrain<ICompanyGrain>(WorkspaceKey.For(workspaceId, lead.Domain)).Register(
                new CompanyRegistration($"import:{request.Source}", lead.CompanyName, lead.Industry, lead.EmployeeCount,
                    lead.RevenueCurrency is null or "USD" ? lead.AnnualRevenue : null, lead.Country, lead.Technologies, request.MarketId, lead.Owner ?? request.Owner),
                context);
        }
        catch (CommandRejectedException e)
        {
            return new RowOutcome(RowKind.Rejected, e.Field, e.Message, false);
        }

        var contactAccepted = false;
        if (lead.Contact is { } person)
        {
            try
            {
                await GrainFactory.GetGrain<IContactGrain>(WorkspaceKey.For(workspaceId, person.Identity.Key)).Register(
                    new ContactRegistration($"import:{request.Source}", person.Identity.Email, person.LinkedInUrl ?? person.Identity.LinkedIn,
                        person.FirstName, person.LastName, person.Title, Phone: person.Phone, CompanyDomain: lead.Domain),
                    context with { IdempotencyKey = key + ":contact" });
                contactAccepted = true;
            }
            catch (CommandRejectedException)
            {
                // A suppressed person is not imported; the company row still counts.
            }
        }

        // The first registration of a company is its version 1; any later one (another source, an
        // earlier row of this file) merged into it. A replayed row returns its first answer.
        return new RowOutcome(company.Version == 1 ? RowKind.Accepted : RowKind.Duplicate, null, null, contactAccepted);
    }

    private ImportJobStatus Status() => new(
        jobId, Job.State, Job.Request!.FileName, Job.Request.Source, Job.Request.MarketId, Job.RowsRead, Job.Accepted, Job.Duplicates, Job.Rejected,
        Job.ContactsAccepted, Job.Rejections.ToList(), Job.Format, new Dictionary<string, string>(Job.Columns), Job.IgnoredColumns.ToList(),
        Job.StartedAt, Job.FinishedAt, Job.Error, Job.Resumes);

    private enum RowKind
    {
        Accepted,
        Duplicate,
        Rejected,
    }

    private readonly record struct RowOutcome(RowKind Kind, string? Field, string? Reason, bool ContactAccepted);
}
