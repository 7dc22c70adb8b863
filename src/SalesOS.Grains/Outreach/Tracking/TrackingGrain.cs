using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using SalesOS.Contracts.Contacts;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Outreach;
using SalesOS.Contracts.Workspaces;
using SalesOS.Domain.Identity;
using SalesOS.Grains.Outreach.Tasks;
using SalesOS.Integrations.Telephony;
using SalesOS.Outreach.Ports;
using SalesOS.Outreach.Tracking;

namespace SalesOS.Grains.Outreach.Tracking;

/// <summary>
/// Verifies and applies what the public endpoints receive. Opens and clicks are judged (security
/// scanners, prefetchers and link checkers are recorded as machines, never as people) and recorded on
/// the contact; a click redirects only to the URL its signed token carries; an unsubscribe takes the
/// person out of every sequence and onto the suppression list at once; telephony callbacks are checked
/// against the provider's signature before anything is recorded.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class TrackingGrain(
    OutreachLinks links,
    EngagementFilter filter,
    IWebhookSignatureValidator signatures,
    IReplyIntentClassifier replies,
    [FromKeyedServices(DomainClock.Key)] TimeProvider time,
    ILogger<TrackingGrain> logger) : Grain, ITrackingGrain
{
    private const string Actor = "agent:engagement";
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase) { "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE", "STOP ALL" };

    public Task<TrackingAnswer> Open(string token, string? userAgent, string method)
        => TouchAsync(token, TrackingTokenKind.Open, EngagementKind.Open, TouchType.Open, userAgent, method);

    public Task<TrackingAnswer> Click(string token, string? userAgent, string method)
        => TouchAsync(token, TrackingTokenKind.Click, EngagementKind.Click, TouchType.Click, userAgent, method);

    public async Task<TrackingAnswer> Unsubscribe(string token, bool oneClick)
    {
        if (!links.Tokens.TryRead(token, TrackingTokenKind.Unsubscribe, out var read))
        {
            return new TrackingAnswer(false, null, "This unsubscribe link is not one we sent; nothing was changed.");
        }

        // Suppressed whatever became of the contact since: the address never gets mail from us again.
        var workspace = GrainFactory.GetGrain<IWorkspaceGrain>(read.WorkspaceId);
        var how = oneClick ? "one-click unsubscribe (RFC 8058)" : "unsubscribe link";
        await workspace.Suppress(read.ContactIdentity, how);
        if (read.ContactIdentity.StartsWith(ContactIdentity.EmailPrefix, StringComparison.Ordinal))
        {
            await workspace.Suppress(read.ContactIdentity[ContactIdentity.EmailPrefix.Length..], how);
        }

        await GrainFactory.GetGrain<IContactOutreachGrain>(WorkspaceKey.For(read.WorkspaceId, read.ContactIdentity)).Unsubscribe(how, new CommandContext("prospect"));
        return new TrackingAnswer(true, null, "You are unsubscribed and will not receive these emails again.");
    }

    public async Task<TrackingAnswer> Telephony(string kind, string pathAndQuery, IReadOnlyList<KeyValuePair<string, string>> form, string? signature)
    {
        var url = links.Public(pathAndQuery);
        if (!signatures.IsValid(url, form, signature))
        {
            logger.LogWarning("Telephony callback {Kind} to {Url} refused: bad signature", kind, url);
            return new TrackingAnswer(false, null, "The callback's signature does not verify.");
        }

        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        var send = query["ref"] is { } reference && links.Tokens.TryRead(reference, TrackingTokenKind.MessageId, out var token) ? token : null;
        return kind switch
        {
            "sms-status" => await ChannelAsync(send, TwilioWebhooks.ReadSmsStatus(form), r => ($"sms-{r.Status}", $"SMS {r.Status}{(r.ErrorCode is null ? "" : $" (error {r.ErrorCode}: {r.ErrorMessage})")}", r.ProviderMessageId, false)),
            "call-status" => await ChannelAsync(send, TwilioWebhooks.ReadCallStatus(form), r => ($"call-{r.Status}", $"call {r.Status}{(r.DurationSeconds is { } d ? $", {d} s" : "")}{(r.AnsweredBy is null ? "" : $", answered by {r.AnsweredBy}")}", r.ProviderCallId, r.Status is "in-progress" or "completed" && r.DurationSeconds is null or > 0 && r.AnsweredBy is null or "human")),
            "recording" => await ChannelAsync(send, TwilioWebhooks.ReadRecording(form), r => ("call-recording", $"recording {r.RecordingUrl} ({r.DurationSeconds} s)", r.RecordingId, false)),
            "transcription" => await TranscriptAsync(send, TwilioWebhooks.ReadTranscript(form)),
            "sms-inbound" => await InboundSmsAsync(query["workspace"], TwilioWebhooks.ReadInboundSms(form)),
            _ => new TrackingAnswer(false, null, $"Unknown callback kind '{kind}'."),
        };
    }

    private async Task<TrackingAnswer> TouchAsync(string token, TrackingTokenKind tokenKind, EngagementKind kind, TouchType type, string? userAgent, string method)
    {
        if (!links.Tokens.TryRead(token, tokenKind, out var read))
        {
            return new TrackingAnswer(false, null, "not a token of ours");
        }

        if (type == TouchType.Click && !(Uri.TryCreate(read.TargetUrl, UriKind.Absolute, out var target) && target.Scheme is "http" or "https"))
        {
            return new TrackingAnswer(false, null, "the link's target is not a web address");
        }

        var outreach = GrainFactory.GetGrain<IContactOutreachGrain>(WorkspaceKey.For(read.WorkspaceId, read.ContactIdentity));
        var now = time.GetUtcNow();
        var sentAt = (await outreach.GetEnrollment())?.Steps.FirstOrDefault(s => s.SendId == read.SendId)?.At ?? now - TimeSpan.FromDays(1);
        var judgement = filter.Judge(kind, userAgent, method, sentAt, now);
        await outreach.RecordTouch(new EngagementTouch(read.SendId, type, now, judgement.IsMachine, $"{judgement.Reason} ({Truncate(userAgent, 160)})", read.TargetUrl), new CommandContext(Actor));
        return new TrackingAnswer(true, read.TargetUrl, judgement.IsMachine ? $"machine: {judgement.Reason}" : "recorded");
    }

    private async Task<TrackingAnswer> ChannelAsync<T>(TrackingToken? send, WebhookReading<T> reading, Func<T, (string Kind, string Detail, string ProviderId, bool Connected)> describe)
        where T : class
    {
        if (reading.Report is not { } report)
        {
            return new TrackingAnswer(false, null, reading.Refusal ?? "incomplete callback");
        }

        if (send is null)
        {
            return new TrackingAnswer(false, null, "the callback names no send of ours (ref)");
        }

        var (kind, detail, providerId, connected) = describe(report);
        await GrainFactory.GetGrain<IContactOutreachGrain>(WorkspaceKey.For(send.WorkspaceId, send.ContactIdentity))
            .RecordChannelEvent(new ChannelEvent(send.SendId, kind, detail, time.GetUtcNow(), providerId, connected), new CommandContext("agent:voice"));
        return new TrackingAnswer(true, null, "recorded");
    }

    /// <summary>What the prospect said on the call, read like a reply (interested, not interested, call back later...).</summary>
    private async Task<TrackingAnswer> TranscriptAsync(TrackingToken? send, WebhookReading<TranscriptReport> reading)
    {
        if (reading.Report is not { } transcript || send is null)
        {
            return new TrackingAnswer(false, null, reading.Refusal ?? "the callback names no send of ours (ref)");
        }

        var now = time.GetUtcNow();
        if (string.IsNullOrWhiteSpace(transcript.Text))
        {
            return new TrackingAnswer(true, null, "empty transcript");
        }

        var intent = await replies.ClassifyAsync(transcript.Text, "call transcript", now, CancellationToken.None);
        var verdict = new InboundVerdict(InboundKind.Reply, $"call:{transcript.ProviderCallId}:transcript", null, now, send.ContactIdentity, "Call transcript", intent.Reason, intent.Confidence,
            intent.Kind, transcript.Text, Referral: intent.Referral, ClassifiedBy: replies.Name);
        await GrainFactory.GetGrain<IContactOutreachGrain>(WorkspaceKey.For(send.WorkspaceId, send.ContactIdentity)).RecordInbound(verdict, new CommandContext("agent:voice"));
        return new TrackingAnswer(true, null, $"transcript read as {intent.Kind}");
    }

    /// <summary>A text from a prospect: STOP (and its synonyms) unsubscribes at once; anything else is read like a reply.</summary>
    private async Task<TrackingAnswer> InboundSmsAsync(string? workspaceId, WebhookReading<InboundSms> reading)
    {
        if (reading.Report is not { } sms || string.IsNullOrWhiteSpace(workspaceId))
        {
            return new TrackingAnswer(false, null, reading.Refusal ?? "the callback names no workspace (workspace=...)");
        }

        var route = await GrainFactory.GetGrain<IPhoneRouteGrain>(WorkspaceKey.For(workspaceId, sms.From)).Get();
        var now = time.GetUtcNow();
        if (StopWords.Contains(sms.Body.Trim()))
        {
            await GrainFactory.GetGrain<IWorkspaceGrain>(workspaceId).Suppress(sms.From, "replied STOP by SMS");
            if (route is not null)
            {
                await GrainFactory.GetGrain<IContactOutreachGrain>(WorkspaceKey.For(workspaceId, route)).Unsubscribe("replied STOP by SMS", new CommandContext("prospect"));
            }

            return new TrackingAnswer(true, null, "unsubscribed");
        }

        if (route is null)
        {
            var task = new RepTask($"sms-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sms.ProviderMessageId)))[..24]}", workspaceId, RepTaskQueues.FollowUps, "", sms.From, null,
                "follow-up", $"Text from {sms.From}, who matches no contact:\n\n{sms.Body}", DateOnly.FromDateTime(now.UtcDateTime), now, RepTaskQueues.Open, Phone: sms.From);
            await GrainFactory.GetGrain<IRepTaskQueueGrain>(WorkspaceKey.For(workspaceId, RepTaskQueues.FollowUps)).Add(task, 10_000);
            return new TrackingAnswer(true, null, "no contact has this number: follow-up task created");
        }

        var intent = await replies.ClassifyAsync(sms.Body, null, now, CancellationToken.None);
        var verdict = new InboundVerdict(InboundKind.Reply, $"sms:{sms.ProviderMessageId}", null, now, sms.From, "SMS reply", intent.Reason, intent.Confidence, intent.Kind, sms.Body,
            Referral: intent.Referral, ClassifiedBy: replies.Name);
        await GrainFactory.GetGrain<IContactOutreachGrain>(WorkspaceKey.For(workspaceId, route)).RecordInbound(verdict, new CommandContext("agent:sms"));
        return new TrackingAnswer(true, null, $"reply read as {intent.Kind}");
    }

    private static string Truncate(string? text, int length) => text is null ? "no user agent" : text.Length <= length ? text : text[..length] + "…";
}
