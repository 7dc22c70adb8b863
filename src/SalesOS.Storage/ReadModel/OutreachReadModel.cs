using System.Data.Common;
using System.Globalization;
using System.Text;
using SalesOS.Contracts.Contacts;
using SalesOS.Contracts.Outreach;

namespace SalesOS.Storage.ReadModel;

/// <summary>
/// The outreach read model: every step a sequence ran, with what came of it (opened, clicked, replied,
/// bounced), upserted from contact snapshots (newest contact version wins), and the figures the
/// success metrics are made of.
/// </summary>
public sealed class OutreachReadModel(ReadModelDatabase database)
{
    private const string UpsertSql = """
        INSERT INTO rm_sends (workspace_id, send_id, contact_identity, company_domain, market_id, sequence_id, step, variant_id, channel, outcome,
            sender, sent_at, opened_at, clicked_at, replied_at, reply_kind, cost, version)
        VALUES (@workspace_id, @send_id, @contact_identity, @company_domain, @market_id, @sequence_id, @step, @variant_id, @channel, @outcome,
            @sender, @sent_at, @opened_at, @clicked_at, @replied_at, @reply_kind, @cost, @version)
        ON CONFLICT (workspace_id, send_id) DO UPDATE SET
            outcome = excluded.outcome, sender = excluded.sender, opened_at = excluded.opened_at, clicked_at = excluded.clicked_at,
            replied_at = excluded.replied_at, reply_kind = excluded.reply_kind, cost = excluded.cost, version = excluded.version
        WHERE rm_sends.version < excluded.version
        """;

    private static readonly string[] Counted = [nameof(StepOutcome.Sent), nameof(StepOutcome.SentUnverified), nameof(StepOutcome.Bounced)];

