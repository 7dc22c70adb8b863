namespace SalesOS.Prospecting.Contacts;

/// <summary>
/// Well-known disposable and temporary mailbox services. An address there belongs to nobody who will
/// read a sales email a week later, so it is never worth a send. Subdomains count too: several of these
/// services hand out "anything.their-domain".
/// </summary>
public static class DisposableDomains
{
    private static readonly DomainSuffixSet Set = new(
    [
        // Mailinator and its aliases
        "mailinator.com", "mailinator.net", "mailinator.org", "mailinator2.com", "mailinator.us", "mailinater.com", "notmailinator.com",
        "suremail.info", "spamherelots.com", "thisisnotmyrealemail.com", "binkmail.com", "bobmail.info", "chammy.info", "devnullmail.com",
        "letthemeatspam.com", "mailinator.link", "safetymail.info", "sogetthis.com", "spamhereplease.com", "tradermail.info",
        "veryrealemail.com", "zippymail.info", "reallymymail.com", "mailismagic.com", "monumentmail.com", "streetwisemail.com",
        "putthisinyourspamdatabase.com",
        // Guerrilla Mail
        "guerrillamail.com", "guerrillamail.net", "guerrillamail.org", "guerrillamail.biz", "guerrillamail.de", "guerrillamail.info",
        "guerrillamailblock.com", "sharklasers.com", "grr.la", "pokemail.net", "spam4.me", "guerrillamail.co",
        // 10 minute mail and friends
        "10minutemail.com", "10minutemail.net", "10minutemail.org", "10minutemail.co.uk", "10minutemail.de", "10minutemail.be",
        "10minutemail.info", "10minutemail.us", "10minutemail.co.za", "10minutemail.cf", "10minutemail.ga", "10minutemail.gq",
        "10minutemail.ml", "10minmail.de", "10mail.org", "10mail.com", "20minutemail.com", "20minutemail.it", "30minutemail.com",
        "60minutemail.com", "2prong.com", "minutemail.com", "tenminutemail.com", "tenminutemail.net", "10minut.com.pl",
        "10minutesmail.com", "10minutesmail.fr", "10minutemailbox.com",
        // Temp-mail family
        "temp-mail.org", "temp-mail.io", "temp-mail.ru", "tempmail.com", "tempmail.net", "tempmail.de", "tempmail.us", "tempmail.it",
        "tempmail.plus", "tempmail.dev", "tempmail.email", "tempmail.ninja", "tempmail2.com", "tempmailo.com", "tempmail.altmails.com",
        "tempmailaddress.com", "tempmails.net", "tempemail.com", "tempemail.net", "tempemail.co", "tempinbox.com", "tempinbox.co.uk",
        "temporaryemail.net", "temporaryemail.us", "temporaryforwarding.com", "temporaryinbox.com", "temporarymailaddress.com",
        "tempr.email", "tempail.com", "tempalias.com", "tempomail.fr", "temporarioemail.com.br", "tmpmail.net", "tmpmail.org",
        "tmpeml.com", "tmail.ws", "tmails.net", "tmpbox.net", "tempm.com", "tempthe.net", "tempsky.com",
        // Yopmail
        "yopmail.com", "yopmail.net", "yopmail.fr", "yopmail.org", "cool.fr.nf", "jetable.fr.nf", "nospam.ze.tc", "nomail.xl.cx",
        "mega.zik.dj", "speed.1s.fr", "courriel.fr.nf", "moncourrier.fr.nf", "monemail.fr.nf", "monmail.fr.nf",
        // Throwaway services by name
        "throwawaymail.com", "throwam.com", "throwawayemailaddress.com", "trashmail.com", "trashmail.net", "trashmail.de", "trashmail.me",
        "trashmail.at", "trashmail.io", "trashmail.org", "trashmail.ws", "trash-mail.com", "trash-mail.de", "trash-mail.at",
        "trashmailer.com", "trashymail.com", "trashymail.net", "trash2009.com", "trashdevil.com", "trashdevil.de", "trashemail.de",
        "trashinbox.com", "wegwerfmail.de", "wegwerfmail.net", "wegwerfmail.org", "wegwerfadresse.de", "wegwerf-email.de",
        "wegwerf-emails.de", "wegwerfemail.de", "einmalmail.de", "spambog.com", "spambog.de", "spambog.ru", "spamgourmet.com",
        "spamgourmet.net", "spamgourmet.org", "spamex.com", "spamfree24.org", "spamfree24.de", "spamfree24.com", "spamfree24.net",
        "spamfree24.eu", "spamfree24.info", "spaml.com", "spaml.de", "spammotel.com", "spamspot.com", "spamthis.co.uk", "spamtrail.com",
        "spamavert.com", "spambox.us", "spambox.info", "spamcero.com", "spamcorptastic.com", "spamday.com", "spamdecoy.net", "spamify.com",
        "spaminator.de", "spamkill.info", "spamoff.de", "spamslicer.com", "spamstack.net", "spamobox.com", "spam.la", "spam.su",
        "spamcannon.com", "spamcannon.net", "spamcon.org", "spamevader.com", "antispam.de", "nospam4.us", "nospamfor.us", "no-spam.ws",
        "nobulk.com", "noclickemail.com", "nowmymail.com", "mytrashmail.com", "mt2009.com", "mt2014.com", "jetable.org", "jetable.com",
        "jetable.net", "jetable.fr", "getairmail.com", "airmail.cc", "getnada.com", "nada.email", "nada.ltd", "dispostable.com",
        "discard.email", "discardmail.com", "discardmail.de", "disposableaddress.com", "disposableemailaddresses.com",
        "disposableinbox.com", "dispose.it", "disposeamail.com", "disposemail.com", "dispomail.eu", "emaildrop.io", "emailondeck.com",
        "emailsensei.com", "emailtemporanea.com", "emailtemporanea.net", "emailtemporar.ro", "emailtemporario.com.br", "emailthe.net",
        "emailtmp.com", "emailwarden.com", "emailx.at.hm", "emailxfer.com", "emailias.com", "emailigo.de", "emailinfive.com",
        "emailmiser.com", "emailfake.com", "fakeinbox.com", "fakeinbox.net", "fakeinformation.com", "fakemail.fr", "fakemail.net",
        "fakemailgenerator.com", "fake-mail.ml", "fakedemail.com", "mailcatch.com", "maildrop.cc", "maildrop.cf", "maildrop.ga",
        "maildrop.gq", "maildrop.ml", "mailnesia.com", "mailnull.com", "mailsac.com", "mailslurp.com", "mailtemp.info", "mailtothis.com",
        "mailexpire.com", "mailforspam.com", "mailfreeonline.com", "mailimate.com", "mailin8r.com", "mailmetrash.com", "mailmoat.com",
        "mailquack.com", "mailscrap.com", "mailtemporaire.com", "mailtemporaire.fr", "mailzilla.com", "mailzilla.org",
        "mail-temporaire.fr", "mail-temporaire.com", "mail1a.de", "mail21.cc", "mail2rss.org", "mail333.com", "mail4trash.com",
        "mailbidon.com", "mailbucket.org", "mailchop.com", "meltmail.com", "mintemail.com", "moakt.com", "moakt.cc", "mohmal.com",
        "mvrht.com", "mytemp.email", "mytempemail.com", "mytempmail.com", "harakirimail.com", "incognitomail.com", "incognitomail.net",
        "incognitomail.org", "inboxalias.com", "inboxbear.com", "inboxkitten.com", "instant-mail.de", "kasmail.com", "kurzepost.de",
        "lroid.com", "luxusmail.org", "mailde.de", "obobbo.com", "onewaymail.com", "owlpic.com", "pookmail.com", "proxymail.eu",
        "quickinbox.com", "rcpt.at", "receiveee.com", "rmqkr.net", "selfdestructingmail.com", "sendspamhere.com", "shieldemail.com",
        "shiftmail.com", "shortmail.net", "skeefmail.com", "slopsbox.com", "smashmail.de", "snakemail.com", "sofimail.com",
        "sofort-mail.de", "spamgoes.in", "trbvm.com", "twinmail.de", "tyldd.com", "veryday.ch", "wh4f.org", "whyspam.me",
        "willselfdestruct.com", "wuzup.net", "wuzupmail.net", "xagloo.com", "xemaps.com", "xents.com", "xmaily.com", "xoxy.net", "yep.it",
        "yuurok.com", "zehnminutenmail.de", "zehnminuten.de", "zoemail.org", "zoemail.net", "zetmail.com", "33mail.com", "anonbox.net",
        "anonymbox.com", "anonymousemail.me", "antichef.com", "antichef.net", "beefmilk.com", "bugmenot.com", "bumpymail.com",
        "burnermail.io", "burnthespam.info", "byom.de", "clrmail.com", "crapmail.org", "cust.in", "deadaddress.com", "despam.it",
        "despammed.com", "dodgeit.com", "dodgit.com", "dontreg.com", "dontsendmespam.de", "drdrb.com", "dump-email.info",
        "dumpandjunk.com", "dumpmail.de", "dumpyemail.com", "easytrashmail.com", "filzmail.com", "fizmail.com", "frapmail.com",
        "get2mail.fr", "getonemail.com", "ghosttexter.de", "gishpuppy.com", "haltospam.com", "hidemail.de", "hmamail.com", "ieatspam.eu",
        "ieatspam.info", "imails.info", "insorg-mail.info", "jnxjn.com", "junk1e.com", "kaspop.com", "killmail.com", "killmail.net",
        "klzlk.com", "koszmail.pl", "lhsdv.com", "lortemail.dk", "lr78.com", "m4ilweb.info", "mailhazard.com", "mailhazard.us",
        "mailhz.me", "mailme.lv", "mailme24.com", "mailnator.com", "mailseal.de", "mailsiphon.com", "mailtrash.net", "mbx.cc",
        "messagebeamer.de", "mierdamail.com", "myspamless.com", "nepwk.com", "nervmich.net", "nervtmich.net", "netmails.com",
        "netmails.net", "neverbox.com", "nice-4u.com", "nurfuerspam.de", "oneoffemail.com", "pjjkp.com", "poofy.org", "rejectmail.com",
        "rklips.com", "rppkn.com", "rtrtr.com", "s0ny.net", "safersignup.de", "sandelf.de", "schafmail.de", "sharedmailbox.org",
        "sinnlos-mail.de", "skeefmail.net", "slaskpost.se", "snkmail.com", "spamail.de", "stuffmail.de", "supergreatmail.com",
        "tempymail.com", "thanksnospam.info", "turual.com", "uroid.com", "venompen.com", "vomoto.com", "vubby.com", "walkmail.net",
        "webemail.me", "weg-werf-email.de", "wilemail.com", "wronghead.com", "yapped.net", "yxzx.net", "zoaxe.com", "mailpoof.com",
        "tempmailbox.net", "fexbox.org", "fexpost.com", "mailto.plus", "emlhub.com", "emltmp.com", "linshiyouxiang.net", "chacuo.net",
        "027168.com", "bccto.me", "dropmail.me", "10mail.tk", "minuteinbox.com", "vusra.com", "byebyemail.com", "lackmail.ru", "nwytg.net",
        "ezztt.com", "laste.ml", "yomail.info", "guerillamail.com", "guerillamail.net", "guerillamail.org", "guerillamail.biz",
        "guerillamail.de", "guerillamail.info", "1secmail.com", "1secmail.net", "1secmail.org", "esiix.com", "wwjmp.com", "xojxe.com",
        "yoggm.com", "kzccv.com", "qiott.com", "wuuvo.com", "icznn.com", "vjuum.com", "laafd.com", "txcct.com", "rteet.com", "dpptd.com",
        "mailkept.com", "tempmailer.com", "tempmailer.de", "fakermail.com",
    ]);

    /// <summary>How many domains are listed (tests and diagnostics).</summary>
    public static int Count => Set.Count;

    /// <summary>True when the address's (or domain's) domain is a listed disposable service or a subdomain of one.</summary>
    public static bool IsDisposable(string addressOrDomain) => Match(addressOrDomain) is not null;

    /// <summary>The listed service the address belongs to ("mailinator.com" for "a@x.mailinator.com"); null when none.</summary>
    public static string? Match(string addressOrDomain)
        => Set.FindSelfOrParent(DomainSuffixSet.DomainOf(addressOrDomain));
}
