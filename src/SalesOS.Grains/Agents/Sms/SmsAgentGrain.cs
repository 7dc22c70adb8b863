using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Outreach;
using SalesOS.Contracts.Workspaces;
using SalesOS.Grains.Outreach;
using SalesOS.Grains.Outreach.Tracking;
using SalesOS.Outreach.Messages;
using SalesOS.Outreach.Ports;

namespace SalesOS.Grains.Agents.Sms;

[Alias("SalesOS.Agents.ISmsAgentGrain")]
public interface ISmsAgentGrain : IChannelAgentGrain;

/// <summary>
/// The SMS agent: sends a step's text (with the opt-out line the law expects) through the SMS gateway
/// (a Twilio-compatible API, or the outbox folder offline), with the same exactly-once hand-off as
/// email: recorded on the contact first, reconciled against the provider's message list after a crash.
/// Delivery reports and replies come back through the telephony callbacks.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class SmsAgentGrain(
    ISmsGateway gateway,
    MessageTemplates templates,
    OutreachLinks links,
    [FromKeyedServices(DomainClock.Key)] TimeProvider time,
    ILogger<SmsAgentGrain> logger) : Grain, ISmsAgentGrain
{
    private const string Actor = "agent:sms";
    private const string OptOut = "Reply STOP to opt out.";

    public Task Run(StepDispatch dispatch)
        => ChannelAgentRun.ReportAsync(GrainFactory, dispatch, Actor, "SMS", () => TimeSpan.FromMinutes(10), time, logger, outreach => RunAsync(dispatch, outreach));

    private async Task<StepReport?> RunAsync(StepDispatch dispatch, IContactOutreachGrain outreach)
    {
        if (await ChannelStep.LoadAsync(GrainFactory, dispatch, templates, links) is not { } step)
        {
            return null;
        }

        if (step.Contact.Phone is not { } phone)
        {
            return new StepReport(dispatch.SendId, StepOutcome.Skipped, "the contact has no phone number");
        }

        var workspace = GrainFactory.GetGrain<IWorkspaceGrain>(step.WorkspaceId);
        if (await workspace.CheckRecipient(null, phone) is { } blocked)
        {
            return new StepReport(dispatch.SendId, StepOutcome.Failed, $"not sent: {blocked}");
        }

        var body = step.Text.Contains("STOP", StringComparison.Ordinal) ? step.Text : $"{step.Text.TrimEnd()}\n{OptOut}";
        var reference = links.Tokens.Issue(new SalesOS.Outreach.Tracking.TrackingToken(SalesOS.Outreach.Tracking.TrackingTokenKind.MessageId, step.WorkspaceId, step.Identity, dispatch.SendId));
        var sms = new OutboundSms(phone, null, body, links.Public($"/hooks/telephony/sms-status?ref={reference}"), dispatch.SendId);
        switch (await outreach.BeginHandOff(dispatch.SendId, dispatch.SendId, gateway.Name))
        {
            case HandOffPermit.Go:
                return await SendAsync(dispatch, workspace, step, sms);
            case HandOffPermit.Reconcile:
                return await gateway.FindSentAsync(sms, time.GetUtcNow() - TimeSpan.FromDays(2), CancellationToken.None) switch
                {
                    SentCopy.Found => new StepReport(dispatch.SendId, StepOutcome.Sent, $"found at {gateway.Name} after a restart; not sent again", Sender: gateway.Name),
                    SentCopy.NotFound => await SendAsync(dispatch, workspace, step, sms),
                    _ => new StepReport(dispatch.SendId, StepOutcome.SentUnverified, $"a hand-off to {gateway.Name} was interrupted and cannot be checked: not sent again", Sender: gateway.Name),
                };
            default:
                return null;
        }
    }

    private async Task<StepReport> SendAsync(StepDispatch dispatch, IWorkspaceGrain workspace, ChannelStep step, OutboundSms sms)
    {
        if (await workspace.CheckRecipient(null, sms.To) is { } blocked)
        {
            return new StepReport(dispatch.SendId, StepOutcome.Failed, $"not sent: {blocked}");
        }

        // Replies to this number find the contact.
        await GrainFactory.GetGrain<IPhoneRouteGrain>(WorkspaceKey.For(step.WorkspaceId, sms.To)).Set(step.Identity);
        var handOff = await gateway.SendAsync(sms, CancellationToken.None);
        return handOff.Outcome switch
        {
            HandOffOutcome.Accepted => new StepReport(dispatch.SendId, StepOutcome.Sent, $"{gateway.Name}: {handOff.Status} ({handOff.Detail})", Sender: gateway.Name, ProviderId: handOff.ProviderMessageId),
            HandOffOutcome.Rejected => new StepReport(dispatch.SendId, StepOutcome.Failed, $"{gateway.Name} refused it: {handOff.Detail}"),
            HandOffOutcome.Unknown => new StepReport(dispatch.SendId, StepOutcome.Deferred, $"{gateway.Name} may or may not have taken it ({handOff.Detail}); the next try looks for it first",
                time.GetUtcNow() + TimeSpan.FromMinutes(15), MayHaveSent: true),
            _ => new StepReport(dispatch.SendId, StepOutcome.Deferred, $"{gateway.Name} did not take it: {handOff.Detail}", time.GetUtcNow() + TimeSpan.FromMinutes(15)),
        };
    }
}
