using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SalesOS.Contracts.Companies;
using SalesOS.Contracts.Domain;

namespace SalesOS.Storage.ReadModel;

/// <summary>
/// The companies read model: upserts projected snapshots (newest version wins, so replays are
/// harmless) and answers list, filter, sort, search, cursor and funnel queries. One SQL text serves
/// SQLite and PostgreSQL.
/// </summary>
public sealed class CompanyReadModel(ReadModelDatabase database)
{
    public const int MaxLimit = 500;

    private const string UpsertSql = """
        INSERT INTO rm_companies (workspace_id, domain, name, state, industry, employee_count, country, owner,
            fit_score, intent_score, technologies, market_ids, version, created_at, updated_at, search_text,
            priority_score, tier, failure_reason, explanation)
        VALUES (@workspace_id, @domain, @name, @state, @industry, @employee_count, @country, @owner,
            @fit_score, @intent_score, @technologies, @market_ids, @version, @created_at, @updated_at, @search_text,
            @priority_score, @tier, @failure_reason, @explanation)
        ON CONFLICT (workspace_id, domain) DO UPDATE SET
            name = excluded.name, state = excluded.state, industry = excluded.industry,
            employee_count = excluded.employee_count, country = excluded.country, owner = excluded.owner,
            fit_score = excluded.fit_score, intent_score = excluded.intent_score, technologies = excluded.technologies,
            market_ids = excluded.market_ids, version = excluded.version, updated_at = excluded.updated_at,
            search_text = excluded.search_text, priority_score = excluded.priority_score, tier = excluded.tier,
            failure_reason = excluded.failure_reason, explanation = excluded.explanation
        WHERE rm_companies.version < excluded.version
        """;

