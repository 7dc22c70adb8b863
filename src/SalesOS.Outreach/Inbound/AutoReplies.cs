using System.Globalization;
using System.Text.RegularExpressions;
using MimeKit;

namespace SalesOS.Outreach.Inbound;

/// <summary>An automatic answer: out-of-office (with the return date when the text names one) or any other.</summary>
/// <param name="Signals">What gave it away ("Auto-Submitted: auto-replied", "subject: Automatic reply", ...).</param>
/// <param name="DepartureNotice">The mailbox says its owner left or it is no longer used (the contact is gone).</param>
public sealed record AutoReplyReading(
    bool OutOfOffice,
    DateOnly? ReturnDate,
    IReadOnlyList<string> Signals,
    double Confidence,
    string Reason,
    bool DepartureNotice);

/// <summary>
/// Tells automatic answers from people: RFC 3834 Auto-Submitted (anything but "no"), X-Autoreply,
/// X-Autorespond, X-Auto-Response-Suppress, Precedence auto_reply/bulk/junk, "-vac" Message-IDs (iCloud),
/// an empty Return-Path, subject markers in a dozen languages, and the body's wording. Out-of-office and
/// vacation notices are told apart from other automatic answers, and their return date is read.
/// </summary>
public static partial class AutoReplies
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    // Subject markers mail systems put in front of the original subject.
    [GeneratedRegex(@"^\s*(\[[^\]]{1,30}\]\s*)?(automatic reply|automatische antwort|auto(matic)?[- ]?(reply|response|respons|answer)|autoreply|autoresponder|out of (the )?office|abwesenheitsnotiz|abwesenheit|abwesend|nicht im b(u|ü)ro|au(ß|ss)er haus|r(é|e)ponse automatique|absence|absent|respuesta autom(á|a)tica|fuera de la oficina|risposta automatica|fuori (sede|ufficio)|automatisch antwoord|afwezig|afwezigheid|automatisk svar|fr(å|a)nvaro|resposta autom(á|a)tica|aus(ê|e)ncia|odpowied(ź|z) automatyczna|automatyczna odpowied(ź|z)|nieobecno(ść|sc)|automaattinen vastaus|away( until| from)?|on (vacation|holiday|leave)|vacation|vacances|urlaub|ferie|vakantie|自動応答|自動返信|不在|自动回复|Автоматический ответ|Автоответ)\b", Options, 1000)]
    private static partial Regex SubjectMarker();

    [GeneratedRegex(@"(out of (the )?office|\booo\b|away from (the |my )?(office|desk)|on (annual |parental |maternity |paternity |sick |medical |business )?leave|on (vacation|holiday|holidays|pto)|\bpto\b|currently (away|out|travell?ing|on)|i (am|'m) (away|out|travell?ing|off)|i will be (away|out|travell?ing|off)|will be (back|returning|out of)|limited (access to|availability)|(upon|on|after) my return|back in the office|return(ing)? to the office|returning on|abwesend|nicht im b(u|ü)ro|au(ß|ss)er haus|im urlaub|in urlaub|urlaubsbedingt|elternzeit|zur(ü|u)ck (am|ab)|wieder (im b(u|ü)ro|erreichbar|da)|en cong(é|e)|absent(e)? du bureau|en vacances|de retour (le|au|à)|hors du bureau|fuera de la oficina|de vacaciones|ausente|estar(é|e) de vuelta|regresar(é|e)|fuori (sede|ufficio)|in ferie|rientrer(ò|o)|afwezig|met vakantie|terug op|weer aanwezig|de f(é|e)rias|fora do escrit(ó|o)rio|ausente do escrit(ó|o)rio)", Options, 1000)]
    private static partial Regex OutOfOfficeWording();

    [GeneratedRegex(@"(no longer (with|at|employed|works|working|in use|active|monitored|part of)|has left (the company|the organi[sz]ation|us)|left the company|not (with|at) (the company|us) any ?more|mailbox is (no longer|not) (monitored|in use)|address is no longer|nicht mehr (im unternehmen|bei uns|t(ä|a)tig|besetzt)|hat das unternehmen verlassen|ne fait plus partie|a quitt(é|e) (la soci(é|e)t(é|e)|l'entreprise)|ya no (trabaja|forma parte)|non (lavora|fa) più)", Options, 1000)]
    private static partial Regex DepartureWording();

    [GeneratedRegex(@"(this is an automated|automatic(ally)? (generated|reply|response|message)|auto-?generated|do not reply to this|we (have )?received your (message|e-?mail|request|inquiry)|thank you for (contacting|your (e-?mail|message|inquiry|request))|ticket (number|#|id)|case (number|#)|will get back to you (as soon as|shortly|within)|we will respond within|diese (e-?mail|nachricht) wurde automatisch|automatisch generiert|message automatique|mensaje autom(á|a)tico|messaggio automatico)", Options, 1000)]
    private static partial Regex AutomatedWording();

    [GeneratedRegex(@"-vac(ation)?@|vacation", Options, 1000)]
    private static partial Regex VacationMessageId();

    [GeneratedRegex(@"enddate=(?<end>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z)", Options, 1000)]
    private static partial Regex AppleEndDate();

    /// <summary>The automatic-answer reading of a message, or null when a person wrote it.</summary>
    public static AutoReplyReading? Read(MimeMessage message, DateTimeOffset receivedAt) =>
        Read(message, receivedAt, SafeBody(message));

    internal static AutoReplyReading? Read(MimeMessage message, DateTimeOffset receivedAt, string body)
    {
        try
        {
            return ReadSignals(message, receivedAt, body);
        }
        catch (RegexMatchTimeoutException)
        {
            // A text the patterns cannot read in time counts as a person's, so a rep sees it.
            return null;
        }
    }

    private static AutoReplyReading? ReadSignals(MimeMessage message, DateTimeOffset receivedAt, string body)
    {
        var strong = new List<string>();
        var weak = new List<string>();
        var headers = message.Headers;
        string? Header(string name)
        {
            try
            {
                return headers[name];
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return null;
            }
        }

        var autoSubmitted = Header("Auto-Submitted")?.Trim();
        if (!string.IsNullOrEmpty(autoSubmitted) && !autoSubmitted.StartsWith("no", StringComparison.OrdinalIgnoreCase))
        {
            strong.Add($"Auto-Submitted: {autoSubmitted}");
        }

        foreach (var name in new[] { "X-Autoreply", "X-Autorespond", "X-Autoresponder", "X-Auto-Reply", "X-Autogenerated", "X-AutoReply-From", "X-Mail-Autoreply", "X-FC-MachineGenerated", "X-Apple-Action" })
        {
            var value = Header(name)?.Trim();
            if (value is not null && !value.Equals("no", StringComparison.OrdinalIgnoreCase) && !value.Equals("false", StringComparison.OrdinalIgnoreCase))
            {
                strong.Add($"{name}: {value}");
            }
        }

        var precedence = (Header("Precedence") ?? Header("X-Precedence"))?.Trim().ToLowerInvariant();
        if (precedence is "auto_reply" or "auto-reply")
        {
            strong.Add($"Precedence: {precedence}");
        }
        else if (precedence is "bulk" or "junk")
        {
            weak.Add($"Precedence: {precedence}");
        }

        if (Header("X-Auto-Response-Suppress") is { } suppress)
        {
            weak.Add($"X-Auto-Response-Suppress: {suppress.Trim()}");
        }

        var returnPath = Header("Return-Path")?.Trim();
        if (returnPath is "<>" or "< >")
        {
            weak.Add("Return-Path: <>");
        }

        var messageId = SafeMessageId(message);
        var vacationId = messageId is not null && VacationMessageId().IsMatch(messageId);
        if (vacationId)
        {
            strong.Add($"Message-ID {messageId}");
        }

        var subject = SafeSubject(message);
        var subjectMarker = SubjectMarker().Match(subject);
        if (subjectMarker.Success)
        {
            strong.Add($"subject: {subjectMarker.Value.Trim()}");
        }

        var text = ReplyText.Strip(body);
        var ooo = OutOfOfficeWording().Match(text);
        var departure = DepartureWording().Match(text);
        var automated = AutomatedWording().Match(text);
        var wording = ooo.Success ? ooo : departure.Success ? departure : automated;

        var automatic = strong.Count > 0 || weak.Count >= 2 || weak.Count == 1 && wording.Success;
        if (!automatic)
        {
            return null;
        }

        if (wording.Success)
        {
            weak.Add($"body: \"{wording.Value.Trim()}\"");
        }

        var vacationHeader = Header("X-Apple-Action")?.Contains("VACATION", StringComparison.OrdinalIgnoreCase) == true;
        var subjectOoo = subjectMarker.Success && OutOfOfficeWording().IsMatch(subject) || Regex.IsMatch(subject, @"\b(away|vacation|urlaub|vacances|ferie|vakantie|abwesen|absence|absent|afwezig|ausente|不在)", Options, TimeSpan.FromSeconds(1));
        var outOfOffice = !departure.Success && (ooo.Success || vacationHeader || vacationId || subjectOoo);

        DateOnly? returnDate = null;
        if (outOfOffice)
        {
            var language = Languages.Guess(text);
            returnDate = AppleReturnDate(Header("X-Apple-Criteria"), message)
                ?? ReturnDates.Find(text, receivedAt, language)
                ?? ReturnDates.Find(subject, receivedAt, language);
        }

        var signals = strong.Concat(weak).ToList();
        var confidence = strong.Count > 0 ? Math.Min(0.99, 0.9 + (0.03 * (signals.Count - 1))) : weak.Count >= 2 ? 0.8 : 0.65;
        var kind = outOfOffice ? "out of office" : departure.Success ? "departure notice" : "automatic reply";
        var reason = $"{kind}: {string.Join("; ", signals)}" + (returnDate is { } back ? $"; back {back.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : string.Empty);
        return new AutoReplyReading(outOfOffice, returnDate, signals, confidence, reason, departure.Success);
    }

    /// <summary>Whether a text says its writer left or the mailbox is no longer used.</summary>
    public static bool IsDepartureText(string? text) => !string.IsNullOrWhiteSpace(text) && SafeIsMatch(DepartureWording(), text);

    /// <summary>Whether a text (already stripped of quotes) reads as an out-of-office note.</summary>
    public static bool IsOutOfOfficeText(string? text) => !string.IsNullOrWhiteSpace(text) && SafeIsMatch(OutOfOfficeWording(), text);

    // iCloud states the vacation window: X-Apple-Criteria: {kind=VACATION,startDate=...,endDate=2020-01-10T14:59:59Z}.
    private static DateOnly? AppleReturnDate(string? criteria, MimeMessage message)
    {
        if (criteria is null || AppleEndDate().Match(criteria) is not { Success: true } match
            || !DateTimeOffset.TryParse(match.Groups["end"].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var end))
        {
            return null;
        }

        var local = end.ToOffset(SafeDate(message)?.Offset ?? TimeSpan.Zero);
        var day = DateOnly.FromDateTime(local.DateTime);

        // A window ending in the afternoon or later ends that day: the person is back the next.
        return local.Hour >= 12 ? day.AddDays(1) : day;
    }

    private static bool SafeIsMatch(Regex regex, string text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    internal static string SafeBody(MimeMessage message)
    {
        try
        {
            return ReplyText.BodyText(message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return string.Empty;
        }
    }

    internal static string SafeSubject(MimeMessage message)
    {
        try
        {
            return MailText.Subject(message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return string.Empty;
        }
    }

    private static string? SafeMessageId(MimeMessage message)
    {
        try
        {
            return message.MessageId ?? message.Headers[HeaderId.MessageId];
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    private static DateTimeOffset? SafeDate(MimeMessage message)
    {
        try
        {
            return message.Headers.Contains(HeaderId.Date) ? message.Date : null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }
}
