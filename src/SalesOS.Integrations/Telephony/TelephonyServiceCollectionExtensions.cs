using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SalesOS.Outreach.Ports;

namespace SalesOS.Integrations.Telephony;

public static class TelephonyServiceCollectionExtensions
{
    /// <summary>
    /// Registers the SMS gateway (Twilio when an account with a sender is configured under
    /// <c>SalesOS:Telephony:Twilio</c>, else the file outbox in <c>SalesOS:Telephony:OutboxDirectory</c>), the voice
    /// gateway (IsConfigured = false without an account) and the webhook signature validator. Both gateways
    /// are also registered as themselves.
    /// </summary>
    public static IServiceCollection AddSalesOSTelephony(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TwilioOptions>().Bind(configuration.GetSection(TwilioOptions.SectionName));
        services.AddOptions<TelephonyOptions>().Bind(configuration.GetSection(TelephonyOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddTwilioHttpClient();

        services.TryAddSingleton<TwilioRestClient>();
        services.TryAddSingleton<TwilioSmsGateway>();
        services.TryAddSingleton<FileSmsOutbox>();
        services.TryAddSingleton<TwilioVoiceGateway>();
        services.TryAddSingleton<TwilioSignatureValidator>();
        services.TryAddSingleton<ISmsGateway>(serviceProvider =>
        {
            var twilio = serviceProvider.GetRequiredService<TwilioSmsGateway>();
            return twilio.IsConfigured ? twilio : serviceProvider.GetRequiredService<FileSmsOutbox>();
        });
        services.TryAddSingleton<IVoiceGateway>(serviceProvider => serviceProvider.GetRequiredService<TwilioVoiceGateway>());
        services.TryAddSingleton<IWebhookSignatureValidator>(serviceProvider => serviceProvider.GetRequiredService<TwilioSignatureValidator>());
        return services;
    }
}