    /// <summary>
    /// Applies snapshots in one transaction; an older version than the stored one is ignored.
    /// Returns the domains whose row changed (a redelivered event changes none).
    /// </summary>
    public async Task<IReadOnlyCollection<string>> UpsertAsync(IReadOnlyCollection<CompanySnapshot> companies, CancellationToken cancellationToken = default)
    {
        var changed = new List<string>();
        if (companies.Count == 0)
        {
            return changed;
        }

        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = UpsertSql;
        foreach (var company in companies)
        {
            command.Parameters.Clear();
            Add(command, "workspace_id", company.WorkspaceId);
            Add(command, "domain", company.Domain);
            Add(command, "name", company.Name);
            Add(command, "state", company.State.ToString());
            Add(command, "industry", company.Industry);
            Add(command, "employee_count", company.EmployeeCount);
            Add(command, "country", company.Country);
            Add(command, "owner", company.Owner);
            Add(command, "fit_score", company.FitScore);
            Add(command, "intent_score", company.IntentScore);
            Add(command, "technologies", Packed(company.Technologies));
            Add(command, "market_ids", Packed(company.MarketIds));
            Add(command, "version", company.Version);
            Add(command, "created_at", company.CreatedAt.ToUniversalTime());
            Add(command, "updated_at", company.UpdatedAt.ToUniversalTime());
            Add(command, "search_text", $"{company.Name} {company.Domain}".ToLowerInvariant());
            Add(command, "priority_score", company.Priority?.Score);
            Add(command, "tier", company.Tier);
            Add(command, "failure_reason", company.FailureReason);
            Add(command, "explanation", company.Priority is null ? null : JsonSerializer.Serialize(company.Priority));
            if (await command.ExecuteNonQueryAsync(cancellationToken) > 0)
            {
                changed.Add(company.Domain);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    public async Task<CompanyPage> QueryAsync(CompanyQuery query, CancellationToken cancellationToken = default)
    {
        var limit = Math.Clamp(query.Limit, 1, MaxLimit);
        var (sortExpression, sortIsText) = SortColumn(query.Sort);
        var where = new StringBuilder("workspace_id = @workspace_id");
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        Add(command, "workspace_id", query.WorkspaceId);
        if (query.State is { } state)
        {
            where.Append(" AND state = @state");
            Add(command, "state", state.ToString());
        }

        AddLike(command, where, "market_ids", "market", query.MarketId is null ? null : $"%|{Escape(query.MarketId.ToLowerInvariant())}|%");
        AddLike(command, where, "technologies", "technology", query.Technology is null ? null : $"%|{Escape(query.Technology.ToLowerInvariant())}|%");
        AddLike(command, where, "search_text", "search", query.Search is null ? null : $"%{Escape(query.Search.ToLowerInvariant())}%");
        if (query.Owner is not null)
        {
            where.Append(" AND owner = @owner");
            Add(command, "owner", query.Owner);
        }

        if (query.Industry is not null)
        {
            where.Append(" AND lower(industry) = @industry");
            Add(command, "industry", query.Industry.ToLowerInvariant());
        }

        AddRange(command, where, "fit_score", "fit", query.MinFitScore, query.MaxFitScore);
        AddRange(command, where, "intent_score", "intent", query.MinIntentScore, query.MaxIntentScore);
        if (query.Tier is { } tier)
        {
            where.Append(" AND tier = @tier");
            Add(command, "tier", tier);
        }

        if (query.Cursor is not null)
        {
            var (sortValue, domain) = DecodeCursor(query.Cursor);
            where.Append(CultureInfo.InvariantCulture, $" AND ({sortExpression}, domain) {(query.Descending ? "<" : ">")} (@cursor_sort, @cursor_domain)");
            Add(command, "cursor_sort", query.Sort switch
            {
                CompanySort.UpdatedAt => DateTimeOffset.Parse(sortValue, CultureInfo.InvariantCulture),
                _ when sortIsText => sortValue,
                _ => double.Parse(sortValue, CultureInfo.InvariantCulture),
            });
            Add(command, "cursor_domain", domain);
        }

        var direction = query.Descending ? "DESC" : "ASC";
        command.CommandText = $"""
            SELECT domain, name, state, industry, employee_count, country, owner, fit_score, intent_score,
                   technologies, market_ids, version, updated_at, {sortExpression} AS sort_value,
                   priority_score, tier, failure_reason, explanation
            FROM rm_companies
            WHERE {where}
            ORDER BY {sortExpression} {direction}, domain {direction}
            LIMIT {limit + 1}
            """;

        var items = new List<CompanyListItem>();
        var sortValues = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(new CompanyListItem(
                    reader.GetString(0), reader.GetString(1), Enum.Parse<CompanyState>(reader.GetString(2)),
                    NullableString(reader, 3), reader.IsDBNull(4) ? null : Convert.ToInt32(reader.GetValue(4), CultureInfo.InvariantCulture),
                    NullableString(reader, 5), NullableString(reader, 6),
                    reader.IsDBNull(7) ? null : reader.GetDouble(7), reader.IsDBNull(8) ? null : reader.GetDouble(8),
                    Unpacked(reader.GetString(9)), Unpacked(reader.GetString(10)),
                    Convert.ToInt64(reader.GetValue(11), CultureInfo.InvariantCulture), ReadTime(reader, 12),
                    reader.IsDBNull(14) ? null : reader.GetDouble(14),
                    reader.IsDBNull(15) ? null : Convert.ToInt32(reader.GetValue(15), CultureInfo.InvariantCulture),
                    NullableString(reader, 16),
                    reader.IsDBNull(17) ? null : JsonSerializer.Deserialize<ScoreExplanation>(reader.GetString(17))));
                sortValues.Add(query.Sort == CompanySort.UpdatedAt
                    ? items[^1].UpdatedAt.ToString("O", CultureInfo.InvariantCulture)
                    : Convert.ToString(reader.GetValue(13), CultureInfo.InvariantCulture)!);
            }
        }

        string? next = null;
        if (items.Count > limit)
        {
            items.RemoveAt(limit);
            next = EncodeCursor(sortValues[limit - 1], items[^1].Domain);
        }

        return new CompanyPage(items, next);
    }

    public async Task<CompanyFunnel> FunnelAsync(string workspaceId, string? marketId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = new StringBuilder("workspace_id = @workspace_id");
        Add(command, "workspace_id", workspaceId);
        AddLike(command, where, "market_ids", "market", marketId is null ? null : $"%|{Escape(marketId.ToLowerInvariant())}|%");
        command.CommandText = $"SELECT state, COUNT(*) FROM rm_companies WHERE {where} GROUP BY state";
        var counts = Enum.GetValues<CompanyState>().ToDictionary(s => s, _ => 0);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[Enum.Parse<CompanyState>(reader.GetString(0))] = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
        }

        return new CompanyFunnel(workspaceId, marketId, counts, counts.Values.Sum());
    }

