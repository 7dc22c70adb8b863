using System.Text.RegularExpressions;

namespace SalesOS.Outreach.Inbound;

/// <summary>
/// Why a message bounced, in sisimai's reason vocabulary, read from what the remote server said and from the
/// DSN status code. Hard means the address will never take mail (it does not exist, its domain does not,
/// it moved away, or its domain accepts no mail at all): SalesOS stops writing to it. Everything else is soft.
/// </summary>
public static class BounceReasons
{
    public const string UserUnknown = "userunknown";
    public const string MailboxFull = "mailboxfull";
    public const string Filtered = "filtered";
    public const string Blocked = "blocked";
    public const string Rejected = "rejected";
    public const string SpamDetected = "spamdetected";
    public const string HostUnknown = "hostunknown";
    public const string Expired = "expired";
    public const string Suspend = "suspend";
    public const string PolicyViolation = "policyviolation";
    public const string AuthFailure = "authfailure";
    public const string RequirePtr = "requireptr";
    public const string MesgTooBig = "mesgtoobig";
    public const string ExceedLimit = "exceedlimit";
    public const string SystemError = "systemerror";
    public const string SystemFull = "systemfull";
    public const string NetworkError = "networkerror";
    public const string NotAccept = "notaccept";
    public const string NoRelaying = "norelaying";
    public const string SecurityError = "securityerror";
    public const string VirusDetected = "virusdetected";
    public const string SyntaxError = "syntaxerror";
    public const string ContentError = "contenterror";
    public const string Speeding = "speeding";
    public const string TooManyConn = "toomanyconn";
    public const string BadReputation = "badreputation";
    public const string HasMoved = "hasmoved";
    public const string MailerError = "mailererror";
    public const string NotCompliantRfc = "notcompliantrfc";
    public const string Undefined = "undefined";
    public const string OnHold = "onhold";

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    // First match wins, so the narrow phrasings sit above the broad ones they contain ("mailbox full" above
    // "unknown address error", "recipient address rejected: access denied" above "access denied").
    private static readonly (string Reason, Regex Pattern)[] Phrases =
    [
        (VirusDetected, P(@"\bvirus|malware|\binfected\b|\btrojan\b")),
        (MailerError, P(@"procmail|\bpipe to \||\|\s*/|mailer program|command (died|failed) with|\bx-unix\b|local delivery failed: .*exit")),
        (RequirePtr, P(@"\bptr\b|reverse dns|\brdns\b|reverse (lookup|hostname|resolution)|mismatches client ip|no reverse|hostname does not match|reverse (dns|address) (validation|check)")),
        (NotCompliantRfc, P(@"rfc ?(5322|2822)\b|not (rfc|standards)[- ]compliant|multiple addresses in from|header (is )?not (rfc|compliant)")),
        (AuthFailure, P(@"\b(spf|dkim|dmarc)\b.{0,40}\b(fail|failed|failure|reject|rejected|policy|verification|validation|error|check)|bad spf records?|does not pass (spf|dkim|dmarc)|unauthenticated (e-?mail|mail|message)|sender policy framework|not allowed to send (mail )?from|not authori[sz]ed (to send|by the sender)|authentication (check|results?) fail")),
        (SpamDetected, P(@"\bspam\b|spam classification|\bube\b|unsolicited|bulk e-?mail|junk mail|blacklisted (url|link|domain in (the )?message)|uribl|surbl|message content rejected|content (is )?(considered|identified as) spam|\bspamdetected\b")),
        (UserUnknown, P(@"recipient address rejected: access denied|recip(ient)?notfound|recipient not found by smtp address lookup")),
        (BadReputation, P(@"reputation|user complaints|poor (sending )?(history|score)")),
        (TooManyConn, P(@"too many (concurrent |simultaneous )?(connections|sessions)|connection (rate|count) limit|connection limit|frequency limit")),
        (Speeding, P(@"receiving mail at a rate|too many (messages|recipients|emails|mails)( sent)? (this|per|in the last|in a short|from)|sending rate|\brate[- ]limit|sent too many|sending too (fast|quickly|many)|throttl")),
        (MailboxFull, P(@"mailbox (is |was )?(full|over|exceeded)|over (the )?quota|quota (exceeded|exceed|full)|exceeded (the |its )?(storage|quota)|out of storage|storage (space )?(is )?(full|exceeded)|mailbox size limit|user is over|full mailbox|inbox is full|insufficient (user )?quota|mail ?box voll|postfach (ist )?voll|speicherplatz|boite (aux lettres )?(est )?pleine|boîte (aux lettres )?(est )?pleine|buzón (está )?lleno|casella (di posta )?piena|mailboxfull|メールボックスがいっぱい|容量")),
        (ExceedLimit, P(@"exceeds fixed maximum message size|length exceeds (the )?limit|exceeds (the )?limit set by (the )?recipient|exceeds (the )?(recipient'?s|user'?s) (size )?limit")),
        (MesgTooBig, P(@"(message|mail|email)( size)? (is )?(too (large|big)|exceeds)|size limit|too large|message size|maximum (message )?size|mesgtoobig")),
        (Suspend, P(@"(account|mailbox|inbox)( has been| is| was)? (disabled|suspended|locked|inactive|frozen|deactivated|discontinued|blocked|closed|on hold)|account (disabled|suspended|locked|inactive)|disabled or discontinued|email account that you tried to reach is disabled|is no longer (active|in use)|compte .{0,40}bloqu|compte (desactive|désactivé|suspendu)|konto (ist )?(gesperrt|deaktiviert)|cuenta (desactivada|suspendida|bloqueada)")),
        (HasMoved, P(@"no longer on (this |the )?server|has moved|user moved|not our user|address (has )?changed|moved to|no longer (with|employed|works)")),
        (SystemError, P(@"does not support (tls|starttls|ssl)")),
        (SecurityError, P(@"authentication required|smtp auth|turn on smtp authentication|without authentication|must (authenticate|be authenticated)|auth(entication)? (is )?required|tls required|requires? (tls|encryption|starttls)|encryption required|starttls|certificate")),
        (NoRelaying, P(@"relay(ing)? (access )?(denied|not (permitted|allowed))|not (permitted|allowed|configured) to relay|unable to relay|relay(ing)? (is )?prohibited|we do not relay|no relaying|cannot relay|open relay not allowed")),
        (Blocked, P(@"blocked using|use (the |your )?(isp|provider)'?s? (smtp|mail) server|smtp server of your isp|dynamic (ip|address|pool)|dial-?up|residential (ip|address)|\b(black|block|deny|ban)[- ]?list(ed)?\b|banned sending ip|\brbl\b|dnsbl|spamhaus|spamcop|barracudacentral|(client|your|sender|sending|source) (host|ip)( address)?(\s*\[[^\]]*\])?( is| has been| was)? (blocked|banned|rejected|not allowed|listed|refused)|ip .{0,40}(blocked|banned|blacklisted)|invalid ip for sending|no access from mail server|access denied, banned|host .{0,60} is blocked|connection refused by .{0,40} policy|your (ip|server) .{0,40}(listed|blocked)")),
        (SecurityError, P(@"access denied")),
        (UserUnknown, P(@"user unknown|unknown (user|recipient|local[- ]part|mailbox|e-?mail address)|recipient unknown|no such (user|mailbox|recipient|account|address|local user|person)|(user|mailbox|recipient|address|account|e-?mail address|addressee)( name)? (is )?(not found|does not exist|doesn'?t exist|not exist|unknown|invalid|not recogni[sz]ed|not known|not listed)|recipient (address )?(not found|invalid)|invalid (recipient|mailbox|user|address|e-?mail)|not a valid (recipient|mailbox|user|address|e-?mail)|no mailbox|mailbox (not available|unavailable|not found)|unrouteable address|no valid recipients|bad destination mailbox|not our customer|unknown address|is not a known user|(wasn'?t|was not|couldn'?t be|could not be) found at the destination|address you entered couldn'?t be found|recipient name is not recognized|recipient not found|addressee unknown|no account by that name|no mailbox here|unbekannt|existiert nicht|gibt es nicht|introuvable|n'existe pas|inexistant|inconnu|no existe|desconocid|inesistente|sconosciut|onbekend|bestaat niet|não existe|desconhecid|存在しません|宛先不明|アカウント.{0,10}(ない|ありません)")),
        (HostUnknown, P(@"host unknown|host ?name lookup fail|unknown (host|domain)|domain (name )?not found|no such (domain|host)|domain (does not exist|doesn'?t exist|is not reachable|not reachable|unknown)|host (or domain )?(name )?not found|\bhost\b.{1,80}\bnot found|nxdomain|illegal host|unrouteable (mail )?domain|domain (is )?invalid|invalid domain|name or service not known|domain name not found|unresolvable|hostunknown")),
        (NotAccept, P(@"does not accept (e-?)?(mail|messages)|null mx|no mx (record|host)|indicated no smtp service|mx. lookup .{0,60}noerror|not accepting (mail|messages)|domain has no mx")),
        (Filtered, P(@"recipient('?s)? preferences|email preferences of the person|content filter|\bfiltered\b|rejected by (a |the )?(recipient|user|mail)?\s*(filter|rule)|blocked by (the )?recipient|recipient (has )?(blocked|rejected) (you|your|the sender)|not accept(ing)? (e-?mail|mail|messages) from")),
        (Rejected, P(@"sender (address )?rejected|sender (verify|verification) failed|sender (domain|address|e-?mail) (does not exist|not found|unknown|invalid|is not allowed)|purported responsible address|domain of sender address|mail from.{0,60}(rejected|refused|not accepted)|rejected mail from|envelope sender|permission to post|not (permitted|allowed) to post|sender .{0,40}not (allowed|permitted)|refused to talk|sender address|投稿する権限|権限がありません")),
        (PolicyViolation, P(@"polic(y|ies)|not accepted for policy reasons|prohibited|not permitted|not allowed|header error")),
        (ContentError, P(@"improper use of 8-bit|8-?bit data|duplicate header|invalid (message )?header|content (rejected|error|not allowed)|illegal (character|attachment)|attachment (type )?(is )?not allowed|malformed (message|header|mime)|bad (message )?header")),
        (SyntaxError, P(@"syntax error|improper sequence|bad sequence|out of sequence|command (parameter )?not (implemented|recognized)|unrecognized command|command unrecognized|malformed (recipient )?address|need (rcpt|mail)|parameter not implemented|line too long")),
        (SystemFull, P(@"insufficient (system |disk )?(storage|space)|disk (is )?full|out of disk|no space left|system (storage )?full")),
        (SystemError, P(@"system error|internal (server |system )?error|ldap|temporary (local |server )?(problem|failure|error)|local error|service (is )?(currently )?unavailable|server (is )?(busy|unavailable)|resources? (temporarily )?unavailable|too busy|try again later|temporarily unavailable")),
        (NetworkError, P(@"routing loop|mail loop|hop count|too many hops|loops? back to myself|(could not|couldn'?t|unable to|wasn'?t able to|failed to) (connect|establish)|connection (refused|reset|lost|closed|dropped)|no route to host|network (is )?unreachable|host (is )?(not )?reachable|did not accept our requests to connect|dns (error|failure|lookup)|lost connection")),
        (Expired, P(@"after multiple (re-?tries|retries|attempts)|retry timeout exceeded|message expired|(delivery|retry|queue) time(out)? (expired|exceeded)|too long in (the )?queue|in the queue too long|could not be delivered (for|within) \d+|unable to deliver in \d+|connection timed out|timed out|delivery time expired|expired")),
        (Rejected, P(@"\brejected\b|\brefused\b")),
    ];

