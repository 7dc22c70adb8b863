using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SalesOS.Outreach.Inbound;

/// <summary>
/// The day an absent person is back, read from an out-of-office text in English, German, French, Spanish,
/// Italian, Dutch or Portuguese: "back on May 5", "returning 12/08/2026", "until Monday, 14 December",
/// "zurück am 5. Mai", "de retour le 3 janvier", ISO dates, "next Monday", "in two weeks".
/// <list type="bullet">
/// <item>Dates without a year take the year that puts them after the message was received.</item>
/// <item>Numeric dates are day-month or month-day by what is possible (13/05 is day-month), then by which reading
/// falls in the coming year, then by language and the sender's time zone (English from the Americas is month-day).</item>
/// <item>"Back on X" and "until X" give X; an inclusive "until" ("bis einschließlich", "through") and the end of a
/// range ("10-31 July") give the day after.</item>
/// <item>Relative expressions count from the received date. A day is never invented: no date, no answer.</item>
/// </list>
/// </summary>
public static partial class ReturnDates
{
    private const int MaxChars = 6_000;

    private enum Cue
    {
        None,
        Start,
        Until,
        Return,
    }

    private sealed record Candidate(DateOnly Date, int Index, int Length, bool Absolute, bool RangeEnd);

    /// <summary>The return date the text names, or null.</summary>
    /// <param name="language">"en", "de", "fr", "es", "it", "nl", "pt"; guessed from the text when null.</param>
    public static DateOnly? Find(string? text, DateTimeOffset received, string? language = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return FindIn(Fold(text.Length > MaxChars ? text[..MaxChars] : text), received, language);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static DateOnly? FindIn(string folded, DateTimeOffset received, string? language)
    {
        var lang = language ?? Languages.Guess(folded);
        var today = DateOnly.FromDateTime(received.DateTime);
        var candidates = new List<Candidate>();
        AddRanges(folded, today, candidates);
        AddMonthNameDates(folded, today, candidates);
        AddNumericDates(folded, today, received.Offset, lang, candidates);
        AddWeekdays(folded, today, candidates);
        AddRelative(folded, today, candidates);

        var earliest = today.AddDays(-3);
        var latest = today.AddDays(366);
        Candidate? best = null;
        var bestRank = -1;
        DateOnly bestDate = default;
        foreach (var candidate in candidates.OrderBy(c => c.Index))
        {
            if (candidate.Date < earliest || candidate.Date > latest || candidates.Any(o => o != candidate && o.Index <= candidate.Index && o.Index + o.Length >= candidate.Index + candidate.Length && o.Length > candidate.Length))
            {
                continue;
            }

            var cue = candidate.RangeEnd ? Cue.Until : CueBefore(folded, candidate.Index);
            if (cue is Cue.Start or Cue.None && ReturnCueAfter(folded, candidate.Index + candidate.Length))
            {
                // "ab Montag wieder im Büro", "from the 5th back in the office": the return word follows the date.
                cue = Cue.Return;
            }

            if (cue == Cue.Start || cue == Cue.None && !candidate.Absolute)
            {
                continue;
            }

            var date = candidate.Date;
            if (candidate.RangeEnd || cue == Cue.Until && Inclusive(folded, candidate.Index, candidate.Index + candidate.Length))
            {
                date = date.AddDays(1);
            }

            // The strongest cue wins; at the same cue a calendar date beats a weekday ("until Monday, 14 December").
            var rank = ((int)cue * 2) + (candidate.Absolute ? 1 : 0);
            if (rank > bestRank)
            {
                best = candidate;
                bestRank = rank;
                bestDate = date;
            }
        }

        return best is null ? null : bestDate;
    }

    // ----- vocabulary (folded: lower case, no accents) -----

    private static readonly (string Name, int Month)[] MonthNames =
    [
        ("january", 1), ("januar", 1), ("janner", 1), ("janvier", 1), ("enero", 1), ("gennaio", 1), ("januari", 1), ("janeiro", 1), ("janv", 1), ("jan", 1), ("ene", 1),
        ("february", 2), ("februar", 2), ("fevrier", 2), ("febrero", 2), ("febbraio", 2), ("februari", 2), ("fevereiro", 2), ("fevr", 2), ("feb", 2), ("fev", 2),
        ("march", 3), ("marz", 3), ("maerz", 3), ("mars", 3), ("marzo", 3), ("maart", 3), ("marco", 3), ("mar", 3), ("mrt", 3),
        ("april", 4), ("avril", 4), ("abril", 4), ("aprile", 4), ("apr", 4), ("avr", 4), ("abr", 4),
        ("may", 5), ("mai", 5), ("mayo", 5), ("maggio", 5), ("mei", 5), ("maio", 5),
        ("june", 6), ("juni", 6), ("juin", 6), ("junio", 6), ("giugno", 6), ("junho", 6), ("jun", 6),
        ("july", 7), ("juli", 7), ("juillet", 7), ("julio", 7), ("luglio", 7), ("julho", 7), ("juil", 7), ("jul", 7),
        ("august", 8), ("aout", 8), ("agosto", 8), ("augustus", 8), ("aug", 8),
        ("september", 9), ("septembre", 9), ("septiembre", 9), ("setiembre", 9), ("settembre", 9), ("setembro", 9), ("sept", 9), ("sep", 9),
        ("october", 10), ("oktober", 10), ("octobre", 10), ("octubre", 10), ("ottobre", 10), ("outubro", 10), ("oct", 10), ("okt", 10),
        ("november", 11), ("novembre", 11), ("noviembre", 11), ("novembro", 11), ("nov", 11),
        ("december", 12), ("dezember", 12), ("decembre", 12), ("diciembre", 12), ("dicembre", 12), ("dezembro", 12), ("dec", 12), ("dez", 12), ("dic", 12),
    ];

    private static readonly Dictionary<string, int> Months = MonthNames.ToDictionary(m => m.Name, m => m.Month, StringComparer.Ordinal);

    private static readonly string MonthPattern = string.Join('|', MonthNames.Select(m => m.Name).OrderByDescending(n => n.Length));

    private static readonly (string Name, DayOfWeek Day)[] WeekdayNames =
    [
        ("monday", DayOfWeek.Monday), ("montag", DayOfWeek.Monday), ("lundi", DayOfWeek.Monday), ("lunes", DayOfWeek.Monday), ("lunedi", DayOfWeek.Monday), ("maandag", DayOfWeek.Monday), ("segunda-feira", DayOfWeek.Monday), ("segunda", DayOfWeek.Monday),
        ("tuesday", DayOfWeek.Tuesday), ("dienstag", DayOfWeek.Tuesday), ("mardi", DayOfWeek.Tuesday), ("martes", DayOfWeek.Tuesday), ("martedi", DayOfWeek.Tuesday), ("dinsdag", DayOfWeek.Tuesday), ("terca-feira", DayOfWeek.Tuesday), ("terca", DayOfWeek.Tuesday),
        ("wednesday", DayOfWeek.Wednesday), ("mittwoch", DayOfWeek.Wednesday), ("mercredi", DayOfWeek.Wednesday), ("miercoles", DayOfWeek.Wednesday), ("mercoledi", DayOfWeek.Wednesday), ("woensdag", DayOfWeek.Wednesday), ("quarta-feira", DayOfWeek.Wednesday),
        ("thursday", DayOfWeek.Thursday), ("donnerstag", DayOfWeek.Thursday), ("jeudi", DayOfWeek.Thursday), ("jueves", DayOfWeek.Thursday), ("giovedi", DayOfWeek.Thursday), ("donderdag", DayOfWeek.Thursday), ("quinta-feira", DayOfWeek.Thursday),
        ("friday", DayOfWeek.Friday), ("freitag", DayOfWeek.Friday), ("vendredi", DayOfWeek.Friday), ("viernes", DayOfWeek.Friday), ("venerdi", DayOfWeek.Friday), ("vrijdag", DayOfWeek.Friday), ("sexta-feira", DayOfWeek.Friday),
        ("saturday", DayOfWeek.Saturday), ("samstag", DayOfWeek.Saturday), ("samedi", DayOfWeek.Saturday), ("sabado", DayOfWeek.Saturday), ("zaterdag", DayOfWeek.Saturday),
        ("sunday", DayOfWeek.Sunday), ("sonntag", DayOfWeek.Sunday), ("dimanche", DayOfWeek.Sunday), ("domingo", DayOfWeek.Sunday), ("domenica", DayOfWeek.Sunday), ("zondag", DayOfWeek.Sunday),
    ];

    private static readonly Dictionary<string, DayOfWeek> Weekdays = WeekdayNames.ToDictionary(w => w.Name, w => w.Day, StringComparer.Ordinal);

    private static readonly string WeekdayPattern = string.Join('|', WeekdayNames.Select(w => w.Name).OrderByDescending(n => n.Length));

    private const string Ordinal = @"(?:st|nd|rd|th|er|eme|e|o|ª|º)?";

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    // "5 May", "5. Mai 2026", "3 janvier", "14 de diciembre de 2026", "Monday, 14 December", "the 5th of May".
    private static readonly Regex DayMonth = new($@"\b(?:the\s+)?(?<d>[0-3]?\d){Ordinal}\.?\s*(?:of\s+|de\s+)?(?<m>{MonthPattern})\b\.?(?:,?\s*(?:de\s+)?(?<y>(?:19|20)\d\d)\b)?", Options, Timeout);

    // "May 5", "December 14th, 2026", "Dec. 8".
    private static readonly Regex MonthDay = new($@"\b(?<m>{MonthPattern})\.?\s+(?:the\s+)?(?<d>[0-3]?\d){Ordinal}\b(?!\s*(?:[:.]\d|h\b|uhr|am\b|pm\b))(?:,?\s*(?<y>(?:19|20)\d\d)\b)?", Options, Timeout);

    // "10-31 July", "du 3 au 14 janvier", "vom 10. bis 14. Dezember", "del 3 al 14 de enero".
    private static readonly Regex DayRangeMonth = new($@"\b(?<d1>[0-3]?\d){Ordinal}\.?\s*(?:-|–|to|till|until|through|thru|bis|au|al|a|tot|t/m)\s*(?<d2>[0-3]?\d){Ordinal}\.?\s*(?:of\s+|de\s+)?(?<m>{MonthPattern})\b(?:,?\s*(?:de\s+)?(?<y>(?:19|20)\d\d)\b)?", Options, Timeout);

    // "July 10-31", "December 1 to 14".
    private static readonly Regex MonthDayRange = new($@"\b(?<m>{MonthPattern})\.?\s+(?<d1>[0-3]?\d){Ordinal}\s*(?:-|–|to|till|until|through|thru)\s*(?<d2>[0-3]?\d){Ordinal}\b(?:,?\s*(?<y>(?:19|20)\d\d)\b)?", Options, Timeout);

    private static readonly Regex IsoDate = new(@"\b(?<y>(?:19|20)\d\d)-(?<m>[01]?\d)-(?<d>[0-3]?\d)\b", Options, Timeout);

    // 12/08/2026, 12/08, 5.5., 05.05.2026, 5-5-2026 (dots need a trailing dot or a year: "1.5" is a number).
    private static readonly Regex NumericDate = new(@"(?<![\d./-])(?<a>[0-3]?\d)(?<s>[./-])(?<b>[0-3]?\d)(?:\k<s>(?<y>(?:19|20)?\d\d))?(?<dot>\.)?(?![\d/-]|\.\d)", Options, Timeout);

    private static readonly Regex WeekdayMention = new($@"\b(?:(?<next>next|this coming|coming|nachsten|kommenden|el proximo|proximo|prossimo|volgende)\s+)?(?<w>{WeekdayPattern})\b(?:\s+(?<after>prochain|prochaine|prossimo|que vem|que viene))?(?:,?\s+(?:the\s+|den\s+|le\s+|el\s+)?(?<d>[0-3]?\d){Ordinal}\b\.?(?!\s*(?:{MonthPattern})\b))?", Options, Timeout);

    private static readonly Regex RelativeSpan = new(@"\b(?<n>\d{1,2}|one|two|three|four|a|an|zwei|drei|vier|einer|einem|deux|trois|quatre|une|dos|tres|cuatro|una|due|tre|quattro|twee|drie|vier|duas|uma)\s+(?<u>days?|weeks?|tage?n?|wochen|woche|jours?|semaines?|dias?|semanas?|giorni|giorno|settimane|settimana|dagen|dag|weken|week)\b", Options, Timeout);

    private static readonly Regex RelativeWord = new(@"\b(?<w>tomorrow|demain|domani|manana|morgen|amanha|next week|nachste woche|nachsten woche|kommende woche|la semaine prochaine|semaine prochaine|la proxima semana|la semana que viene|proxima semana|la prossima settimana|prossima settimana|volgende week|semana que vem|proxima semana)\b", Options, Timeout);

    private static readonly Regex ReturnCue = new(@"(\bback\b|\breturn|\bzuruck|\bwieder\b|\bretour\b|\brentre|\bde vuelta\b|\bregres|\bvolver|\bvuelvo\b|\brientr|\bdi ritorno\b|\bterug\b|\bweer\b|\bvolta\b|\bretorno\b|\bretorn|\bavailable again\b|\breachable again\b|\bin the office (again )?(on|from)\b|\bin office on\b|\berreichbar\b|\bdisponible a partir\b)", Options, Timeout);

    private static readonly Regex UntilCue = new(@"(\buntil\b|\btill\b|\btil\b|\bthrough\b|\bthru\b|\bbis\b|\bjusqu|\bhasta\b|\bfino\b|\btot\b|\bt/m\b|\bate\b|\bthrough to\b|\bending\b|\bend of\b)", Options, Timeout);

    private static readonly Regex StartCue = new(@"(\bfrom\b|\bsince\b|\bstarting\b|\bbeginning\b|\bvom\b|\bab\b|\bdu\b|\bdepuis\b|\ba partir\b|\bdesde\b|\bdal\b|\bdalla\b|\bvan\b|\bvanaf\b|\bsent\b|\bwrote\b|\bschrieb\b|\ba ecrit\b|\bescribio\b)", Options, Timeout);

    private static readonly Regex InclusiveAfterDate = new(@"^\W{0,3}(\(?inclusive|\(?inclusief|\(?incluido|\(?inclus|\(?compreso|\(?included|\(?einschliesslich|\(?einschl)", Options, Timeout);

    private static readonly Regex InclusiveBeforeDate = new(@"(einschliesslich|einschl\.?|inklusive|inkl\.?|tot en met|through|thru)\s*\W{0,2}\s*$", Options, Timeout);

    // ----- candidates -----

    private static void AddRanges(string text, DateOnly today, List<Candidate> found)
    {
        foreach (Match match in DayRangeMonth.Matches(text))
        {
            AddDate(found, today, match, Month(match), Day(match, "d2"), Year(match), absolute: true, rangeEnd: true);
        }

        foreach (Match match in MonthDayRange.Matches(text))
        {
            AddDate(found, today, match, Month(match), Day(match, "d2"), Year(match), absolute: true, rangeEnd: true);
        }
    }

    private static void AddMonthNameDates(string text, DateOnly today, List<Candidate> found)
    {
        foreach (Match match in DayMonth.Matches(text))
        {
            AddDate(found, today, match, Month(match), Day(match, "d"), Year(match), absolute: true, rangeEnd: false);
        }

        foreach (Match match in MonthDay.Matches(text))
        {
            AddDate(found, today, match, Month(match), Day(match, "d"), Year(match), absolute: true, rangeEnd: false);
        }

        foreach (Match match in IsoDate.Matches(text))
        {
            AddDate(found, today, match, Number(match, "m"), Number(match, "d"), Number(match, "y"), absolute: true, rangeEnd: false);
        }
    }

    private static void AddNumericDates(string text, DateOnly today, TimeSpan offset, string language, List<Candidate> found)
    {
        foreach (Match match in NumericDate.Matches(text))
        {
            var separator = match.Groups["s"].Value;
            var hasYear = match.Groups["y"].Success;
            if (separator == "." && !hasYear && !match.Groups["dot"].Success || separator == "-" && !hasYear)
            {
                continue;
            }

            var a = Number(match, "a");
            var b = Number(match, "b");
            int? year = hasYear ? Number(match, "y") : null;
            if (year is < 100)
            {
                year += 2000;
            }

            var dayMonth = Resolve(today, b, a, year);
            var monthDay = Resolve(today, a, b, year);
            DateOnly? chosen = (dayMonth, monthDay) switch
            {
                (null, null) => null,
                ({ } only, null) => only,
                (null, { } only) => only,
                ({ } dm, { } md) when dm == md => dm,
                ({ } dm, { } md) => PreferNumericReading(today, dm, md, separator, language, offset),
            };
            if (chosen is { } date)
            {
                found.Add(new Candidate(date, match.Index, match.Length, true, false));
            }
        }
    }

    private static DateOnly PreferNumericReading(DateOnly today, DateOnly dayMonth, DateOnly monthDay, string separator, string language, TimeSpan offset)
    {
        bool Coming(DateOnly d) => d >= today.AddDays(-3) && d <= today.AddDays(366);
        if (Coming(dayMonth) != Coming(monthDay))
        {
            return Coming(dayMonth) ? dayMonth : monthDay;
        }

        // Month-day is an American habit: English text sent from a time zone of the Americas.
        var american = language == "en" && separator == "/" && offset <= TimeSpan.FromHours(-3);
        return american ? monthDay : dayMonth;
    }

    private static void AddWeekdays(string text, DateOnly today, List<Candidate> found)
    {
        foreach (Match match in WeekdayMention.Matches(text))
        {
            var weekday = Weekdays[match.Groups["w"].Value];
            DateOnly date;
            if (match.Groups["d"].Success)
            {
                // "Monday the 14th": the next 14th, preferably one that is a Monday.
                var day = Number(match, "d");
                var options = Enumerable.Range(0, 3).Select(i => Resolve(today.AddMonths(i), today.AddMonths(i).Month, day, today.AddMonths(i).Year))
                    .OfType<DateOnly>().Where(d => d >= today).ToList();
                if (options.Count == 0)
                {
                    continue;
                }

                date = options.FirstOrDefault(d => d.DayOfWeek == weekday, options[0]);
                found.Add(new Candidate(date, match.Index, match.Length, true, false));
                continue;
            }

            var ahead = ((int)weekday - (int)today.DayOfWeek + 7) % 7;
            date = today.AddDays(ahead == 0 ? 7 : ahead);
            found.Add(new Candidate(date, match.Index, match.Length, false, false));
        }
    }

    private static void AddRelative(string text, DateOnly today, List<Candidate> found)
    {
        foreach (Match match in RelativeSpan.Matches(text))
        {
            var before = text[Math.Max(0, match.Index - 12)..match.Index];
            if (!Regex.IsMatch(before, @"\b(in|within|innerhalb|dans|en|tra|fra|over|em|nach)\s+(about\s+|etwa\s+|environ\s+)?$", RegexOptions.CultureInvariant, Timeout))
            {
                continue;
            }

            var count = CountWord(match.Groups["n"].Value);
            var unit = match.Groups["u"].Value;
            var days = unit.StartsWith('w') || unit.StartsWith("sem", StringComparison.Ordinal) || unit.StartsWith("sett", StringComparison.Ordinal) ? 7 * count : count;
            if (count > 0 && days <= 120)
            {
                found.Add(new Candidate(today.AddDays(days), match.Index, match.Length, false, false));
            }
        }

        foreach (Match match in RelativeWord.Matches(text))
        {
            var word = match.Groups["w"].Value;
            var date = word is "tomorrow" or "demain" or "domani" or "manana" or "morgen" or "amanha"
                ? today.AddDays(1)
                : today.AddDays(((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7 is var ahead && ahead == 0 ? 7 : ahead);
            found.Add(new Candidate(date, match.Index, match.Length, false, false));
        }
    }

    private static int CountWord(string word) => word switch
    {
        "one" or "a" or "an" or "einer" or "einem" or "une" or "una" or "uma" => 1,
        "two" or "zwei" or "deux" or "dos" or "due" or "twee" or "duas" => 2,
        "three" or "drei" or "trois" or "tres" or "tre" or "drie" => 3,
        "four" or "vier" or "quatre" or "cuatro" or "quattro" => 4,
        _ => int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0,
    };

    private static void AddDate(List<Candidate> found, DateOnly today, Match match, int month, int day, int? year, bool absolute, bool rangeEnd)
    {
        if (Resolve(today, month, day, year) is { } date)
        {
            found.Add(new Candidate(date, match.Index, match.Length, absolute, rangeEnd));
        }
    }

    /// <summary>A calendar date; without a year, the one that is not long past at <paramref name="today"/>.</summary>
    private static DateOnly? Resolve(DateOnly today, int month, int day, int? year)
    {
        if (month is < 1 or > 12 || day is < 1 or > 31)
        {
            return null;
        }

        var y = year ?? today.Year;
        if (day > DateTime.DaysInMonth(y, month))
        {
            return null;
        }

        var date = new DateOnly(y, month, day);
        if (year is null && date < today.AddDays(-30))
        {
            var next = y + 1;
            return day <= DateTime.DaysInMonth(next, month) ? new DateOnly(next, month, day) : null;
        }

        return date;
    }

    private static int Month(Match match) => Months.GetValueOrDefault(match.Groups["m"].Value.TrimEnd('.'));

    private static int Day(Match match, string group) => Number(match, group);

    private static int? Year(Match match) => match.Groups["y"].Success ? Number(match, "y") : null;

    private static int Number(Match match, string group) =>
        int.TryParse(match.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static Cue CueBefore(string text, int index)
    {
        var window = text[Math.Max(0, index - 48)..index];
        var cut = Math.Max(window.LastIndexOf('.'), window.LastIndexOf('\n'));
        if (cut >= 0 && cut < window.Length - 1 && window.Length - cut > 2)
        {
            // A cue from the previous sentence does not reach this date.
            window = window[(cut + 1)..];
        }

        var positions = new[]
        {
            (Cue.Return, LastIndex(ReturnCue, window)),
            (Cue.Until, LastIndex(UntilCue, window)),
            (Cue.Start, LastIndex(StartCue, window)),
        };
        var nearest = positions.Where(p => p.Item2 >= 0).OrderByDescending(p => p.Item2).FirstOrDefault();
        if (nearest.Item2 < 0 || positions.All(p => p.Item2 < 0))
        {
            return Cue.None;
        }

        // "back from vacation on May 5": a start word between the return word and the date does not undo the return.
        if (nearest.Item1 == Cue.Start && positions.Any(p => p.Item1 == Cue.Return && p.Item2 >= 0))
        {
            return Cue.Return;
        }

        return nearest.Item1;
    }

    private static bool ReturnCueAfter(string text, int end)
    {
        // Only the words right after the date: "ab Montag wieder da", not "… and will reply when I'm back".
        var window = text[end..Math.Min(text.Length, end + 20)];
        var stop = window.IndexOfAny(['.', '!', '?', '\n', ';', ',']);
        if (stop >= 0)
        {
            window = window[..stop];
        }

        return ReturnCue.IsMatch(window) || window.Contains("im buro", StringComparison.Ordinal);
    }

    private static int LastIndex(Regex regex, string window)
    {
        var last = -1;
        foreach (Match match in regex.Matches(window))
        {
            last = match.Index;
        }

        return last;
    }

    private static bool Inclusive(string text, int start, int end)
    {
        var after = text[end..Math.Min(text.Length, end + 24)];
        var before = text[Math.Max(0, start - 30)..start];
        return InclusiveAfterDate.IsMatch(after) || InclusiveBeforeDate.IsMatch(before);
    }

    /// <summary>Lower case, accents and ß folded, whitespace collapsed: the form the vocabulary is written in.</summary>
    internal static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Replace("ß", "ss", StringComparison.Ordinal).Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (c is ' ' or '\t' or '\u00A0')
            {
                if (!space)
                {
                    folded.Append(' ');
                }

                space = true;
                continue;
            }

            space = false;
            folded.Append(c switch { '’' => '\'', '–' or '—' => '-', _ => c });
        }

        return folded.ToString();
    }
}

/// <summary>A language guess from common words, enough to choose date orders and vocabularies.</summary>
public static class Languages
{
    private static readonly (string Language, HashSet<string> Words)[] StopWords =
    [
        ("en", new(StringComparer.Ordinal) { "the", "and", "i", "am", "will", "be", "you", "my", "to", "of", "for", "with", "office", "back", "until", "is", "we", "your", "please", "thanks", "this", "not", "are" }),
        ("de", new(StringComparer.Ordinal) { "ich", "und", "der", "die", "das", "bin", "nicht", "mit", "bis", "zum", "ihre", "ihnen", "sie", "wieder", "bitte", "vielen", "dank", "ist", "wir", "fur", "auf", "es", "im", "haben", "kein", "keine" }),
        ("fr", new(StringComparer.Ordinal) { "je", "et", "le", "la", "les", "des", "vous", "suis", "du", "au", "pour", "avec", "bureau", "retour", "merci", "ne", "pas", "nous", "est", "votre", "une", "sur" }),
        ("es", new(StringComparer.Ordinal) { "yo", "el", "los", "las", "estoy", "usted", "del", "para", "con", "oficina", "hasta", "gracias", "no", "es", "su", "una", "por", "que", "nos", "estamos", "muchas" }),
        ("it", new(StringComparer.Ordinal) { "io", "il", "sono", "di", "per", "con", "ufficio", "fino", "grazie", "non", "che", "una", "della", "al", "lo", "mi" }),
        ("nl", new(StringComparer.Ordinal) { "ik", "het", "ben", "niet", "met", "tot", "van", "kantoor", "terug", "bedankt", "een", "wij", "u", "uw", "zijn", "op" }),
        ("pt", new(StringComparer.Ordinal) { "eu", "os", "estou", "do", "com", "escritorio", "ate", "obrigado", "obrigada", "nao", "uma", "voce", "seu", "sua", "em", "ao" }),
    ];

    /// <summary>"en", "de", "fr", "es", "it", "nl" or "pt"; English when nothing else is clearly more likely.</summary>
    public static string Guess(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "en";
        }

        var sample = text.Length > 4_000 ? text[..4_000] : text;
        var words = ReturnDates.Fold(sample).Split([' ', '\n', '\r', ',', '.', '!', '?', ';', ':', '(', ')', '"', '\''], StringSplitOptions.RemoveEmptyEntries);
        var best = "en";
        var bestScore = 0;
        foreach (var (language, set) in StopWords)
        {
            var score = words.Count(set.Contains);
            if (score > bestScore || score == bestScore && language == "en")
            {
                best = language;
                bestScore = score;
            }
        }

        return best;
    }
}
