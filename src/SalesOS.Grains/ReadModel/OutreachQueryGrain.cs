using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;
using SalesOS.Contracts.Outreach;
using SalesOS.Grains.Outreach.Mailboxes;
using SalesOS.Storage.ReadModel;

namespace SalesOS.Grains.ReadModel;

/// <summary>
/// Answers "how is outreach doing?" from the sends table: emails sent, delivered, opened, clicked and
/// replied with their rates, per week and per sequence step and A/B variant, steps per channel,
/// unsubscribes, the cost per email (mailbox costs over the period), and the spec's targets beside them.
/// </summary>
[StatelessWorker]
public sealed class OutreachQueryGrain(OutreachReadModel readModel, MailboxDirectory mailboxes, [FromKeyedServices(DomainClock.Key)] TimeProvider time) : Grain, IOutreachQueryGrain
{
    public async Task<OutreachOverview> Overview(OutreachQuery query)
    {
        var to = time.GetUtcNow().AddSeconds(1);
        var from = to.AddDays(-Math.Clamp(query.Days, 1, 366));
        var variants = await readModel.VariantsAsync(query, from, to);
        var emails = await readModel.EmailsAsync(query, from, to);
        var unsubscribed = await readModel.UnsubscribedAsync(query, from, to);
        var emailVariants = variants.Where(v => v.Channel == nameof(OutreachChannel.Email)).Select(v => v.Figures).ToList();
        var totals = new EmailFigures(emailVariants.Sum(f => f.Sent), emailVariants.Sum(f => f.Bounced), emailVariants.Sum(f => f.Opened),
            emailVariants.Sum(f => f.Clicked), emailVariants.Sum(f => f.Replied), emailVariants.Sum(f => f.Interested));
        var byChannel = variants.GroupBy(v => v.Channel).ToDictionary(g => g.Key, g => g.Sum(v => v.Figures.Sent), StringComparer.Ordinal);
        var weeks = emails
            .GroupBy(e => WeekOf(e.SentAt))
            .OrderBy(g => g.Key)
            .Select(g => new WeekFigures(g.Key, new EmailFigures(g.Count(), g.Count(e => e.Bounced), g.Count(e => e.Opened), g.Count(e => e.Clicked), g.Count(e => e.Replied), g.Count(e => e.Interested))))
            .ToList();

        var days = (to - from).TotalDays;
        var cost = mailboxes.For(query.WorkspaceId).Sum(m => m.Options.MonthlyCost) * (decimal)(days / 30.0);
        decimal? costPerEmail = totals.Sent == 0 ? null : Math.Round(cost / totals.Sent, 4);
        var perWeek = totals.Sent / (days / 7.0);
        var notes = new List<string>();
        if (cost == 0)
        {
            notes.Add("No mailbox has a MonthlyCost configured, so the cost per email counts nothing (SalesOS:Outreach:Mailboxes:N:MonthlyCost).");
        }

        if (totals.Delivered < 100)
        {
            notes.Add($"Only {totals.Delivered} delivered emails in the period: rates this small move a lot with each reply.");
        }

        var targets = new List<MetricTarget>
        {
            new("emails sent per week", Math.Round(perWeek, 1), "100+", perWeek >= 100, "emails/week"),
            new("open rate", Math.Round(totals.OpenRate, 4), "25-35 %", totals.OpenRate >= 0.25, "share"),
            new("reply rate", Math.Round(totals.ReplyRate, 4), "5-10 %", totals.ReplyRate >= 0.05, "share"),
            new("click rate", Math.Round(totals.ClickRate, 4), "2-5 %", totals.ClickRate >= 0.02, "share"),
            new("cost per email", (double)(costPerEmail ?? 0), "< $0.10", costPerEmail is null || costPerEmail < 0.10m, "USD"),
        };
        return new OutreachOverview(query, from, to, totals, byChannel, weeks, variants, unsubscribed, Math.Round(cost, 2), costPerEmail, targets, notes);
    }

    private static DateOnly WeekOf(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        var offset = ((int)day.DayOfWeek + 6) % 7;
        return day.AddDays(-offset);
    }
}