    private static Regex P(string pattern) => new(pattern, Options, MatchTimeout);

    /// <summary>The reason the text names, with the phrase that decided; null when it names none.</summary>
    public static (string Reason, string Phrase)? FromText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var folded = Fold(text);
        foreach (var (reason, pattern) in Phrases)
        {
            try
            {
                var match = pattern.Match(folded);
                if (match.Success)
                {
                    return (reason, match.Value);
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A pathological text is not worth a stalled mailbox: the next phrase may still decide.
            }
        }

        return null;
    }

    // SMTP continuation prefixes ("550-5.7.26 ") inside a wrapped diagnostic break phrases apart.
    private static readonly Regex ContinuationCodes = new(@"(?<=\s|^)[245]\d\d[- ](?:[245]\.\d{1,3}\.\d{1,3}\s+)?", RegexOptions.CultureInvariant | RegexOptions.Compiled, MatchTimeout);

    private static readonly Regex Spaces = new(@"\s+", RegexOptions.CultureInvariant | RegexOptions.Compiled, MatchTimeout);

    private static string Fold(string text)
    {
        var limited = text.Length > 20_000 ? text[..20_000] : text;
        try
        {
            return Spaces.Replace(ContinuationCodes.Replace(limited, " "), " ");
        }
        catch (RegexMatchTimeoutException)
        {
            return limited;
        }
    }

