using System.Text;
using SalesOS.Outreach.Inbound;

namespace SalesOS.Tests.Outreach.Inbound;

/// <summary>Delivery reports built by hand, one shape each: DSN, success DSN, free text, SES, ARF.</summary>
public sealed class DeliveryReportsTests
{
    private static MimeKit.MimeMessage Parse(string raw) => InboundMessages.Parse(Encoding.UTF8.GetBytes(raw.Replace("\r\n", "\n", StringComparison.Ordinal)));

    private const string HardDsn = """
        From: Mail Delivery System <MAILER-DAEMON@mx.acme.example>
        To: sam@salesos.example
        Subject: Undelivered Mail Returned to Sender
        Message-ID: <dsn-1@mx.acme.example>
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="B"

        --B
        Content-Type: text/plain

        I'm sorry to have to inform you that your message could not be delivered.

        --B
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.acme.example

        Final-Recipient: rfc822; jane@acme.example
        Original-Recipient: rfc822;jane@acme.example
        Action: failed
        Status: 5.1.1
        Remote-MTA: dns; inbound.acme.example
        Diagnostic-Code: smtp; 550 5.1.1 <jane@acme.example>: Recipient address
            rejected: User unknown in virtual mailbox table

        --B
        Content-Type: message/rfc822

        From: Sam <sam@salesos.example>
        To: jane@acme.example
        Subject: A quick idea
        Message-ID: <outbound-42@salesos.example>

        Hi Jane
        --B--
        """;

    [Fact]
    public void ReadBounce_Rfc3464UserUnknown_IsHardWithStatusDiagnosticRecipientAndOriginalId()
    {
        var bounce = DeliveryReports.ReadBounce(Parse(HardDsn));

        Assert.NotNull(bounce);
        Assert.True(bounce.Hard);
        Assert.Equal("userunknown", bounce.Reason);
        Assert.Equal("5.1.1", bounce.Status);
        Assert.Equal("550", bounce.ReplyCode);
        Assert.Contains("User unknown in virtual mailbox table", bounce.Diagnostic, StringComparison.Ordinal);
        Assert.Equal(["jane@acme.example"], bounce.Recipients);
        Assert.Equal("inbound.acme.example", bounce.PerRecipient[0].RemoteMta);
        Assert.Equal("outbound-42@salesos.example", bounce.OriginalMessageIds[0]);
        Assert.Equal("delivery-status", bounce.Source);

        var details = bounce.ToDetails();
        Assert.Equal(bounce.Hard, details.Hard);
        Assert.Equal(bounce.Reason, details.Reason);
        Assert.Equal(bounce.Recipients, details.Recipients);
    }

    [Fact]
    public void ReadBounce_SuccessDsn_IsNotABounce()
    {
        var delivered = HardDsn
            .Replace("Action: failed", "Action: delivered", StringComparison.Ordinal)
            .Replace("Status: 5.1.1", "Status: 2.0.0", StringComparison.Ordinal)
            .Replace("550 5.1.1 <jane@acme.example>: Recipient address", "250 2.0.0 Ok: queued", StringComparison.Ordinal)
            .Replace("    rejected: User unknown in virtual mailbox table", "    as 4ABC", StringComparison.Ordinal);

        Assert.Null(DeliveryReports.ReadBounce(Parse(delivered)));
    }

    [Fact]
    public void ReadBounce_DelayedMailboxFull_IsSoftAndKeepsTheDelayedAction()
    {
        var delayed = HardDsn
            .Replace("Action: failed", "Action: delayed", StringComparison.Ordinal)
            .Replace("Status: 5.1.1", "Status: 4.2.2", StringComparison.Ordinal)
            .Replace("550 5.1.1 <jane@acme.example>: Recipient address", "452 4.2.2 <jane@acme.example>: Mailbox full,", StringComparison.Ordinal)
            .Replace("    rejected: User unknown in virtual mailbox table", "    try again later", StringComparison.Ordinal);

        var bounce = DeliveryReports.ReadBounce(Parse(delayed));

        Assert.NotNull(bounce);
        Assert.False(bounce.Hard);
        Assert.Equal("mailboxfull", bounce.Reason);
        Assert.Equal("delayed", bounce.PerRecipient[0].Action);
    }