    /// <summary>Every scored company of a market with its priority and tier: what a market's tiers are rebuilt from.</summary>
    public async Task<IReadOnlyList<(string Domain, double Priority, int? Tier)>> PrioritiesAsync(string workspaceId, string marketId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT domain, priority_score, tier FROM rm_companies WHERE workspace_id = @workspace_id AND market_ids LIKE @market ESCAPE '\\' AND priority_score IS NOT NULL";
        Add(command, "workspace_id", workspaceId);
        Add(command, "market", $"%|{Escape(marketId.ToLowerInvariant())}|%");
        var rows = new List<(string, double, int?)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetString(0), reader.GetDouble(1), reader.IsDBNull(2) ? null : Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    /// <summary>Failed companies of a market, counted by failure reason (the words before any detail in parentheses).</summary>
    public async Task<IReadOnlyDictionary<string, int>> FailureReasonsAsync(string workspaceId, string? marketId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = new StringBuilder("workspace_id = @workspace_id AND state = 'Failed'");
        Add(command, "workspace_id", workspaceId);
        AddLike(command, where, "market_ids", "market", marketId is null ? null : $"%|{Escape(marketId.ToLowerInvariant())}|%");
        command.CommandText = $"SELECT COALESCE(failure_reason, 'unknown'), COUNT(*) FROM rm_companies WHERE {where} GROUP BY failure_reason";
        var counts = new Dictionary<string, int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var reason = reader.GetString(0).Split('(', 2)[0].Trim();
            counts[reason] = counts.GetValueOrDefault(reason) + Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
        }

        return counts;
    }

    /// <summary>Deletes a workspace's rows, before a rebuild from the grains.</summary>
    public async Task ClearAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM rm_companies WHERE workspace_id = @workspace_id";
        Add(command, "workspace_id", workspaceId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // Nulls sort as -1 so that keyset pagination compares plain values.
    private static (string Expression, bool IsText) SortColumn(CompanySort sort) => sort switch
    {
        CompanySort.Name => ("lower(name)", true),
        CompanySort.UpdatedAt => ("updated_at", true),
        CompanySort.FitScore => ("COALESCE(fit_score, -1)", false),
        CompanySort.IntentScore => ("COALESCE(intent_score, -1)", false),
        CompanySort.Priority => ("COALESCE(priority_score, -1)", false),
        _ => ("domain", true),
    };

    private static string Packed(IEnumerable<string> values)
        => "|" + string.Join("|", values.Select(v => v.ToLowerInvariant().Replace("|", "/", StringComparison.Ordinal))) + (values.Any() ? "|" : "");

    private static string[] Unpacked(string packed)
        => packed.Split('|', StringSplitOptions.RemoveEmptyEntries);

    private static string Escape(string term) => term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static void AddLike(DbCommand command, StringBuilder where, string column, string parameter, string? pattern)
    {
        if (pattern is null)
        {
            return;
        }

        where.Append(CultureInfo.InvariantCulture, $" AND {column} LIKE @{parameter} ESCAPE '\\'");
        Add(command, parameter, pattern);
    }

    private static void AddRange(DbCommand command, StringBuilder where, string column, string parameter, double? min, double? max)
    {
        if (min is not null)
        {
            where.Append(CultureInfo.InvariantCulture, $" AND {column} >= @{parameter}_min");
            Add(command, parameter + "_min", min);
        }

        if (max is not null)
        {
            where.Append(CultureInfo.InvariantCulture, $" AND {column} <= @{parameter}_max");
            Add(command, parameter + "_max", max);
        }
    }

    private static string EncodeCursor(string sortValue, string domain)
        => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new[] { sortValue, domain }));

    private static (string SortValue, string Domain) DecodeCursor(string cursor)
    {
        try
        {
            var parts = JsonSerializer.Deserialize<string[]>(Convert.FromBase64String(cursor));
            return parts is { Length: 2 } ? (parts[0], parts[1]) : throw new FormatException();
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw new ArgumentException("The cursor is not one this API returned.", nameof(cursor), e);
        }
    }

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        DateTimeOffset time => time,
        string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        var other => throw new InvalidCastException($"Unexpected time value {other}"),
    };

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
