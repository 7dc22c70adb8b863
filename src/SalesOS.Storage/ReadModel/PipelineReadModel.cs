using System.Data.Common;
using System.Globalization;
using System.Text;
using SalesOS.Contracts.Deals;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Markets;

namespace SalesOS.Storage.ReadModel;

/// <summary>The deals and markets read model: upserts (newest version wins) and lists.</summary>
public sealed class PipelineReadModel(ReadModelDatabase database)
{
    public async Task<IReadOnlyCollection<string>> UpsertDealsAsync(IReadOnlyCollection<DealSnapshot> deals, CancellationToken cancellationToken = default)
        => await UpsertAsync(deals, d => d.DealId, """
            INSERT INTO rm_deals (workspace_id, deal_id, name, state, company_domain, amount, currency, probability, owner, expected_close, version, updated_at)
            VALUES (@workspace_id, @id, @name, @state, @company_domain, @amount, @currency, @probability, @owner, @expected_close, @version, @updated_at)
            ON CONFLICT (workspace_id, deal_id) DO UPDATE SET name = excluded.name, state = excluded.state, company_domain = excluded.company_domain,
                amount = excluded.amount, currency = excluded.currency, probability = excluded.probability, owner = excluded.owner,
                expected_close = excluded.expected_close, version = excluded.version, updated_at = excluded.updated_at
            WHERE rm_deals.version < excluded.version
            """, (command, d) =>
        {
            Add(command, "workspace_id", d.WorkspaceId);
            Add(command, "id", d.DealId);
            Add(command, "name", d.Name);
            Add(command, "state", d.State.ToString());
            Add(command, "company_domain", d.CompanyDomain);
            Add(command, "amount", d.Amount);
            Add(command, "currency", d.Currency);
            Add(command, "probability", d.Probability);
            Add(command, "owner", d.Owner);
            Add(command, "expected_close", d.ExpectedCloseDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Add(command, "version", d.Version);
            Add(command, "updated_at", d.UpdatedAt.ToUniversalTime());
        }, cancellationToken);

    public async Task<IReadOnlyCollection<string>> UpsertMarketsAsync(IReadOnlyCollection<MarketSnapshot> markets, CancellationToken cancellationToken = default)
        => await UpsertAsync(markets, m => m.MarketId, """
            INSERT INTO rm_markets (workspace_id, market_id, name, state, version, updated_at)
            VALUES (@workspace_id, @id, @name, @state, @version, @updated_at)
            ON CONFLICT (workspace_id, market_id) DO UPDATE SET name = excluded.name, state = excluded.state, version = excluded.version, updated_at = excluded.updated_at
            WHERE rm_markets.version < excluded.version
            """, (command, m) =>
        {
            Add(command, "workspace_id", m.WorkspaceId);
            Add(command, "id", m.MarketId);
            Add(command, "name", m.Name);
            Add(command, "state", m.State.ToString());
            Add(command, "version", m.Version);
            Add(command, "updated_at", m.UpdatedAt.ToUniversalTime());
        }, cancellationToken);

    public async Task<DealPage> DealsAsync(string workspaceId, DealState? state, string? owner, string? companyDomain, int limit, string? cursor, CancellationToken cancellationToken = default)
    {
        limit = Math.Clamp(limit, 1, CompanyReadModel.MaxLimit);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = new StringBuilder("workspace_id = @workspace_id");
        Add(command, "workspace_id", workspaceId);
        Filter(command, where, "state", state?.ToString());
        Filter(command, where, "owner", owner);
        Filter(command, where, "company_domain", companyDomain?.ToLowerInvariant());
        if (cursor is not null)
        {
            where.Append(" AND deal_id > @cursor");
            Add(command, "cursor", cursor);
        }

        command.CommandText = $"SELECT deal_id, name, state, company_domain, amount, currency, probability, owner, expected_close, version FROM rm_deals WHERE {where} ORDER BY deal_id LIMIT {limit + 1}";
        var items = new List<DealListItem>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(new DealListItem(
                    reader.GetString(0), reader.GetString(1), Enum.Parse<DealState>(reader.GetString(2)), Text(reader, 3),
                    reader.IsDBNull(4) ? null : Convert.ToDecimal(reader.GetValue(4), CultureInfo.InvariantCulture), reader.GetString(5),
                    reader.GetDouble(6), Text(reader, 7), Text(reader, 8), Convert.ToInt64(reader.GetValue(9), CultureInfo.InvariantCulture)));
            }
        }

        string? next = null;
        if (items.Count > limit)
        {
            items.RemoveAt(limit);
            next = items[^1].DealId;
        }

        return new DealPage(items, next);
    }

    public async Task<IReadOnlyList<MarketListItem>> MarketsAsync(string workspaceId, MarketState? state, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = new StringBuilder("workspace_id = @workspace_id");
        Add(command, "workspace_id", workspaceId);
        Filter(command, where, "state", state?.ToString());
        command.CommandText = $"SELECT market_id, name, state, version FROM rm_markets WHERE {where} ORDER BY market_id";
        var items = new List<MarketListItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new MarketListItem(reader.GetString(0), reader.GetString(1), Enum.Parse<MarketState>(reader.GetString(2)), Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture)));
        }

        return items;
    }

    private async Task<IReadOnlyCollection<string>> UpsertAsync<T>(IReadOnlyCollection<T> rows, Func<T, string> key, string sql, Action<DbCommand, T> bind, CancellationToken cancellationToken)
    {
        var changed = new List<string>();
        if (rows.Count == 0)
        {
            return changed;
        }

        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var row in rows)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            bind(command, row);
            if (await command.ExecuteNonQueryAsync(cancellationToken) > 0)
            {
                changed.Add(key(row));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    private static void Filter(DbCommand command, StringBuilder where, string column, string? value)
    {
        if (value is not null)
        {
            where.Append(CultureInfo.InvariantCulture, $" AND {column} = @{column}");
            Add(command, column, value);
        }
    }

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
