using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using SalesOS.Contracts.Companies;
using SalesOS.Contracts.Contacts;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Errors;
using SalesOS.Contracts.Outreach;

namespace SalesOS.Grains.Agents.Sequencing;

[Alias("SalesOS.Agents.ISequencerWorkerGrain")]
public interface ISequencerWorkerGrain : IGrainWithIntegerKey
{
    /// <summary>Enrols the scored contact in its company's sequence (ignored when it moved on since <paramref name="version"/>).</summary>
    [Alias("Enroll"), OneWay]
    Task Enroll(string contactKey, long version);
}

/// <summary>
/// Enrols a scored contact in the sequence its company's tier plan names, over the plan's channels, in
/// the time zone of the company's country; then moves the company into outreach. Idempotent: a
/// repeated event finds the contact enrolled already.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class SequencerWorkerGrain(ILogger<SequencerWorkerGrain> logger) : Grain, ISequencerWorkerGrain
{
    private const string Actor = "agent:sequencer";

    public async Task Enroll(string contactKey, long version)
    {
        var (workspaceId, identity) = WorkspaceKey.Parse(contactKey);
        var contact = await GrainFactory.GetGrain<IContactGrain>(contactKey).Get();
        if (contact is null || contact.Version != version || contact.State != ContactState.Scored || contact.CompanyDomain is null)
        {
            return;
        }

        var settings = await GrainFactory.GetGrain<IOutreachPlaybookGrain>(workspaceId).GetSettings();
        if (!settings.AutoEnroll)
        {
            return;
        }

        var companyGrain = GrainFactory.GetGrain<ICompanyGrain>(WorkspaceKey.For(workspaceId, contact.CompanyDomain));
        var company = await companyGrain.Get();
        if (company?.SequenceId is not { } sequenceId)
        {
            return;
        }

        var channels = (company.Channels ?? []).Select(Channel).OfType<OutreachChannel>().Distinct().ToList();
        try
        {
            await GrainFactory.GetGrain<IContactOutreachGrain>(contactKey).Enroll(
                new EnrollmentRequest(sequenceId, company.MarketIds.Count > 0 ? company.MarketIds[0] : null, channels.Count > 0 ? channels : null, Country: company.Country),
                new CommandContext(Actor, $"enrol:{identity}:{version}", $"Tier {company.Tier} plan of {company.Name}"));
        }
        catch (Exception e) when (e is CommandRejectedException or TransitionRefusedException)
        {
            logger.LogInformation("Contact {Contact} was not enrolled: {Reason}", contactKey, e.Message);
            return;
        }

        if (company.State == CompanyState.Scored)
        {
            try
            {
                await companyGrain.Transition(CompanyTrigger.StartOutreach, new CommandContext(Actor, $"outreach:{company.Domain}", $"{contact.FirstName} {contact.LastName} enrolled in {sequenceId}".Trim()));
            }
            catch (TransitionRefusedException)
            {
                // Another contact's enrolment moved the company first.
            }
        }
    }

    private static OutreachChannel? Channel(string name) => name.ToLowerInvariant() switch
    {
        "email" => OutreachChannel.Email,
        "linkedin" => OutreachChannel.LinkedIn,
        "phone" or "call" or "voice" => OutreachChannel.Phone,
        "sms" => OutreachChannel.Sms,
        _ => null,
    };
}
