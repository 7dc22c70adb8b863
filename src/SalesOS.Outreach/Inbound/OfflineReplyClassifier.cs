using System.Globalization;
using System.Text.RegularExpressions;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Outreach;
using SalesOS.Outreach.Ports;

namespace SalesOS.Outreach.Inbound;

/// <summary>
/// Reads what a person meant by a reply to a cold email, from its wording in English, German, French and
/// Spanish, without any service. Unsubscribe wins over everything (the sender is suppressed at once), a
/// referral wins over a decline, an out-of-office note is recognised as such; interest and decline are
/// weighed with their negations ("not interested", "doesn't sound like a fit") and with "but" (the clause
/// after it is the one that counts). A question without a clearer intent is a Question. The Reason names
/// the phrase that decided.
/// </summary>
public sealed partial class OfflineReplyClassifier : IReplyIntentClassifier
{
    public string Name => "offline";

    public Task<ReplyIntent> ClassifyAsync(string replyText, string? subject, DateTimeOffset received, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Classify(replyText, subject, received));
    }

    private enum Signal
    {
        Unsubscribe,
        Referral,
        NotInterested,
        Interested,
        Question,
    }

    private sealed record Hit(Signal Signal, string Phrase, int Index, bool Strong);

    private const RegexOptions Options = RegexOptions.CultureInvariant;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private static Regex P(string pattern) => new(pattern, Options | RegexOptions.Compiled, Timeout);

    // Patterns run on folded text: lower case, no accents, "ß" as "ss", curly quotes straightened.
    private static readonly Regex[] UnsubscribePhrases =
    [
        P(@"\bunsubscrib\w*|\bremove (me|us|my (e-?mail|address|name|details|contact|data|info\w*))\b|\btake (me|us|my \w+) off\b|\bstop (e-?mailing|emailing|contacting|sending|messaging|spamming|writing to|reaching out to)( me| us)?\b|\b(do not|don'?t|never) (e-?mail|contact|write to|message|reach out to|send me)\b|\bopt(ing)?[- ]?(me )?out\b|\bno more (e-?mails|emails|messages)\b|\b(delete|erase|remove|wipe) (all )?(of )?my (personal )?(data|information|details|contact details|e-?mail address)\b|\bright to (erasure|be forgotten)\b|\bgdpr (request|erasure|article|art\.?)|\b(under|per|according to|pursuant to|in line with) (the )?gdpr\b|\barticle 17\b|\bcease and desist\b|\bleave me alone\b|\b(report|mark)(ing)? (you|this|your e-?mails?) as spam\b|\blose my (e-?mail|number|address)\b|\bdo not contact\b|\bnot to be contacted\b|\bnever hear from you\b"),
        P(@"\babmelden\b|\baustragen\b|\bentfernen sie mich\b|\b(aus|von) (ihrem|eurem|ihrer|dem|der) (verteiler|liste|mailingliste|newsletter|datenbank)\b|\b(bitte )?keine (weiteren )?(e-?mails|mails|nachrichten|werbung|anfragen)\b|\bkontaktieren sie mich nicht\b|\bschreiben sie mir nicht\b|\bnicht mehr (kontaktieren|anschreiben|schreiben|zu kontaktieren)\b|\b(loschen|loeschen) sie (bitte )?(meine|alle meine) (daten|kontaktdaten|e-?mail)\b|\bloschung meiner\b|\b(gemass|nach|laut|gem\.) (der )?dsgvo\b|\bart\.? ?17 dsgvo\b|\bwiderspruch\b|\bwidersprech\w*|\bwiderspreche\b|\bwerbewiderspruch\b"),
        P(@"\b(me )?desabonner\b|\bdesinscri\w*|\bretirez[- ]moi\b|\bretirer (mon adresse )?de (votre|vos|la) (liste|fichier|base)\b|\bne (plus|pas) (me )?(contacter|recontacter|ecrire|solliciter)\b|\bne me (contactez|recontactez|sollicitez|ecrivez) plus\b|\bsupprime[rz] (toutes )?mes (donnees|coordonnees)\b|\b(au titre du|conformement au|selon le) rgpd\b|\bdroit a l'effacement\b|\barrete[rz] de m'ecrire\b|\bplus de mails\b"),
        P(@"\bdar(me|nos)? de baja\b|\bbaja de (su|la|vuestra) lista\b|\beliminar(me|nos)? de\b|\beliminen mis datos\b|\bborren mis datos\b|\bno (me|nos) (contacte|contacten|escriba|escriban|vuelva|vuelvan)\b|\bdej(e|en|a) de (enviarme|escribirme|contactarme)\b|\bno quiero recibir\b|\bderecho de supresion\b|\bcancelar (la )?suscripcion\b|\bdesuscrib\w*"),
    ];

    private static readonly Regex[] DeclinePhrases =
    [
        P(@"\b(isn'?t|is not|aren'?t|are not|wasn'?t) (a |the |really a )?(good |great |right |strong )?(fit|match)\b|\b(doesn'?t|does not|don'?t|do not|wouldn'?t|would not|isn'?t|is not) (really )?(sound|seem|look|feel) like (a |an )?(good |great |right |strong )?(fit|match|priority)\b|\bnot interested\b|\bno interest\b|\bnot (a |the )?(good |right |great )?(fit|priority|focus|need)( for us| right now| at the moment)?\b|\bno,? thanks?( you)?\b|\bthanks,? but no\b|\b(we'?re|we are|i'?m|i am) (all )?(set|good)\b|\ball set\b|\balready (have|use|using|work with|working with|signed|partnered|got|own|invested)\b|\bhappy with (our|what we|the current|the existing|our current)\b|\bwe (have|use) (a|an|our own|another) (solution|vendor|provider|tool|system|platform|partner|agency)\b|\bnot (currently )?(looking|in the market|considering|planning|buying|evaluating|exploring)\b|\bno (need|budget|plans|capacity|bandwidth)\b|\bdon'?t have (the )?(budget|capacity|bandwidth|a need)\b|\b(not|isn'?t|is not) (something|anything) we\b|\bnot (at this|at the|right) (time|moment|now)\b|\bnot right now\b|\bnot now\b|\bwe'?ll pass\b|\bwill pass\b|\bpass on this\b|\bdon'?t need\b|\bdo not need\b|\bno use for\b|\bwon'?t be (moving forward|pursuing|needing)\b|\bnot for us\b|\b(isn'?t|is not|not) (a )?(priority|relevant)\b|\bdifferent direction\b|\bdecided to go with\b|\bwent with\b|\bjust signed\b|\bsigned with\b|\btiming (isn'?t|is not|is not quite) right\b|\bno need to follow up\b|\bcircle back (next|in)\b|\bmaybe next (year|quarter)\b|\bnot this (year|quarter)\b|\bnot the right time\b|\bwe'?re covered\b|\bdecline\b|\bnot going to (move forward|proceed|pursue)\b|\bnothing we need\b|\bwe build (it|this|our own) (in-?house|internally)\b|\bhandle (it|this) in-?house\b"),
        P(@"\bkeine[nm]? (interesse|bedarf|budget|verwendung)\b|\bnicht interessiert\b|\bnein,? danke\b|\bbrauchen wir nicht\b|\bbenotigen wir nicht\b|\bhaben (bereits|schon) (eine|einen|ein)\b|\bsind (bereits|schon|gut) (versorgt|aufgestellt)\b|\b(derzeit|aktuell|momentan|im moment|zur zeit|zurzeit) (nicht|kein)\b(?! (im|am|in) (buro|platz|haus|urlaub|office))(?! (erreichbar|da|verfugbar|anwesend))|\bpasst (leider )?nicht\b|\bkeine prioritat\b|\bnicht relevant\b|\bkein thema\b|\bverzichten\b"),
        P(@"\bpas interesse\w*|\bpas d'interet\b|\bnon,? merci\b|\bpas (de )?besoin\b|\bnous (avons|utilisons) deja\b|\bpas pour le moment\b|\bpas pour l'instant\b|\bpas prioritaire\b|\bne nous interesse pas\b|\bne m'interesse pas\b|\bsommes deja equipes\b|\bne donnerons pas suite\b"),
        P(@"\bno (estoy|estamos) interesad\w*|\bno (me|nos) interesa\b|\bno,? gracias\b|\bno necesitamos\b|\bya (tenemos|usamos|contamos con|trabajamos con)\b|\bno es (una )?prioridad\b|\bpor ahora no\b|\bde momento no\b|\ben este momento no\b|\bno es para nosotros\b"),
    ];

    private static readonly Regex[] InterestPhrases =
    [
        P(@"\b(can|could|shall|should) we (talk|chat|meet|speak|connect|hop on|jump on|set up|schedule|book|find a time|do a call)\b|\b(wouldn'?t|would not) (say no|mind|object|be opposed)\b|\bnot opposed to\b|\bi'?m open to\b|\binterested\b|\bsounds (good|great|interesting|promising|intriguing|like a plan|perfect)\b|\blet'?s (talk|chat|connect|set (something|it|a time) up|schedule|do it|meet|find a time|hop on|jump on|book)\b|\bhappy to (chat|talk|connect|meet|learn more|take a look|hop on|jump on|have a (call|chat|look))\b|\b(would|'d) (love|like|be happy|be glad|be keen) to (chat|talk|learn|see|hear|connect|meet|try|set up|schedule|book|get a demo|take a look)\b|\bsend (me |us |over )?(some |a few |your )?(times|availability|calendar|invite|calendar invite|meeting invite|booking link)\b|\b(book|schedule|set up|arrange|organi[sz]e|grab|find) (a |an |some )?(quick |short |brief |\d+[- ]?min(ute)?s? )?(call|meeting|demo|time|chat|intro|slot|session)\b|\b(jump|hop) on a (call|quick call)\b|\bcalendly\b|\bmy calendar\b|\bwhat does your (calendar|availability|schedule) look like\b|\bwhen are you (free|available)\b|\b(i'?m|i am|we'?re|we are) (free|available) (on|next|tomorrow|this|at|monday|tuesday|wednesday|thursday|friday)\b|\b(monday|tuesday|wednesday|thursday|friday|tomorrow)( afternoon| morning)? (works|would work|at \d)\b|\bhow about (monday|tuesday|wednesday|thursday|friday|next|tomorrow|\d)\b|\bworth a (conversation|chat|call|look)\b|\bopen to (a |an )?(chat|call|conversation|demo|learning|exploring|it)\b|\bkeen to\b|\bcount me in\b|\bi'?m in\b|\blet'?s go\b|\blooking forward to (the call|chatting|speaking|talking|our)\b|\bcould you do (monday|tuesday|wednesday|thursday|friday|next|tomorrow)\b|\bdemo\b"),
        P(@"\bhaben sie .{0,40}\bzeit fur (einen|ein|eine) (kurzen |kurzes )?(call|termin|telefonat|gesprach|austausch|video-?call)\b|\b(ist|klingt) (fur uns |sehr )?interessant\b|\binteressiert\b|\binteresse\b|\bklingt (gut|interessant|spannend|vielversprechend)\b|\bgerne (einen |ein |eine )?(termin|call|gesprach|telefonat|demo|austausch|video-?call|mehr)\b|\blassen sie uns (sprechen|telefonieren|reden|austauschen)\b|\bschicken sie mir (gerne )?(termine|terminvorschlage|einen termin|eine einladung)\b|\btermin (vereinbaren|ausmachen|finden)\b|\bwann haben sie zeit\b|\bich habe (am|nachste|diese)\b.{0,20}\bzeit\b|\bpasst mir\b"),
        P(@"\bcalons (un|une)\b|\bpourquoi pas\b|\binteresse\w*|\bca m'interesse\b|\bvolontiers\b|\bavec plaisir\b|\bca a l'air (interessant|bien)\b|\b(on peut|pouvons-nous|pourrions-nous) (en parler|echanger|nous appeler|caler)\b|\benvoyez[- ]moi (des creneaux|vos disponibilites|une invitation)\b|\bprenons (un )?rendez-vous\b|\b(un|une) (appel|rendez-vous|demo|visio|call)\b|\bje suis disponible\b|\bparlons[- ]en\b|\bcaler un (appel|creneau|call)\b"),
        P(@"\b(me|nos) parece (interesante|bien)\b|\bhablamos\b|\b(podemos|podriamos) hablar\b|\b(me|nos) interesa\b|\binteresad\w*|\bsuena (bien|interesante)\b|\bhablemos\b|\bcon gusto\b|\bme encantaria\b|\b(podemos|agendemos|agendar|programar|coordinar) una (llamada|reunion|demo|videollamada)\b|\benviame (horarios|tu disponibilidad|una invitacion)\b|\bestoy disponible\b|\bcuando (tienes|tiene) tiempo\b"),
    ];

    // Requests for information: questions, not yet interest.
    private static readonly Regex InformationRequest = P(@"\btell me more\b|\bmore (info|information|details)\b|\bsend (me |us |over )?(some |more )?(info|information|details|a deck|your deck|pricing|a brochure|case studies)\b|\bwhat (is|are|does|do|would)\b|\bhow (much|does|do|would|is|are|many|long)\b|\bpricing\b|\bprice\b|\bcost\b|\bintegrat\w*|\bcan you (share|explain|clarify)\b|\bmehr (infos|informationen|details)\b|\bwas kostet\b|\bwie (funktioniert|viel)\b|\bplus d'(infos|informations)\b|\bcombien\b|\bcomment (ca|cela) (marche|fonctionne)\b|\bmas informacion\b|\bcuanto cuesta\b|\bcomo funciona\b");

    private static readonly Regex QuestionStart = P(@"(^|[.!?\n]\s*)(what|how|why|when|where|who|which|can you|could you|do you|does it|does this|is it|is this|is there|are you|are there|would it|will it|wie|was|warum|wann|welche|konnen sie|gibt es|haben sie|ist das|comment|quel|quelle|pourquoi|combien|est-ce|pouvez-vous|avez-vous|como|que|cual|cuanto|por que|pueden|tienen|es posible)\b");

    private static readonly Regex ReferralCue = P(@"\b(not|n'?t) (the )?(right|best|correct|appropriate|relevant) (person|contact|guy|one|people|team)\b|\bwrong (person|contact|guy|team)\b|\b(you should|you'?d better|better to|best to|please|try|you might want to|you may want to|i'?d suggest|i suggest|i recommend) (talk|speak|reach out|contact|get in touch|connect|e-?mail|write|ping|check)\w*\b(?! (me|us|my|myself)\b)(?! (to|with) (me|us)\b)|\b(you could|you can|you might) try\b|\btry(ing)? reaching out\b|\b(this|that|it) (would be|is) (for|a question for|one for)\b|\bwould be the one\b|\byou('ll| will) want to (talk|speak|reach out)\b|\breach out to\b(?! (me|us)\b)|\bget in touch with\b(?! (me|us)\b)|\b(the )?(right|best|better|correct|new) (person|contact|people)( now| here| for this)? (is|would be|are)\b|\b(is|would be) (the )?(right|best|better) (person|contact)\b|\b(handles|owns|manages|runs|looks after|leads|heads|takes care of|is responsible for|is in charge of|covers|oversees) (this|that|our|all|the|these|vendor|purchasing|procurement|marketing|sales|it|tech)\b|\b(cc'?d|cc'?ing|copied|copying|looped in|looping in|looping|adding|added|introducing|forwarded (this|your e-?mail|your note|it|your message) to|passed (this|it|your e-?mail|your note) (on )?to|passing (this|it) (on )?to)\b|\bnicht (der|die) (richtige|passende|zustandige) (ansprechpartner|ansprechpartnerin|person|kontakt)\b|\bwenden sie sich (bitte )?an\b|\bzustandig\b|\bansprechpartner(in)? (ist|dafur|hierfur)\b|\bleite (ihre|die) (anfrage|e-?mail|nachricht) weiter\b|\bpas la bonne personne\b|\bpas le bon interlocuteur\b|\bcontactez plutot\b|\badressez[- ]vous a\b|\b(s'occupe|est en charge|est responsable) (de|du|des)\b|\bje transmets\b|\btook over\b|\bhas taken over\b|\breplaced me\b|\bubernimmt\b|\bno soy la persona (adecuada|indicada|correcta)\b|\b(hable|habla|contacte|contacta|escriba|escribe) (con|a)\b|\b(se encarga|es (el|la) responsable|lleva) (de|del|este|esto)\b|\breenvio (tu|su) (correo|mensaje)\b");

    private static readonly Regex Negator = P(@"\b(not|no|never|hardly|nicht|kein|keine|keinen|nie|pas|ne|jamais|nunca|ni|non|niet|geen|nao)\b|n'?t\b");

    private static readonly Regex DoubleNegative = P(@"\b(wouldn'?t|would not) (say no|mind|object|be opposed)\b|\bnot opposed\b|\bno objection\b|\bnicht abgeneigt\b|\bpas contre\b");

    private static readonly Regex Contrast = P(@"\b(but|however|though|although|that said|aber|jedoch|allerdings|mais|cependant|pero|sin embargo)\b");

    public static ReplyIntent Classify(string? replyText, string? subject, DateTimeOffset received)
    {
        var text = replyText ?? string.Empty;
        if (string.IsNullOrWhiteSpace(text) && string.IsNullOrWhiteSpace(subject))
        {
            return new ReplyIntent(ReplyKind.Other, 0.3, "empty reply");
        }

        try
        {
            return ClassifyText(text, subject ?? string.Empty, received);
        }
        catch (RegexMatchTimeoutException)
        {
            return new ReplyIntent(ReplyKind.Other, 0.2, "reply text too irregular to read");
        }
    }

    private static ReplyIntent ClassifyText(string text, string subject, DateTimeOffset received)
    {
        var folded = ReturnDates.Fold(text.Length > 20_000 ? text[..20_000] : text);
        var foldedSubject = ReturnDates.Fold(subject);
        var hits = new List<Hit>();

        Collect(hits, UnsubscribePhrases, folded, Signal.Unsubscribe);
        Collect(hits, UnsubscribePhrases, StripReplyPrefix(foldedSubject), Signal.Unsubscribe, subjectOffset: -1);
        if (Regex.IsMatch(folded.Trim(), @"^(stop|stopp|remove|unsubscribe|desabonner|baja)[.!]*$", Options, Timeout))
        {
            hits.Add(new Hit(Signal.Unsubscribe, folded.Trim(), 0, true));
        }

        if (hits.FirstOrDefault(h => h.Signal == Signal.Unsubscribe) is { } unsubscribe)
        {
            return new ReplyIntent(ReplyKind.Unsubscribe, 0.95, $"unsubscribe: \"{unsubscribe.Phrase}\"");
        }

        // An out-of-office note names a deputy for urgent matters: that is not a referral.
        var outOfOffice = AutoReplies.IsOutOfOfficeText(text) && !AutoReplies.IsDepartureText(text);
        if (outOfOffice && !InterestPhrases.Concat(DeclinePhrases).Any(r => r.IsMatch(folded)))
        {
            var back = ReturnDates.Find(text, received);
            var note = back is { } day ? $"; back {day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : string.Empty;
            return new ReplyIntent(ReplyKind.OutOfOffice, 0.85, $"out of office note{note}", null, back);
        }

        var referralCue = ReferralCue.Match(folded);
        var referral = referralCue.Success ? Referrals.Find(text, referralCue.Value) : null;
        if (referralCue.Success)
        {
            var detail = referral is null ? string.Empty : $" ({string.Join(", ", new[] { referral.Name, referral.Email, referral.Title }.Where(v => v is not null))})";
            return new ReplyIntent(ReplyKind.Referral, referral is null ? 0.7 : 0.9, $"referral: \"{referralCue.Value}\"{detail}", referral);
        }

        Collect(hits, DeclinePhrases, folded, Signal.NotInterested);
        foreach (var regex in InterestPhrases)
        {
            foreach (Match match in regex.Matches(folded))
            {
                if (Negated(folded, match.Index))
                {
                    hits.Add(new Hit(Signal.NotInterested, Clause(folded, match.Index, match.Length), match.Index, true));
                }
                else if (!hits.Any(h => h.Signal == Signal.NotInterested && h.Index <= match.Index && h.Index + h.Phrase.Length >= match.Index + match.Length))
                {
                    hits.Add(new Hit(Signal.Interested, match.Value, match.Index, true));
                }
            }
        }

        var declines = hits.Where(h => h.Signal == Signal.NotInterested).ToList();
        var interests = hits.Where(h => h.Signal == Signal.Interested).ToList();
        if (declines.Count > 0 || interests.Count > 0)
        {
            var winner = Weigh(folded, declines, interests);
            var kind = winner.Signal == Signal.Interested ? ReplyKind.Interested : ReplyKind.NotInterested;
            var mixed = declines.Count > 0 && interests.Count > 0;
            var label = kind == ReplyKind.Interested ? "interested" : "not interested";
            return new ReplyIntent(kind, mixed ? 0.7 : 0.85, $"{label}: \"{winner.Phrase}\"" + (mixed ? " (outweighs a mixed signal)" : string.Empty));
        }

        var information = InformationRequest.Match(folded);
        var asks = folded.Contains('?', StringComparison.Ordinal) || QuestionStart.IsMatch(folded);
        if (asks || information.Success)
        {
            var phrase = information.Success ? information.Value : QuestionSentence(folded);
            return new ReplyIntent(ReplyKind.Question, asks && information.Success ? 0.8 : 0.65, $"question: \"{phrase}\"");
        }

        if (Regex.IsMatch(folded.Trim(), @"^(yes|yes please|sure|ok|okay|absolutely|definitely|ja|gerne|oui|si|claro|por supuesto|d'accord|go ahead)[.!]*$", Options, Timeout))
        {
            return new ReplyIntent(ReplyKind.Interested, 0.7, $"interested: \"{folded.Trim()}\"");
        }

        if (Regex.IsMatch(folded.Trim(), @"^(no|nope|nein|non|no gracias|nah)[.!]*$", Options, Timeout))
        {
            return new ReplyIntent(ReplyKind.NotInterested, 0.75, $"not interested: \"{folded.Trim()}\"");
        }

        return new ReplyIntent(ReplyKind.Other, 0.5, "no intent phrase found");
    }

    private static void Collect(List<Hit> hits, Regex[] patterns, string text, Signal signal, int subjectOffset = 0)
    {
        foreach (var regex in patterns)
        {
            foreach (Match match in regex.Matches(text))
            {
                hits.Add(new Hit(signal, match.Value, subjectOffset < 0 ? -1 : match.Index, true));
            }
        }
    }

    private static string StripReplyPrefix(string subject) => Regex.Replace(subject, @"^\s*((re|aw|sv|fw|fwd|wg|tr|rv)\s*:\s*)+", string.Empty, Options, Timeout);

    /// <summary>A negator in the words just before the phrase, in the same clause ("we're not interested").</summary>
    private static bool Negated(string text, int index)
    {
        var start = Math.Max(0, index - 28);
        var window = text[start..index];
        var cut = window.LastIndexOfAny(['.', '!', '?', '\n', ',', ';']);
        if (cut >= 0)
        {
            window = window[(cut + 1)..];
        }

        var contrast = Contrast.Matches(window);
        if (contrast.Count > 0)
        {
            window = window[(contrast[^1].Index + contrast[^1].Length)..];
        }

        // "I wouldn't say no to a demo", "not opposed to a call": two negations make a yes.
        return Negator.IsMatch(window) && !DoubleNegative.IsMatch(window);
    }

    private static string Clause(string text, int index, int length)
    {
        var start = Math.Max(0, index - 28);
        var window = text[start..index];
        var cut = window.LastIndexOfAny(['.', '!', '?', '\n', ',', ';']);
        var from = cut >= 0 ? start + cut + 1 : start;
        return text[from..(index + length)].Trim();
    }

    /// <summary>Decline against interest: the clause after the last "but" speaks last; else the explicit decline.</summary>
    private static Hit Weigh(string text, List<Hit> declines, List<Hit> interests)
    {
        if (declines.Count == 0)
        {
            return interests[0];
        }

        if (interests.Count == 0)
        {
            return declines[0];
        }

        var contrasts = Contrast.Matches(text);
        if (contrasts.Count > 0)
        {
            var pivot = contrasts[^1].Index;
            var after = declines.Concat(interests).Where(h => h.Index > pivot).OrderBy(h => h.Index).FirstOrDefault();
            if (after is not null)
            {
                return after;
            }
        }

        return declines[0];
    }

    private static string QuestionSentence(string text)
    {
        var mark = text.IndexOf('?', StringComparison.Ordinal);
        if (mark < 0)
        {
            var first = text.Split('\n', '.')[0].Trim();
            return first.Length > 80 ? first[..80] : first;
        }

        var start = text.LastIndexOfAny(['.', '!', '\n'], mark) + 1;
        var sentence = text[start..(mark + 1)].Trim();
        return sentence.Length > 80 ? sentence[^80..] : sentence;
    }
}

