using Microsoft.Extensions.DependencyInjection;
using SalesOS.Integrations.Telephony;
using SalesOS.Outreach.Ports;

namespace SalesOS.Tests.Outreach.Telephony;

public sealed class TelephonyRegistrationTests
{
    [Fact]
    public async Task WithoutAnAccount_SmsGoToTheOutbox_AndTheVoiceGatewayIsNotConfigured()
    {
        await using var services = TelephonyHost.Build(new() { ["SalesOS:Telephony:OutboxDirectory"] = "/tmp/salesos-sms-outbox-registration" });

        var sms = services.GetRequiredService<ISmsGateway>();
        Assert.IsType<FileSmsOutbox>(sms);
        Assert.Equal("/tmp/salesos-sms-outbox-registration", ((FileSmsOutbox)sms).Folder);
        Assert.False(services.GetRequiredService<IVoiceGateway>().IsConfigured);
        Assert.IsType<TwilioSignatureValidator>(services.GetRequiredService<IWebhookSignatureValidator>());
    }

    [Fact]
    public async Task AnAccountWithoutASender_StillUsesTheOutboxForSms_ButCanCall()
    {
        await using var services = TelephonyHost.Build(TelephonyHost.Settings(null, ("FromNumber", null)));

        Assert.IsType<FileSmsOutbox>(services.GetRequiredService<ISmsGateway>());
        Assert.True(services.GetRequiredService<IVoiceGateway>().IsConfigured);
    }

    [Fact]
    public async Task WithAnAccountAndSender_SmsGoThroughTwilio_AsOneInstance()
    {
        await using var services = TelephonyHost.Build(TelephonyHost.Settings(null));

        var sms = services.GetRequiredService<ISmsGateway>();
        Assert.IsType<TwilioSmsGateway>(sms);
        Assert.Same(sms, services.GetRequiredService<TwilioSmsGateway>());
        Assert.Same(services.GetRequiredService<IVoiceGateway>(), services.GetRequiredService<TwilioVoiceGateway>());
    }
}