    [Fact]
    public void ReadBounce_DeliveryStatusNestedInMixedPart_IsFound()
    {
        var nested = HardDsn
            .Replace("Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"", "Content-Type: multipart/mixed; boundary=\"M\"\n\n--M\nContent-Type: multipart/alternative; boundary=\"A\"\n\n--A\nContent-Type: multipart/related; boundary=\"B\"", StringComparison.Ordinal)
            .Replace("--B--", "--B--\n--A--\n--M--", StringComparison.Ordinal);

        var bounce = DeliveryReports.ReadBounce(Parse(nested));

        Assert.NotNull(bounce);
        Assert.Equal("userunknown", bounce.Reason);
        Assert.Equal(["jane@acme.example"], bounce.Recipients);
    }

    [Fact]
    public void ReadBounce_EximFreeTextWithXFailedRecipients_ReadsRecipientAndMailboxFull()
    {
        const string raw = """
            From: Mail Delivery System <Mailer-Daemon@mail.example.net>
            To: sam@salesos.example
            Subject: Mail delivery failed: returning message to sender
            X-Failed-Recipients: ops@prospect.example
            Auto-Submitted: auto-replied

            This message was created automatically by mail delivery software.

            A message that you sent could not be delivered to one or more of its
            recipients. This is a permanent error. The following address(es) failed:

              ops@prospect.example
                host mx.prospect.example [192.0.2.9]
                SMTP error from remote mail server after RCPT TO:<ops@prospect.example>:
                552 5.2.2 Mailbox quota exceeded

            ------ This is a copy of the message, including all the headers. ------

            Message-Id: <outbound-7@salesos.example>
            From: sam@salesos.example
            To: ops@prospect.example
            """;

        var bounce = DeliveryReports.ReadBounce(Parse(raw));

        Assert.NotNull(bounce);
        Assert.False(bounce.Hard);
        Assert.Equal("mailboxfull", bounce.Reason);
        Assert.Equal("5.2.2", bounce.Status);
        Assert.Equal("552", bounce.ReplyCode);
        Assert.Equal(["ops@prospect.example"], bounce.Recipients);
        Assert.Equal(["outbound-7@salesos.example"], bounce.OriginalMessageIds);
        Assert.Equal("free-text", bounce.Source);
    }

    [Fact]
    public void ReadBounce_UserUnknownAnsweredToData_IsFilteredAndSoft()
    {
        const string raw = """
            From: MAILER-DAEMON@relay.example
            To: sam@salesos.example
            Subject: Undelivered Mail Returned to Sender

            <lee@prospect.example>: host mx.prospect.example[192.0.2.1] said: 550 User unknown
                (in reply to end of DATA command)
            """;

        var bounce = DeliveryReports.ReadBounce(Parse(raw));

        Assert.NotNull(bounce);
        Assert.Equal("filtered", bounce.Reason);
        Assert.False(bounce.Hard);
    }

    [Fact]
    public void ReadBounce_TemporaryUserUnknown_IsNeverHard()
    {
        const string raw = """
            From: MAILER-DAEMON@relay.example
            To: sam@salesos.example
            Subject: Delivery Status Notification (Delay)

            Delivery to the following recipient has been delayed:

                 lee@prospect.example

            The error that the other server returned was: 450 4.1.1 <lee@prospect.example>: Recipient address rejected: User unknown
            """;

        var bounce = DeliveryReports.ReadBounce(Parse(raw));

        Assert.NotNull(bounce);
        Assert.Equal("userunknown", bounce.Reason);
        Assert.False(bounce.Hard);
    }

    [Fact]
    public void ReadBounce_HumanMessageMentioningDelivery_IsNotABounce()
    {
        const string raw = """
            From: Jane Doe <jane@acme.example>
            To: sam@salesos.example
            Subject: Re: A quick idea

            Your last email could not be delivered to my colleague, her address changed. Anyway, sounds good!
            """;

        Assert.Null(DeliveryReports.ReadBounce(Parse(raw)));
    }

