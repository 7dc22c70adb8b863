using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Outreach;
using SalesOS.Grains.Outreach;
using SalesOS.Grains.Outreach.Tasks;
using SalesOS.Outreach.Messages;
using SalesOS.Outreach.Sequences;

namespace SalesOS.Grains.Agents.LinkedIn;

[Alias("SalesOS.Agents.ILinkedInAgentGrain")]
public interface ILinkedInAgentGrain : IChannelAgentGrain;

/// <summary>
/// The LinkedIn agent. LinkedIn has no public messaging API, so each LinkedIn step (view the profile,
/// connect with a note, send a message) becomes a task in the reps' "linkedin" queue, written out ready
/// to paste, planned within the workspace's daily limit per action. Done or skipped via the API, it moves
/// the sequence on; left undone it expires and the sequence moves on without it.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class LinkedInAgentGrain(
    MessageTemplates templates,
    OutreachLinks links,
    [FromKeyedServices(DomainClock.Key)] TimeProvider time,
    ILogger<LinkedInAgentGrain> logger) : Grain, ILinkedInAgentGrain
{
    private const string Actor = "agent:linkedin";

    // LinkedIn's limit on a connection note.
    private const int ConnectNoteLength = 300;

    public Task Run(StepDispatch dispatch)
        => ChannelAgentRun.ReportAsync(GrainFactory, dispatch, Actor, "LinkedIn", () => TimeSpan.FromMinutes(30), time, logger,
            async _ => await ChannelStep.LoadAsync(GrainFactory, dispatch, templates, links) is { } step ? await TaskAsync(dispatch, step) : null);

    private async Task<StepReport> TaskAsync(StepDispatch dispatch, ChannelStep step)
    {
        if (step.Contact.LinkedInUrl is not { } profile)
        {
            return new StepReport(dispatch.SendId, StepOutcome.Skipped, "the contact has no LinkedIn profile");
        }

        if (await GrainFactory.GetGrain<SalesOS.Contracts.Workspaces.IWorkspaceGrain>(step.WorkspaceId).CheckRecipient(step.Contact.Email, step.Contact.Phone) is { } blocked)
        {
            return new StepReport(dispatch.SendId, StepOutcome.Failed, $"no task created: {blocked}");
        }

        var action = step.Step.LinkedInAction ?? LinkedInAction.ViewProfile;
        var name = $"{step.Contact.FirstName} {step.Contact.LastName}".Trim();
        var (verb, limit, instructions) = action switch
        {
            LinkedInAction.Connect => ("connect", step.Settings.LinkedInConnectsPerDay,
                $"Send {name} a connection request{(step.Text.Length == 0 ? "." : $" with this note:\n\n{Note(step.Text)}")}"),
            LinkedInAction.Message => ("message", step.Settings.LinkedInMessagesPerDay, $"Message {name}:\n\n{step.Text}"),
            _ => ("view-profile", step.Settings.LinkedInProfileViewsPerDay, $"View {name}'s profile ({step.Contact.Title} at {step.Company?.Name ?? step.Contact.CompanyDomain})."),
        };
        var zone = ProspectTimeZones.TryParseZone(dispatch.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var task = new RepTask(dispatch.SendId, step.WorkspaceId, RepTaskQueues.LinkedIn, step.Identity, name, step.Contact.CompanyDomain, verb,
            $"{instructions}\n\nProfile: {profile}", SendWindows.LocalDate(time.GetUtcNow(), zone), time.GetUtcNow(), RepTaskQueues.Open,
            LinkedInUrl: profile, Phone: step.Contact.Phone, SendId: dispatch.SendId);
        var added = await GrainFactory.GetGrain<IRepTaskQueueGrain>(WorkspaceKey.For(step.WorkspaceId, RepTaskQueues.LinkedIn)).Add(task, limit);
        return new StepReport(dispatch.SendId, StepOutcome.TaskCreated, $"LinkedIn {verb} task for a rep, due {added.DueOn:yyyy-MM-dd} (at most {limit} a day)",
            new DateTimeOffset(added.DueOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), ProviderId: added.TaskId);
    }

    private static string Note(string text) => text.Length <= ConnectNoteLength ? text : text[..(ConnectNoteLength - 1)].TrimEnd() + "…";
}