/// <summary>Who a reply points to: an email address, a name and a title, as written.</summary>
internal static partial class Referrals
{
    private const string NameWord = @"(?:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:[-'’][A-ZÀ-ÖØ-Þa-zß-öø-ÿ][a-zß-öø-ÿ]+)?)";
    private const string FullName = NameWord + @"(?:\s+(?:van|von|de|da|del|der|den|la|le|di|du)?\s?" + NameWord + "){0,2}";

    private const string Departments = @"(?:Sales|Marketing|Operations|Revenue(?: Operations)?|RevOps|Finance|IT|People|HR|Human Resources|Partnerships|Engineering|Product|Procurement|Purchasing|Growth|Business Development|Customer Success|Commercial|Commerciale?|Technology|Digital|Data|Security|Legal|Supply Chain|Logistics|Talent|Recruiting|Vertrieb|Einkauf|Technik|Ventes|Achats|Compras|Ventas|Comercial|Informatique|Sistemas)";

    private const string TitleCore = @"(?:(?:Senior |Sr\.? |Global |Regional |Group |Interim |Deputy |Associate |Assistant )?(?:Head|VP|SVP|EVP|Vice President|Director|Directora?|Chief [A-Z][a-z]+ Officer|CEO|CTO|CFO|COO|CMO|CRO|CIO|CISO|CPO|Manager|Lead|Founder|Co-?[Ff]ounder|Owner|Partner|Leiter|Leiterin|Gesch[äa]ftsf[üu]hrer(?:in)?|Responsable|Directeur|Directrice|Jefe|Jefa|Gerente|Bereichsleiter(?:in)?|Abteilungsleiter(?:in)?|Teamleiter(?:in)?|Vertriebsleiter(?:in)?|Einkaufsleiter(?:in)?|IT-Leiter(?:in)?))";

