using MimeKit;
using SalesOS.Outreach.Inbound;

namespace SalesOS.Tests.Outreach.Inbound;

/// <summary>Automatic answers by each of their signals, and return dates in the shapes people write them.</summary>
public sealed class AutoRepliesTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(1));

    private static MimeMessage Message(string subject, string body, params (string Name, string Value)[] headers)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Jane Doe", "jane@acme.example"));
        message.To.Add(new MailboxAddress("Sam", "sam@salesos.example"));
        message.Subject = subject;
        message.Date = Received;
        message.MessageId = "reply-1@acme.example";
        foreach (var (name, value) in headers)
        {
            message.Headers.Add(name, value);
        }

        message.Body = new TextPart("plain") { Text = body };
        return message;
    }

    [Theory]
    [InlineData("Auto-Submitted", "auto-replied")]
    [InlineData("Auto-Submitted", "auto-generated")]
    [InlineData("X-Autoreply", "yes")]
    [InlineData("X-Autorespond", "Out of office")]
    [InlineData("Precedence", "auto_reply")]
    public void Read_StrongHeaderAlone_IsAutomatic(string name, string value)
    {
        var reading = AutoReplies.Read(Message("Re: A quick idea", "Thanks, I got your message.", (name, value)), Received);

        Assert.NotNull(reading);
        Assert.Contains(reading.Signals, s => s.StartsWith(name, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_AutoSubmittedNo_IsAPerson() =>
        Assert.Null(AutoReplies.Read(Message("Re: A quick idea", "Sounds good, let's talk.", ("Auto-Submitted", "no")), Received));

    [Fact]
    public void Read_PlainHumanReply_IsAPerson() =>
        Assert.Null(AutoReplies.Read(Message("Re: A quick idea", "Sounds good, let's talk Thursday."), Received));

    [Fact]
    public void Read_SuppressHeaderAlone_IsNotEnough_ButWithOutOfOfficeWordingItIs()
    {
        Assert.Null(AutoReplies.Read(Message("Re: A quick idea", "Sure, send me times.", ("X-Auto-Response-Suppress", "All")), Received));

        var reading = AutoReplies.Read(Message("Re: A quick idea", "I am out of the office until December 7.", ("X-Auto-Response-Suppress", "All")), Received);
        Assert.NotNull(reading);
        Assert.True(reading.OutOfOffice);
        Assert.Equal(new DateOnly(2026, 12, 7), reading.ReturnDate);
    }

    [Theory]
    [InlineData("Automatic reply: A quick idea")]
    [InlineData("Auto reply: A quick idea")]
    [InlineData("Out of Office: A quick idea")]
    [InlineData("Abwesenheitsnotiz: A quick idea")]
    [InlineData("Réponse automatique : A quick idea")]
    [InlineData("Respuesta automática: A quick idea")]
    [InlineData("Risposta automatica: A quick idea")]
    [InlineData("Afwezig: A quick idea")]
    [InlineData("Automatische Antwort: A quick idea")]
    public void Read_SubjectMarker_IsAutomatic(string subject)
    {
        var reading = AutoReplies.Read(Message(subject, "I am away and will reply on my return."), Received);

        Assert.NotNull(reading);
        Assert.True(reading.OutOfOffice);
    }

    [Fact]
    public void Read_ReplyQuotingAnAutoReplySubject_IsAPerson() =>
        Assert.Null(AutoReplies.Read(Message("Re: Automatic reply: A quick idea", "Ha, got your OOO. Let's talk when you're back."), Received));

    [Fact]
    public void Read_VacationMessageIdAndEmptyReturnPath_AreSignals()
    {
        var message = Message("Nyaan", "I'm only sleeping.", ("Return-Path", "<>"));
        message.MessageId = "7e23258d-247f-vac@apple.example";

        var reading = AutoReplies.Read(message, Received);

        Assert.NotNull(reading);
        Assert.True(reading.OutOfOffice);
        Assert.Contains(reading.Signals, s => s.Contains("-vac@", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_TicketAcknowledgement_IsAutomaticButNotOutOfOffice()
    {
        var reading = AutoReplies.Read(Message("[Ticket #4411] We received your message", "Thank you for contacting us. This is an automated response; we will respond within 24 hours.", ("Auto-Submitted", "auto-replied")), Received);

        Assert.NotNull(reading);
        Assert.False(reading.OutOfOffice);
        Assert.Null(reading.ReturnDate);
    }

    [Fact]
    public void Read_DepartureNotice_IsFlagged()
    {
        var reading = AutoReplies.Read(Message("Automatic reply", "Jane is no longer with the company. Please contact sales@acme.example.", ("Auto-Submitted", "auto-replied")), Received);

        Assert.NotNull(reading);
        Assert.True(reading.DepartureNotice);
        Assert.False(reading.OutOfOffice);
    }

    [Theory]
    [InlineData("I will be back on May 5.", "2026-04-20", "en", "2026-05-05")]
    [InlineData("I am returning 12/08/2026.", "2026-11-30", "en", "2026-12-08")]
    [InlineData("Returning 13/12/2026.", "2026-11-30", "en", "2026-12-13")]
    [InlineData("I am out of the office until Monday, 14 December.", "2026-12-02", "en", "2026-12-14")]
    [InlineData("Ich bin zurück am 5. Mai.", "2026-04-27", "de", "2026-05-05")]
    [InlineData("Je serai de retour le 3 janvier.", "2026-12-22", "fr", "2027-01-03")]
    [InlineData("Back on 2026-12-21.", "2026-12-15", "en", "2026-12-21")]
    [InlineData("Estaré de vuelta el 11 de septiembre.", "2026-09-01", "es", "2026-09-11")]
    [InlineData("I'll be back next Monday.", "2026-12-02", "en", "2026-12-07")]
    [InlineData("Back in two weeks.", "2026-07-06", "en", "2026-07-20")]
    [InlineData("Ich bin bis einschließlich 4.1.2027 nicht im Büro.", "2026-12-21", "de", "2027-01-05")]
    [InlineData("Away July 10-31 with limited access to email.", "2026-07-08", "en", "2026-08-01")]
    [InlineData("Je suis en congé jusqu'au 15 août inclus.", "2026-08-03", "fr", "2026-08-16")]
    [InlineData("Ich bin im Urlaub und ab Montag wieder im Büro.", "2026-08-12", "de", "2026-08-17")]
    public void FindReturnDate_ReadsTheDayBack(string text, string received, string language, string expected)
    {
        var at = DateTimeOffset.Parse(received + "T09:00:00+01:00", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ReturnDates.Find(text, at, language));
    }

    [Fact]
    public void FindReturnDate_AmbiguousNumericDate_FollowsTheSendersConventions()
    {
        // 05/06: 5 June for a European sender, May 6 for an American one (both in the coming year).
        var europe = new DateTimeOffset(2026, 4, 20, 9, 0, 0, TimeSpan.FromHours(2));
        var america = new DateTimeOffset(2026, 4, 20, 9, 0, 0, TimeSpan.FromHours(-5));

        Assert.Equal(new DateOnly(2026, 6, 5), ReturnDates.Find("I will be back on 05/06.", europe, "en"));
        Assert.Equal(new DateOnly(2026, 5, 6), ReturnDates.Find("I will be back on 05/06.", america, "en"));
        Assert.Equal(new DateOnly(2026, 6, 5), ReturnDates.Find("Je serai de retour le 05/06.", america, "fr"));
    }

    [Theory]
    [InlineData("I am out of the office with limited access to email.")]
    [InlineData("I was out of the office from 1 March and read your email today.")]
    [InlineData("Away with version 1.5 of the product.")]
    public void FindReturnDate_NoReturnDateNamed_IsNull(string text) =>
        Assert.Null(ReturnDates.Find(text, Received, "en"));

    [Theory]
    [InlineData("I'm out of the office until next week.", "en")]
    [InlineData("Ich bin derzeit nicht im Büro und habe keinen Zugriff auf E-Mails.", "de")]
    [InlineData("Je suis absente du bureau jusqu'à demain.", "fr")]
    [InlineData("Estoy fuera de la oficina.", "es")]
    public void Languages_GuessFromCommonWords(string text, string language) => Assert.Equal(language, Languages.Guess(text));
}
