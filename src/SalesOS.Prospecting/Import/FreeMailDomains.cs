using System.Collections.Frozen;

namespace SalesOS.Prospecting.Import;

/// <summary>Mail providers anyone can sign up with: an address there says nothing about the person's company.</summary>
public static class FreeMailDomains
{
    private static readonly FrozenSet<string> Domains = FrozenSet.ToFrozenSet(
    [
        "gmail.com", "googlemail.com", "outlook.com", "outlook.de", "hotmail.com", "hotmail.de", "hotmail.co.uk", "hotmail.fr",
        "live.com", "live.de", "msn.com", "yahoo.com", "yahoo.de", "yahoo.co.uk", "yahoo.fr", "ymail.com", "rocketmail.com",
        "icloud.com", "me.com", "mac.com", "aol.com", "aol.de", "gmx.de", "gmx.net", "gmx.at", "gmx.ch", "gmx.com", "web.de",
        "t-online.de", "freenet.de", "posteo.de", "mailbox.org", "protonmail.com", "protonmail.ch", "proton.me", "pm.me",
        "mail.com", "zoho.com", "zohomail.com", "fastmail.com", "hey.com", "tutanota.com", "tuta.io", "yandex.ru", "yandex.com",
        "mail.ru", "qq.com", "163.com", "126.com", "naver.com", "hanmail.net", "orange.fr", "free.fr", "laposte.net", "sfr.fr",
        "libero.it", "virgilio.it", "btinternet.com", "sky.com", "comcast.net", "verizon.net", "att.net", "sbcglobal.net",
        "rediffmail.com", "seznam.cz", "wp.pl", "o2.pl", "interia.pl", "bluewin.ch", "telenet.be", "skynet.be", "ziggo.nl",
    ], StringComparer.OrdinalIgnoreCase);

    public static bool Contains(string domain) => Domains.Contains(domain);
}
