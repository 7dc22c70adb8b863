using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SalesOS.Contracts.Companies;
using SalesOS.Contracts.Contacts;
using SalesOS.Contracts.Domain;

namespace SalesOS.Storage.ReadModel;

/// <summary>The contacts read model: upserts (newest version wins), deletes erased contacts, answers filtered pages.</summary>
public sealed class ContactReadModel(ReadModelDatabase database)
{
    private const string UpsertSql = """
        INSERT INTO rm_contacts (workspace_id, identity, state, email, first_name, last_name, title, seniority, department,
            company_domain, tier, sequence_id, version, updated_at, search_text, priority_score, explanation)
        VALUES (@workspace_id, @identity, @state, @email, @first_name, @last_name, @title, @seniority, @department,
            @company_domain, @tier, @sequence_id, @version, @updated_at, @search_text, @priority_score, @explanation)
        ON CONFLICT (workspace_id, identity) DO UPDATE SET
            state = excluded.state, email = excluded.email, first_name = excluded.first_name, last_name = excluded.last_name,
            title = excluded.title, seniority = excluded.seniority, department = excluded.department,
            company_domain = excluded.company_domain, tier = excluded.tier, sequence_id = excluded.sequence_id,
            version = excluded.version, updated_at = excluded.updated_at, search_text = excluded.search_text,
            priority_score = excluded.priority_score, explanation = excluded.explanation
        WHERE rm_contacts.version < excluded.version
        """;

    /// <summary>Applies a batch: snapshots are upserted, erasures (null snapshot) delete the row. Returns the identities whose row changed.</summary>
    public async Task<IReadOnlyCollection<string>> ApplyAsync(IReadOnlyCollection<(string WorkspaceId, string Identity, ContactSnapshot? Contact)> changes, CancellationToken cancellationToken = default)
    {
        var changed = new List<string>();
        if (changes.Count == 0)
        {
            return changed;
        }

        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (workspaceId, identity, contact) in changes)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            if (contact is null)
            {
                command.CommandText = "DELETE FROM rm_contacts WHERE workspace_id = @workspace_id AND identity = @identity";
                Add(command, "workspace_id", workspaceId);
                Add(command, "identity", identity);
            }
            else
            {
                command.CommandText = UpsertSql;
                Add(command, "workspace_id", contact.WorkspaceId);
                Add(command, "identity", contact.Identity);
                Add(command, "state", contact.State.ToString());
                Add(command, "email", contact.Email);
                Add(command, "first_name", contact.FirstName);
                Add(command, "last_name", contact.LastName);
                Add(command, "title", contact.Title);
                Add(command, "seniority", contact.Seniority);
                Add(command, "department", contact.Department);
                Add(command, "company_domain", contact.CompanyDomain);
                Add(command, "tier", contact.Tier);
                Add(command, "sequence_id", contact.SequenceId);
                Add(command, "version", contact.Version);
                Add(command, "updated_at", contact.UpdatedAt.ToUniversalTime());
                Add(command, "search_text", $"{contact.FirstName} {contact.LastName} {contact.Email} {contact.Title}".ToLowerInvariant());
                Add(command, "priority_score", contact.Priority?.Score);
                Add(command, "explanation", contact.Priority is null ? null : JsonSerializer.Serialize(contact.Priority));
            }

            if (await command.ExecuteNonQueryAsync(cancellationToken) > 0)
            {
                changed.Add(identity);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    /// <summary>Deletes a workspace's rows, before a rebuild from the grains.</summary>
    public async Task ClearAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM rm_contacts WHERE workspace_id = @workspace_id";
        Add(command, "workspace_id", workspaceId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ContactPage> QueryAsync(ContactQuery query, CancellationToken cancellationToken = default)
    {
        var limit = Math.Clamp(query.Limit, 1, CompanyReadModel.MaxLimit);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = new StringBuilder("workspace_id = @workspace_id");
        Add(command, "workspace_id", query.WorkspaceId);
        if (query.State is { } state)
        {
            where.Append(" AND state = @state");
            Add(command, "state", state.ToString());
        }

        if (query.Tier is { } tier)
        {
            where.Append(" AND tier = @tier");
            Add(command, "tier", tier);
        }

        if (query.CompanyDomain is not null)
        {
            where.Append(" AND company_domain = @company_domain");
            Add(command, "company_domain", query.CompanyDomain.ToLowerInvariant());
        }

        if (query.Search is not null)
        {
            where.Append(" AND search_text LIKE @search ESCAPE '\\'");
            var term = query.Search.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
            Add(command, "search", $"%{term}%");
        }

        if (query.MarketId is not null)
        {
            where.Append(" AND company_domain IN (SELECT domain FROM rm_companies c WHERE c.workspace_id = @workspace_id AND c.market_ids LIKE @market ESCAPE '\\')");
            var market = query.MarketId.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
            Add(command, "market", $"%|{market}|%");
        }

        string order;
        if (query.ByPriority)
        {
            // Highest priority first; the cursor is "priority|identity".
            where.Append(" AND priority_score IS NOT NULL");
            if (query.Cursor is not null)
            {
                var parts = Encoding.UTF8.GetString(DecodeCursor(query.Cursor)).Split('|', 2);
                if (parts.Length != 2 || !double.TryParse(parts[0], CultureInfo.InvariantCulture, out var priority))
                {
                    throw new ArgumentException("The cursor is not one this API returned.", nameof(query));
                }

                where.Append(" AND (priority_score < @cursor_priority OR (priority_score = @cursor_priority AND identity > @cursor))");
                Add(command, "cursor_priority", priority);
                Add(command, "cursor", parts[1]);
            }

            order = "priority_score DESC, identity";
        }
        else
        {
            if (query.Cursor is not null)
            {
                where.Append(" AND identity > @cursor");
                Add(command, "cursor", Encoding.UTF8.GetString(DecodeCursor(query.Cursor)));
            }

            order = "identity";
        }

        command.CommandText = $"""
            SELECT identity, state, email, first_name, last_name, title, company_domain, tier, version, priority_score, explanation, seniority, department
            FROM rm_contacts WHERE {where} ORDER BY {order} LIMIT {limit + 1}
            """;
        var items = new List<ContactListItem>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(new ContactListItem(
                    reader.GetString(0), Enum.Parse<ContactState>(reader.GetString(1)), Text(reader, 2), Text(reader, 3), Text(reader, 4),
                    Text(reader, 5), Text(reader, 6), reader.IsDBNull(7) ? null : Convert.ToInt32(reader.GetValue(7), CultureInfo.InvariantCulture),
                    Convert.ToInt64(reader.GetValue(8), CultureInfo.InvariantCulture),
                    reader.IsDBNull(9) ? null : reader.GetDouble(9),
                    reader.IsDBNull(10) ? null : JsonSerializer.Deserialize<ScoreExplanation>(reader.GetString(10)),
                    Text(reader, 11), Text(reader, 12)));
            }
        }

        string? next = null;
        if (items.Count > limit)
        {
            items.RemoveAt(limit);
            var last = items[^1];
            next = Convert.ToBase64String(Encoding.UTF8.GetBytes(query.ByPriority
                ? $"{last.Priority!.Value.ToString("R", CultureInfo.InvariantCulture)}|{last.Identity}"
                : last.Identity));
        }

        return new ContactPage(items, next);
    }

    private static byte[] DecodeCursor(string cursor)
    {
        try
        {
            return Convert.FromBase64String(cursor);
        }
        catch (FormatException e)
        {
            throw new ArgumentException("The cursor is not one this API returned.", nameof(cursor), e);
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
