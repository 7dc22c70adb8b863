using SalesOS.Integrations.Telephony;

namespace SalesOS.Tests.Outreach.Telephony;

/// <summary>The readers on incomplete and odd forms; complete forms come from the loopback server in the gateway tests.</summary>
public sealed class TwilioWebhooksTests
{
    private static List<KeyValuePair<string, string>> Form(params (string Key, string Value)[] fields) =>
        [.. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))];

    [Fact]
    public void SmsStatus_TheOlderSmsFieldNames_AreReadToo()
    {
        var reading = TwilioWebhooks.ReadSmsStatus(Form(("SmsSid", "SM1"), ("SmsStatus", "Sent")));

        Assert.Equal(new("SM1", "sent", null, null), reading.Report);
    }

    [Fact]
    public void SmsStatus_WithAnErrorMessage_KeepsTheProvidersWords()
    {
        var reading = TwilioWebhooks.ReadSmsStatus(Form(("MessageSid", "SM1"), ("MessageStatus", "failed"), ("ErrorCode", "30099"), ("ErrorMessage", "Something new")));

        Assert.Equal(("30099", "Something new"), (reading.Report!.ErrorCode, reading.Report.ErrorMessage));
    }

    [Theory]
    [InlineData("MessageSid", "MessageSid")]
    [InlineData("MessageStatus", "MessageStatus")]
    public void SmsStatus_MissingAField_IsRefusedNamingIt(string dropped, string named)
    {
        var form = Form(("MessageSid", "SM1"), ("MessageStatus", "delivered")).Where(p => p.Key != dropped).ToList();

        var reading = TwilioWebhooks.ReadSmsStatus(form);

        Assert.False(reading.IsComplete);
        Assert.Contains(named, reading.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void InboundSms_AnEmptyBody_IsAMessage_ButNoBodyField_IsRefused()
    {
        Assert.Equal("", TwilioWebhooks.ReadInboundSms(Form(("MessageSid", "SM1"), ("From", "+1"), ("To", "+2"), ("Body", ""))).Report!.Body);

        var refused = TwilioWebhooks.ReadInboundSms(Form(("MessageSid", "SM1"), ("From", "+1"), ("To", "+2")));
        Assert.Contains("Body", refused.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void InboundSms_MissingSender_IsRefused() =>
        Assert.Contains("From", TwilioWebhooks.ReadInboundSms(Form(("MessageSid", "SM1"), ("To", "+2"), ("Body", "hi"))).Refusal, StringComparison.Ordinal);

    [Fact]
    public void CallStatus_ADurationThatIsNoNumber_IsRefused()
    {
        var reading = TwilioWebhooks.ReadCallStatus(Form(("CallSid", "CA1"), ("CallStatus", "completed"), ("CallDuration", "forty")));

        Assert.False(reading.IsComplete);
        Assert.Contains("CallDuration", reading.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void CallStatus_MissingTheStatus_IsRefused() =>
        Assert.Contains("CallStatus", TwilioWebhooks.ReadCallStatus(Form(("CallSid", "CA1"))).Refusal, StringComparison.Ordinal);

    [Theory]
    [InlineData("RecordingSid")]
    [InlineData("RecordingUrl")]
    [InlineData("CallSid")]
    public void Recording_MissingAField_IsRefused(string dropped)
    {
        var form = Form(("CallSid", "CA1"), ("RecordingSid", "RE1"), ("RecordingUrl", "https://api.twilio.com/r/RE1")).Where(p => p.Key != dropped).ToList();

        Assert.Contains(dropped, TwilioWebhooks.ReadRecording(form).Refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/relative/RE1")]
    [InlineData("ftp://files.example/RE1")]
    public void Recording_AUrlThatIsNotAbsoluteHttp_IsRefused(string url) =>
        Assert.Contains("RecordingUrl", TwilioWebhooks.ReadRecording(Form(("CallSid", "CA1"), ("RecordingSid", "RE1"), ("RecordingUrl", url))).Refusal, StringComparison.Ordinal);

    [Fact]
    public void Transcript_Failed_HasNoText_ButCompletedWithoutText_IsRefused()
    {
        Assert.Equal(new("CA1", "", "failed"), TwilioWebhooks.ReadTranscript(Form(("CallSid", "CA1"), ("TranscriptionStatus", "failed"))).Report);

        var refused = TwilioWebhooks.ReadTranscript(Form(("CallSid", "CA1"), ("TranscriptionStatus", "completed")));
        Assert.Contains("TranscriptionText", refused.Refusal, StringComparison.Ordinal);
    }
}
