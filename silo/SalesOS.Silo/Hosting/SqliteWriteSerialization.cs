using Orleans.Storage;
using SalesOS.Storage;

namespace SalesOS.Silo.Hosting;

/// <summary>
/// Grain storage on the embedded profile: Orleans' ADO.NET provider underneath, with its writes
/// queued through the database's <see cref="SqliteWriteGate"/> (see there for why). Reads are not
/// gated: SQLite in WAL mode reads beside a writer.
/// </summary>
public sealed class SqliteGatedGrainStorage(IGrainStorage inner, SqliteWriteGate gate) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        using var turn = await gate.EnterAsync();
        await inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        using var turn = await gate.EnterAsync();
        await inner.ClearStateAsync(stateName, grainId, grainState);
    }
}

/// <summary>The reminder table on the embedded profile, its writes queued like grain state writes.</summary>
public sealed class SqliteGatedReminderTable(IReminderTable inner, SqliteWriteGate gate) : IReminderTable
{
    public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => inner.StopAsync(cancellationToken);

    public Task<ReminderTableData> ReadRows(GrainId grainId) => inner.ReadRows(grainId);

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => inner.ReadRows(begin, end);

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => inner.ReadRow(grainId, reminderName);

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        using var turn = await gate.EnterAsync();
        return await inner.UpsertRow(entry);
    }

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        using var turn = await gate.EnterAsync();
        return await inner.RemoveRow(grainId, reminderName, eTag);
    }

    public async Task TestOnlyClearTable()
    {
        using var turn = await gate.EnterAsync();
        await inner.TestOnlyClearTable();
    }
}