    [Fact]
    public void ReadBounce_SesBounceNotification_ReadsRecipientsAndMessageId()
    {
        const string raw = """
            From: no-reply@sns.amazonaws.com
            To: bounces@salesos.example
            Subject: AWS Notification Message
            Content-Type: text/plain; charset=UTF-8

            {"notificationType":"Bounce","bounce":{"bounceType":"Permanent","bounceSubType":"General","bouncedRecipients":[{"emailAddress":"gone@prospect.example","action":"failed","status":"5.1.1","diagnosticCode":"smtp; 550 5.1.1 user unknown"}],"reportingMTA":"dsn; a1.smtp-out.amazonses.com"},"mail":{"messageId":"0100018c-ses","commonHeaders":{"messageId":"<outbound-9@salesos.example>"}}}
            """;

        var bounce = DeliveryReports.ReadBounce(Parse(raw));

        Assert.NotNull(bounce);
        Assert.True(bounce.Hard);
        Assert.Equal("userunknown", bounce.Reason);
        Assert.Equal(["gone@prospect.example"], bounce.Recipients);
        Assert.Equal("outbound-9@salesos.example", bounce.OriginalMessageIds[0]);
        Assert.Equal("ses-notification", bounce.Source);
    }

    [Fact]
    public void ReadComplaint_ArfAbuseReport_ReadsTypeRecipientAndOriginalId()
    {
        const string raw = """
            From: feedback@arf.mail.example
            To: fbl@salesos.example
            Subject: Abuse report
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=feedback-report; boundary="F"

            --F
            Content-Type: text/plain

            This is an email abuse report.
            --F
            Content-Type: message/feedback-report

            Feedback-Type: abuse
            User-Agent: ExampleFBL/1.0
            Version: 1
            Original-Rcpt-To: <jane@acme.example>
            Source-IP: 192.0.2.10

            --F
            Content-Type: text/rfc822-headers

            From: sam@salesos.example
            To: jane@acme.example
            Message-ID: <outbound-11@salesos.example>
            --F--
            """;

        var message = Parse(raw);
        var complaint = DeliveryReports.ReadComplaint(message);

        Assert.NotNull(complaint);
        Assert.Equal("abuse", complaint.FeedbackType);
        Assert.Equal(["jane@acme.example"], complaint.Recipients);
        Assert.Equal(["outbound-11@salesos.example"], complaint.OriginalMessageIds);
        Assert.Equal("ExampleFBL/1.0", complaint.UserAgent);
        Assert.Null(DeliveryReports.ReadBounce(message));
    }

    [Theory]
    [InlineData("User unknown", "userunknown", true)]
    [InlineData("Mailbox full", "mailboxfull", false)]
    [InlineData("Client host rejected: blocked using zen.spamhaus.org", "blocked", false)]
    [InlineData("Message rejected as spam by content filter", "spamdetected", false)]
    [InlineData("Host or domain name not found. Name service error", "hostunknown", true)]
    [InlineData("Relay access denied", "norelaying", false)]
    [InlineData("Unauthenticated email from example.com is not accepted due to domain's DMARC policy", "authfailure", false)]
    [InlineData("Message size exceeds fixed maximum message size", "exceedlimit", false)]
    [InlineData("This account has been disabled or discontinued", "suspend", false)]
    [InlineData("Die Adresse existiert nicht", "userunknown", true)]
    [InlineData("Destinataire inconnu", "userunknown", true)]
    public void Reasons_FromTypicalServerWording(string said, string reason, bool hard)
    {
        var found = BounceReasons.FromText(said);

        Assert.NotNull(found);
        Assert.Equal(reason, found.Value.Reason);
        Assert.Equal(hard, BounceReasons.IsHard(found.Value.Reason, "5.0.0", "550"));
    }

    [Theory]
    [InlineData("5.1.1", "userunknown")]
    [InlineData("5.1.10", "notaccept")]
    [InlineData("5.2.2", "mailboxfull")]
    [InlineData("4.4.7", "expired")]
    [InlineData("5.7.25", "requireptr")]
    [InlineData("5.7.26", "authfailure")]
    [InlineData("5.0.0", null)]
    public void Reasons_FromStatusCode(string status, string? reason) => Assert.Equal(reason, BounceReasons.FromStatus(status));
}
