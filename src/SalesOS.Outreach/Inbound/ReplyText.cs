using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace SalesOS.Outreach.Inbound;

/// <summary>
/// What a person wrote in a reply, without the message they answered: "On &lt;date&gt;, &lt;name&gt; wrote:"
/// headers in many clients and languages (also wrapped over two or three lines), "&gt;" quoting, Outlook's
/// "-----Original Message-----" and "From: … Sent: …" blocks, forwarded blocks, HTML-only replies.
/// <see cref="Strip"/> keeps the signature (as talon does: "Sent from my iPhone" stays); <see cref="StripSignature"/>
/// also drops the "-- " block, device lines and the sign-off with the name, title and phone under it.
/// </summary>
public static partial class ReplyText
{
    private const int MaxChars = 100_000;
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"^[\s>\-*_]*(on|am|le|el|il|op|em|den|på|w dniu|dne|el d[ií]a|\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\d{4}年).{0,400}?(wrote|writes|schrieb|a [ée]crit|escribi[óo]|ha scritto|scrisse|schreef|escreveu|skrev|napisa[łl]a?|kirjoitti|napsal|написал\(а\)|написала?|yazd[ıi]|写道|のメッセージ)\s*:?\s*$", Options, 1000)]
    private static partial Regex WroteLine();

    [GeneratedRegex(@"^[\s>*]*.{0,200}\b(schrieb am|wrote on|a [ée]crit le|escribi[óo] el|ha scritto il|schreef op|escreveu em)\b.{0,160}:\s*$|^[\s>\-*_]*(on|am|le|el|il|op|em|den)\b.{0,300}?\b(wrote|schrieb|a [ée]crit|escribi[óo]|ha scritto|schreef|escreveu|skrev)\b.{0,200}:\s*$", Options, 1000)]
    private static partial Regex WroteOnLine();

    [GeneratedRegex(@"^[\s>]*-{2,}\s*(original message|original-nachricht|urspr[üu]ngliche nachricht|message d'origine|mensaje original|messaggio originale|oorspronkelijk bericht|mensagem original|forwarded message|weitergeleitete nachricht|message transf[ée]r[ée]|mensaje reenviado|messaggio inoltrato|doorgestuurd bericht|oprindelig meddelelse|ursprungligt meddelande|mensagem encaminhada|original e-?mail)\s*-{2,}\s*$|^[\s>]*(begin forwarded message|anfang der weitergeleiteten nachricht|d[ée]but du message r[ée]exp[ée]di[ée]|inicio del mensaje reenviado)\s*:", Options, 1000)]
    private static partial Regex SeparatorLine();

    [GeneratedRegex(@"^[\s>*]*(from|von|de|da|van|fr[åa]n|fra|od|от)\s*\*?\s*:", Options, 1000)]
    private static partial Regex FromLabel();

    [GeneratedRegex(@"^[\s>*]*(sent|date|gesendet|datum|envoy[ée]|enviado( el)?|enviada( em)?|fecha|inviato|data|verzonden|skickat|sendt|wys[łl]ano|отправлено|дата)\s*\*?\s*:", Options, 1000)]
    private static partial Regex SentLabel();

    [GeneratedRegex(@"^[\s>*]*(to|an|à|a|para|aan|till|til|do|кому|subject|betreff|objet|asunto|oggetto|onderwerp|assunto|ämne|emne|temat|тема|cc)\s*\*?\s*:", Options, 1000)]
    private static partial Regex ToOrSubjectLabel();

    [GeneratedRegex(@"^\s*(_{10,}|-{10,}|={10,})\s*$", Options, 1000)]
    private static partial Regex RuleLine();

    [GeneratedRegex(@"^\s*(sent from my|sent from (mail|outlook|yahoo mail|gmail|samsung)|get outlook for|sent with|sent via|sent using|envoy[ée] de mon|envoy[ée] depuis|von meinem .{1,40} gesendet|gesendet von|enviado desde mi|enviado do meu|inviato da|verzonden (met|vanaf) mijn)\b", Options, 1000)]
    private static partial Regex DeviceLine();

    [GeneratedRegex(@"^\s*(best( regards| wishes)?|kind regards|warm regards|regards|many thanks|thanks( again| so much| a lot)?|thank you|cheers|all the best|sincerely|yours|talk soon|br|rgds|viele gr(ü|ue)(ß|ss)e|liebe gr(ü|ue)(ß|ss)e|beste gr(ü|ue)(ß|ss)e|sch(ö|oe)ne gr(ü|ue)(ß|ss)e|mit freundlichen gr(ü|ue)(ß|ss)en|freundliche gr(ü|ue)(ß|ss)e|gr(ü|ue)(ß|ss)e|lg|vg|mfg|danke|cordialement|bien (à|a) vous|bien cordialement|salutations|merci|saludos( cordiales)?|un saludo|atentamente|gracias|cordiali saluti|distinti saluti|saluti|grazie|met vriendelijke groet(en)?|groeten|atenciosamente|abra[çc]os|obrigad[oa])\s*[,.!-]*\s*$", Options, 1000)]
    private static partial Regex Valediction();

    /// <summary>The reply without the quoted message it answers; the signature stays.</summary>
    public static string Strip(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        try
        {
            var lines = MailText.NormalizeNewlines(text.Length > MaxChars ? text[..MaxChars] : text).Split('\n');
            var kept = WithoutQuotedMessage(lines);
            return Tidy(kept);
        }
        catch (RegexMatchTimeoutException)
        {
            return text.Trim();
        }
    }

    /// <summary>The reply without the quoted message and without the signature: what the person said.</summary>
    public static string StripSignature(string? text)
    {
        var reply = Strip(text);
        if (reply.Length == 0)
        {
            return reply;
        }

        try
        {
            var lines = reply.Split('\n').ToList();
            var delimiter = lines.FindIndex(l => l.TrimEnd() == "--" || l == "-- ");
            if (delimiter >= 0)
            {
                lines = lines[..delimiter];
            }

            lines = lines.Where(l => !DeviceLine().IsMatch(l)).ToList();

            // A sign-off in the last lines, followed only by a short name/title/phone block, ends what was said.
            for (var i = lines.Count - 1; i >= 0 && i >= lines.Count - 12; i--)
            {
                if (!Valediction().IsMatch(lines[i]))
                {
                    continue;
                }

                var after = lines.Skip(i + 1).Where(l => l.Trim().Length > 0).ToList();
                if (after.Count <= 8 && after.All(l => l.Trim().Length <= 80))
                {
                    lines = lines[..i];
                }

                break;
            }

            return Tidy(lines);
        }
        catch (RegexMatchTimeoutException)
        {
            return reply;
        }
    }

    private static List<string> WithoutQuotedMessage(string[] lines)
    {
        var kept = new List<string>();
        var i = 0;
        while (i < lines.Length)
        {
            var (isSplitter, span, quotedBelow) = SplitterAt(lines, i);
            if (!isSplitter)
            {
                if (!IsQuoted(lines[i]))
                {
                    kept.Add(lines[i]);
                }

                i++;
                continue;
            }

            if (!quotedBelow)
            {
                // "Original Message" and header blocks quote without "&gt;": all below is the old message.
                break;
            }

            // "On … wrote:" over a "&gt;" block: text after the block is a bottom-posted or inline answer.
            i += span;
            while (i < lines.Length && (IsQuoted(lines[i]) || lines[i].Trim().Length == 0))
            {
                i++;
            }
        }

        while (kept.Count > 0 && (kept[^1].Trim().Length == 0 || RuleLine().IsMatch(kept[^1])))
        {
            kept.RemoveAt(kept.Count - 1);
        }

        return kept;
    }

    private static bool IsQuoted(string line) => line.TrimStart().StartsWith('>') || line.StartsWith('|');

    private static (bool IsSplitter, int Span, bool QuotedBelow) SplitterAt(string[] lines, int i)
    {
        var line = lines[i];
        if (line.Trim().Length == 0)
        {
            return (false, 0, false);
        }

        if (SeparatorLine().IsMatch(line))
        {
            return (true, 1, false);
        }

        if (RuleLine().IsMatch(line) && i + 1 < lines.Length && FromLabel().IsMatch(NextNonBlank(lines, i + 1)))
        {
            return (true, 1, false);
        }

        // "On Mon, Apr 2, 2012 at 6:26 PM, Megan One <x@y.com> wrote:" may be wrapped by the client.
        for (var span = 1; span <= 3 && i + span <= lines.Length; span++)
        {
            var joined = string.Join(' ', lines[i..(i + span)].Select(l => l.Trim()));
            if (joined.Length > 500)
            {
                break;
            }

            if (WroteLine().IsMatch(joined) || WroteOnLine().IsMatch(joined))
            {
                if (IsQuoted(lines[i]))
                {
                    // A quoted "On … wrote:" belongs to the quote already removed line by line.
                    return (false, 0, false);
                }

                var below = i + span < lines.Length ? NextNonBlank(lines, i + span) : string.Empty;
                return (true, span, IsQuoted(below) || below.Length == 0);
            }

            if (span < 3 && i + span < lines.Length && lines[i + span - 1].Trim().EndsWith(':'))
            {
                break;
            }
        }

        if (FromLabel().IsMatch(line) && !IsQuoted(line))
        {
            var window = lines.Skip(i + 1).Take(6).ToList();
            if (window.Any(l => SentLabel().IsMatch(l)) && window.Any(l => ToOrSubjectLabel().IsMatch(l)))
            {
                return (true, 1, false);
            }
        }

        return (false, 0, false);
    }

    private static string NextNonBlank(string[] lines, int from)
    {
        for (var i = from; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length > 0)
            {
                return lines[i];
            }
        }

        return string.Empty;
    }

    private static string Tidy(IEnumerable<string> lines)
    {
        var text = new StringBuilder();
        var blank = 0;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            if (line.Length == 0)
            {
                blank++;
                continue;
            }

            if (text.Length > 0)
            {
                text.Append('\n', Math.Min(blank, 1) + 1);
            }

            blank = 0;
            text.Append(line);
        }

        return text.ToString().Trim('\n');
    }

    /// <summary>
    /// The human text of a message: its first inline text/plain part, or its HTML converted when it has none
    /// (blockquotes become "&gt;" lines). Attached messages are not part of it.
    /// </summary>
    public static string BodyText(MimeMessage message)
    {
        var plain = FindPart(message.Body, html: false, 0);
        if (plain is not null)
        {
            var text = MailText.ReadAsPlainText(plain);
            if (!string.IsNullOrWhiteSpace(text))
            {
                return text;
            }
        }

        var html = FindPart(message.Body, html: true, 0);
        return html is null ? string.Empty : MailText.ReadAsPlainText(html);
    }

    private static MimePart? FindPart(MimeEntity? entity, bool html, int depth)
    {
        if (entity is null || depth > 32)
        {
            return null;
        }

        switch (entity)
        {
            case Multipart multipart:
                foreach (var child in multipart)
                {
                    if (FindPart(child, html, depth + 1) is { } found)
                    {
                        return found;
                    }
                }

                if (multipart.Count == 0 && !html && !string.IsNullOrWhiteSpace(multipart.Preamble))
                {
                    return new TextPart("plain") { Text = multipart.Preamble };
                }

                return null;
            case MessagePart:
                return null;
            case MimePart part when !part.IsAttachment || string.IsNullOrEmpty(part.FileName):
                return part.ContentType.IsMimeType("text", html ? "html" : "plain") ? part : null;
            default:
                return null;
        }
    }
}