    private const string TitleWords = "(?:" + TitleCore + @"(?:\s+(?:of|for|de|des|du|del|de la|f[üu]r|der)\s+(?:the\s+)?[A-Z][\w&/.-]*(?:\s+(?:&|and|und|et|y)?\s*[A-Z][\w&/.-]*){0,3}|\s+" + Departments + @"(?:\s+(?:&|and|und|et|y)\s+" + Departments + ")?)?|" + Departments + @" (?:Manager|Lead|Director|Leiter|Leiterin|Team|Head))";

    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "I", "We", "Our", "The", "Please", "Thanks", "Thank", "Hi", "Hello", "Dear", "He", "She", "They", "Him", "Her", "Them", "Me", "You", "Sales",
        "Marketing", "Head", "Team", "It", "This", "That", "Mr", "Ms", "Mrs", "Dr", "Frau", "Herr", "Herrn", "Madame", "Monsieur", "Sr", "Sra", "Best",
        "Regards", "Cheers", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Our Head", "Hey", "Sorry", "Unfortunately",
        "Procurement", "Purchasing", "Einkauf", "Finance", "Legal", "Operations", "Support", "Kind", "Many", "Yes", "No", "Not", "Also", "Ich", "Wir",
        "Je", "Nous", "Yo", "Nosotros", "Sie", "Vous", "Usted", "Bitte", "Merci", "Gracias", "Danke", "Ihr", "Ihre", "Unser", "Unsere", "Notre", "Nuestro",
        "Nuestra", "Herrn", "IT", "HR", "CEO", "CTO", "CFO", "COO", "CMO", "VP", "Director", "Commercial", "Revenue", "Partnerships", "Engineering",
        "Product", "Growth", "People", "Vertrieb", "Ventes", "Ventas", "Compras", "Technik", "Achats", "Comercial", "Directeur", "Directrice", "Jefe", "Leiter",
    };

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Email();

    [GeneratedRegex(@"(?i:\b(?:talk|speak|reach out|write|contact|e-?mail|ping|connect|get in touch|check|ask|try|cc'?d|cc'?ing|copied|copying|looped in|looping in|adding|added|introducing|forwarded (?:this|your e-?mail|your note|it|your message) to|passed (?:this|it|your e-?mail|your note) (?:on )?to|passing (?:this|it) (?:on )?to|wenden sie sich (?:bitte )?an|contactez(?: plut[oô]t)?|adressez[- ]vous [aà]|hable con|habla con|contacte a|contacta a|contacte con|escriba a|escribe a|transmets (?:votre|ton) (?:message|e-?mail|courriel) [aà]|weitergeleitet an|reenvi[eé] (?:su|tu) (?:mensaje|correo) a|escriba a|(?:person|contact|people)(?: now| here| for this)? (?:is|would be|are))\b)\s+(?:(?i:to|with|in|on|over to|with my colleague|my colleague|our|colleague|kollege|kollegin|meinen kollegen|meine kollegin|mon coll[eè]gue|ma coll[eè]gue|mi colega|frau|herrn?|mr\.?|ms\.?|mrs\.?|madame|monsieur|m\.)\s+)*(?<name>" + FullName + ")", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NameAfterCue();

    [GeneratedRegex(@"(?<name>" + FullName + @")\s*(?:\([^)]*\)\s*)?(?:,\s*)?(?:(?i:in|on|from|at|of) (?i:our |the |my )?[A-Za-z]+(?i: team)?\s+)?(?i:is (?:the )?(?:right|best|better) (?:person|contact)|would be (?:the )?(?:right|best|better)|handles|owns|manages|runs|looks after|leads|heads|takes care of|is responsible for|is in charge of|covers|oversees|took over|has taken over|replaced me|is now (?:handling|responsible)|ist (?:daf[üu]r )?zust[äa]ndig|k[üu]mmert sich|s'occupe|est en charge|est responsable|se encarga|es (?:el|la) responsable|lleva)\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NameBeforeRole();

    [GeneratedRegex(@"(?i:\b(?:our|my|the|unser(?:e|en)?|notre|nuestr[oa]|la|el|le)\s+)(?<title>(?i:" + TitleWords + @"))\s*,?\s+(?<name>" + FullName + ")", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex TitleThenName();

    public static ReferralSuggestion? Find(string text, string cue)
    {
        var email = Email().Match(text) is { Success: true } e ? e.Value.TrimEnd('.') : null;
        string? name = null;
        string? title = null;

        var titled = TitleThenName().Match(text);
        if (titled.Success && IsName(titled.Groups["name"].Value))
        {
            name = titled.Groups["name"].Value;
            title = titled.Groups["title"].Value.Trim();
        }

        if (name is null)
        {
            foreach (Match match in NameAfterCue().Matches(text))
            {
                if (IsName(match.Groups["name"].Value))
                {
                    name = TrimName(match.Groups["name"].Value);
                    break;
                }
            }
        }

        if (name is null && NameBeforeRole().Match(text) is { Success: true } before && IsName(before.Groups["name"].Value))
        {
            name = TrimName(before.Groups["name"].Value);
        }

        if (name is not null && title is null)
        {
            title = TitleNear(text, name);
        }

        if (name is null && email is null && title is null)
        {
            return null;
        }

        return new ReferralSuggestion(email, name, title);
    }

    private static string? TitleNear(string text, string name)
    {
        var at = text.IndexOf(name, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var after = text[(at + name.Length)..Math.Min(text.Length, at + name.Length + 120)];
        var match = Regex.Match(after, @"^\s*(?:\([^)]*\)\s*)?(?:[,\-–(:]\s*(?i:(?:who is|who's|who runs|who leads|who heads|qui est|der|die|que es)\s+)?|\s+(?i:who is|who's|is|ist|est|es)\s+)(?i:(?:our|my|the|unser(?:e|en)?|notre|nuestr[oa]|la|el|le|unsere)\s+)?(?<title>" + TitleWords + ")", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        if (!match.Success)
        {
            // "… Omar Haddad on this, he's our Head of Growth."
            match = Regex.Match(after, @"^[^.!?\n]{0,40}?\b(?i:he|she|they)(?:'s|’s| is| are)\s+(?i:(?:our|my|the)\s+)?(?<title>" + TitleWords + ")", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        return match.Success ? match.Groups["title"].Value.Trim().TrimEnd(',', '.', ')') : null;
    }

    private static bool IsName(string candidate)
    {
        var words = candidate.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && !NotNames.Contains(words[0]) && !NotNames.Contains(candidate);
    }

    private static string TrimName(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeWhile(w => !NotNames.Contains(w)).ToArray();
        return string.Join(' ', words);
    }
}
