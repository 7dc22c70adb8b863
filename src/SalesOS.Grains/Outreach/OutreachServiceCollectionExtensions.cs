using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SalesOS.Grains.Outreach.Mailboxes;
using SalesOS.Integrations.Llm;
using SalesOS.Integrations.Mail;
using SalesOS.Integrations.Telephony;
using SalesOS.Outreach.Inbound;
using SalesOS.Outreach.Messages;
using SalesOS.Outreach.Ports;
using SalesOS.Outreach.Tracking;
using SalesOS.Storage;
using SalesOS.Storage.ReadModel;

namespace SalesOS.Grains.Outreach;

public static class OutreachServiceCollectionExtensions
{
    /// <summary>
    /// What the outreach agents need in a silo: their options (validated at start), the mailbox
    /// directory and transports, templates, signed links, the inbound classifier (the LLM one when
    /// configured, the offline one always as the fallback), and the outside services: mail (SMTP/IMAP or
    /// the outbox and inbox folders), telephony (Twilio or the SMS outbox folder) and the LLM.
    /// </summary>
    public static IServiceCollection AddSalesOSOutreach(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OutreachOptions>()
            .Bind(configuration.GetSection(OutreachOptions.SectionName))
            .Validate(o => Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https",
                $"{OutreachOptions.SectionName}:PublicBaseUrl must be an absolute http(s) URL (where prospects reach the gateway's tracking links).")
            .Validate(o => TrackingKeys.TryDecode(o.TrackingKey, out _),
                $"{OutreachOptions.SectionName}:TrackingKey must be set (hex or base64, at least {TrackingTokens.MinimumKeyBytes} bytes), the same on every silo.")
            .Validate(o => o.Mailboxes.All(m => m.Workspace.Length > 0 && m.Address.Contains('@', StringComparison.Ordinal)),
                $"Every {OutreachOptions.SectionName}:Mailboxes item needs a Workspace and an Address.")
            .Validate(o => o.Mailboxes.GroupBy(m => (m.Workspace, m.Address.ToLowerInvariant())).All(g => g.Count() == 1),
                $"A mailbox appears twice in {OutreachOptions.SectionName}:Mailboxes.")
            .Validate(o => o.Mailboxes.All(m => m.Smtp is null) || (Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == "https" || uri.IsLoopback)),
                $"{OutreachOptions.SectionName}:PublicBaseUrl must be https once a mailbox sends through SMTP: prospects' mail clients reach the unsubscribe and tracking links there (RFC 8058 requires https).")
            .Validate(o => o.RecheckPeriod > TimeSpan.Zero && o.DispatchTimeout > TimeSpan.Zero && o.MinSpacing <= o.MaxSpacing,
                $"{OutreachOptions.SectionName}: RecheckPeriod and DispatchTimeout must be positive and MinSpacing at most MaxSpacing.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OutreachReadModel>();
        services.AddSingleton<MailboxDirectory>();
        services.AddSingleton<MailSenders>();
        services.AddSingleton(sp => new MessageTemplates(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new TrackingTokens(TrackingKeys.Decode(sp.GetRequiredService<IOptions<OutreachOptions>>().Value.TrackingKey)));
        services.AddSingleton<OutreachLinks>();
        services.AddSingleton(new EngagementFilter());
        services.AddSingleton<OfflineReplyClassifier>();
        services.AddSingleton(sp => new InboundClassifier(sp.GetKeyedService<IReplyIntentClassifier>(LlmReplyIntentClassifier.ServiceKey)));
        services.AddSingleton<IReplyIntentClassifier>(sp => new PreferredReplyClassifier(
            sp.GetKeyedService<IReplyIntentClassifier>(LlmReplyIntentClassifier.ServiceKey), sp.GetRequiredService<OfflineReplyClassifier>()));

        services.AddSalesOSMail(configuration);
        services.AddSalesOSTelephony(configuration);
        services.AddSalesOSLanguageModel(configuration);
        services.PostConfigure<TelephonyOptions>(options =>
        {
            // The offline SMS outbox lives beside the email outbox, in the data folder, unless configured.
            if (configuration[$"{TelephonyOptions.SectionName}:OutboxDirectory"] is null)
            {
                var storage = configuration.GetSection(StorageSettings.SectionName).Get<StorageSettings>() ?? new StorageSettings();
                options.OutboxDirectory = Path.GetFullPath(Path.Combine(storage.DataDirectory, "outbox", "sms"));
            }
        });
        return services;
    }
}
