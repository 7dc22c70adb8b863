using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesOS.Outreach.Ports;

namespace SalesOS.Integrations.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IMailConnectors"/> (SMTP/IMAP, or the outbox and inbox folders offline), options from "SalesOS:Mail".</summary>
    public static IServiceCollection AddSalesOSMail(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MailOptions>()
            .Bind(configuration.GetSection(MailOptions.SectionName))
            .Validate(o => !o.Problems().Any(), "SalesOS:Mail is invalid: check SmtpConnections (1-64), InboxBatchSize (1-10000), PollInterval, IdleRestartInterval (at most 29 min) and DefaultTimeout")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IMailConnectors>(sp => new MailConnectors(
            sp.GetRequiredService<IOptions<MailOptions>>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<ILoggerFactory>()));
        return services;
    }
}