    /// <summary>
    /// The reason an enhanced status code stands for (RFC 3463 and the registry's later codes); null when the
    /// code says nothing more than "permanent" or "temporary" (X.0.0) or is unknown.
    /// </summary>
    public static string? FromStatus(string? status)
    {
        if (status is null || !TryParseStatus(status, out var cls, out var subject, out var detail))
        {
            return null;
        }

        return (subject, detail) switch
        {
            (1, 1) => UserUnknown,
            (1, 2) => HostUnknown,
            (1, 3) => UserUnknown,
            (1, 4) => UserUnknown,
            (1, 5) => UserUnknown,
            (1, 6) => HasMoved,
            (1, 7) => Rejected,
            (1, 8) => Rejected,
            (1, 10) => NotAccept,
            (2, 1) => Suspend,
            (2, 2) => MailboxFull,
            (2, 3) => ExceedLimit,
            (2, 4) => SystemError,
            (3, 1) => SystemFull,
            (3, 2) => NotAccept,
            (3, 3) => SystemError,
            (3, 4) => MesgTooBig,
            (3, 5) => SystemError,
            (3, _) => SystemError,
            (4, 1) => NetworkError,
            (4, 2) => NetworkError,
            (4, 3) => SystemError,
            (4, 4) => HostUnknown,
            (4, 5) => SystemError,
            (4, 6) => NetworkError,
            (4, 7) => Expired,
            (5, 1) => SyntaxError,
            (5, 2) => SyntaxError,
            (5, 3) => ExceedLimit,
            (5, 4) => SyntaxError,
            (6, _) => ContentError,
            (7, 1) => Rejected,
            (7, 8) => SecurityError,
            (7, 9) => PolicyViolation,
            (7, 13) => Suspend,
            (7, 14) => Suspend,
            (7, >= 20 and <= 24) => AuthFailure,
            (7, 25) => RequirePtr,
            (7, 26) => AuthFailure,
            (7, 27) => NotAccept,
            (7, 28) => SpamDetected,
            (7, 29) => AuthFailure,
            (7, 0) => cls == 5 ? SecurityError : null,
            (7, _) => SecurityError,
            _ => null,
        };
    }

    /// <summary>Whether the address is gone for good: SalesOS never writes to it again.</summary>
    public static bool IsHard(string reason, string? status, string? replyCode)
    {
        // A temporary answer (4xx, 4.x.x) is the server saying "not now", never "never".
        var temporary = status?.StartsWith('4') == true || (status is null && replyCode?.StartsWith('4') == true);
        return !temporary && reason is UserUnknown or HostUnknown or HasMoved or NotAccept;
    }

    internal static bool TryParseStatus(string status, out int cls, out int subject, out int detail)
    {
        cls = subject = detail = 0;
        var parts = status.Trim().Split('.');
        return parts.Length == 3
            && int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out cls)
            && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out subject)
            && int.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out detail)
            && cls is 2 or 4 or 5;
    }

    /// <summary>Whether a status code says which problem it was (5.1.1), not only that there was one (5.0.0).</summary>
    internal static bool IsSpecific(string? status) =>
        status is not null && TryParseStatus(status, out _, out var subject, out var detail) && !(subject == 0 && detail == 0);
}