    /// <summary>Upserts the steps of each contact's current enrolment. Returns the contacts whose rows changed.</summary>
    public async Task<IReadOnlyCollection<string>> ApplyAsync(IReadOnlyCollection<ContactSnapshot> contacts, CancellationToken cancellationToken = default)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        var withSteps = contacts.Where(c => c.Enrollment is { Steps.Count: > 0 }).ToList();
        if (withSteps.Count == 0)
        {
            return changed;
        }

        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var contact in withSteps)
        {
            var enrollment = contact.Enrollment!;
            foreach (var run in enrollment.Steps.Where(s => s.Outcome != StepOutcome.Skipped))
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = UpsertSql;
                Add(command, "workspace_id", contact.WorkspaceId);
                Add(command, "send_id", run.SendId);
                Add(command, "contact_identity", contact.Identity);
                Add(command, "company_domain", contact.CompanyDomain);
                Add(command, "market_id", enrollment.MarketId);
                Add(command, "sequence_id", enrollment.SequenceId);
                Add(command, "step", run.Step);
                Add(command, "variant_id", run.VariantId);
                Add(command, "channel", run.Channel.ToString());
                Add(command, "outcome", run.Outcome.ToString());
                Add(command, "sender", run.Sender);
                Add(command, "sent_at", run.At.ToUniversalTime());
                Add(command, "opened_at", run.OpenedAt?.ToUniversalTime());
                Add(command, "clicked_at", run.ClickedAt?.ToUniversalTime());
                Add(command, "replied_at", run.RepliedAt?.ToUniversalTime());
                // The reply to this step; runs stored before steps kept their own reply kind fall back to the contact's latest.
                Add(command, "reply_kind", run.RepliedAt is null ? null : (run.ReplyKind ?? contact.LastReply)?.ToString());
                Add(command, "cost", 0.0);
                Add(command, "version", contact.Version);
                if (await command.ExecuteNonQueryAsync(cancellationToken) > 0)
                {
                    changed.Add(contact.Identity);
                }
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    /// <summary>Deletes a contact's rows (GDPR erasure).</summary>
    public async Task DeleteAsync(string workspaceId, string contactIdentity, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM rm_sends WHERE workspace_id = @workspace_id AND contact_identity = @contact_identity";
        Add(command, "workspace_id", workspaceId);
        Add(command, "contact_identity", contactIdentity);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Emails of the slice, by sequence, step and variant (the A/B results); the totals are their sum.</summary>
    public async Task<IReadOnlyList<VariantFigures>> VariantsAsync(OutreachQuery query, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = Where(command, query, from, to, emailsOnly: false);
        command.CommandText = $"""
            SELECT sequence_id, step, variant_id, channel, COUNT(*),
                SUM(CASE WHEN outcome = 'Bounced' THEN 1 ELSE 0 END),
                SUM(CASE WHEN opened_at IS NOT NULL THEN 1 ELSE 0 END),
                SUM(CASE WHEN clicked_at IS NOT NULL THEN 1 ELSE 0 END),
                SUM(CASE WHEN replied_at IS NOT NULL THEN 1 ELSE 0 END),
                SUM(CASE WHEN reply_kind = 'Interested' THEN 1 ELSE 0 END)
            FROM rm_sends WHERE {where} AND outcome IN ('Sent', 'SentUnverified', 'Bounced', 'TaskDone')
            GROUP BY sequence_id, step, variant_id, channel
            ORDER BY sequence_id, step, variant_id
            """;
        var rows = new List<VariantFigures>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new VariantFigures(reader.GetString(0), Int(reader, 1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3),
                new EmailFigures(Int(reader, 4), Int(reader, 5), Int(reader, 6), Int(reader, 7), Int(reader, 8), Int(reader, 9))));
        }

        return rows;
    }

    /// <summary>The send time and engagement of every email of the slice, for per-week figures (grouped in code: date functions differ by dialect).</summary>
    public async Task<IReadOnlyList<(DateTimeOffset SentAt, bool Bounced, bool Opened, bool Clicked, bool Replied, bool Interested)>> EmailsAsync(OutreachQuery query, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = Where(command, query, from, to, emailsOnly: true);
        command.CommandText = $"SELECT sent_at, outcome, opened_at IS NOT NULL, clicked_at IS NOT NULL, replied_at IS NOT NULL, reply_kind FROM rm_sends WHERE {where}";
        var rows = new List<(DateTimeOffset, bool, bool, bool, bool, bool)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1) == nameof(StepOutcome.Bounced), Bool(reader, 2), Bool(reader, 3), Bool(reader, 4),
                !reader.IsDBNull(5) && reader.GetString(5) == "Interested"));
        }

        return rows;
    }

    /// <summary>People of the slice who unsubscribed (their contact is Unsubscribed and was reached in the period).</summary>
    public async Task<int> UnsubscribedAsync(OutreachQuery query, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = Where(command, query, from, to, emailsOnly: false);
        command.CommandText = $"""
            SELECT COUNT(*) FROM rm_contacts c
            WHERE c.workspace_id = @workspace_id AND c.state = 'Unsubscribed'
              AND EXISTS (SELECT 1 FROM rm_sends WHERE {where} AND rm_sends.contact_identity = c.identity)
            """;
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static string Where(DbCommand command, OutreachQuery query, DateTimeOffset from, DateTimeOffset to, bool emailsOnly)
    {
        var where = new StringBuilder("rm_sends.workspace_id = @workspace_id AND rm_sends.sent_at >= @from AND rm_sends.sent_at < @to");
        Add(command, "workspace_id", query.WorkspaceId);
        Add(command, "from", from.ToUniversalTime());
        Add(command, "to", to.ToUniversalTime());
        if (emailsOnly)
        {
            where.Append(" AND rm_sends.channel = 'Email' AND rm_sends.outcome IN (").Append(string.Join(", ", Counted.Select(c => "'" + c + "'"))).Append(')');
        }

        if (query.MarketId is not null)
        {
            where.Append(" AND rm_sends.market_id = @market_id");
            Add(command, "market_id", query.MarketId);
        }

        if (query.SequenceId is not null)
        {
            where.Append(" AND rm_sends.sequence_id = @sequence_id");
            Add(command, "sequence_id", query.SequenceId);
        }

        return where.ToString();
    }

    private static int Int(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? 0 : Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    private static bool Bool(DbDataReader reader, int ordinal) => Convert.ToBoolean(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
