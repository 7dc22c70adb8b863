using System.Collections.Frozen;

namespace SalesOS.Prospecting.Contacts;

/// <summary>
/// Consumer mailbox providers: an address there is a person's private one, not their company's, so it says
/// nothing about where they work and is a poor channel for B2B outreach. Providers with one domain per
/// country (yahoo.co.uk, hotmail.fr, gmx.de, yandex.ru) are matched as families: the provider's name
/// followed by a country-style suffix of one or two short labels.
/// </summary>
public static class FreeMailDomains
{
    private static readonly DomainSuffixSet Exact = new(
    [
        "gmail.com", "googlemail.com", "outlook.com", "outlook.fr", "outlook.de", "hotmail.com", "live.com", "msn.com", "passport.com",
        "windowslive.com", "yahoo.com", "ymail.com", "rocketmail.com", "aol.com", "aim.com", "icloud.com", "me.com", "mac.com",
        "protonmail.com", "protonmail.ch", "proton.me", "pm.me", "tutanota.com", "tutanota.de", "tutamail.com", "tuta.io", "tuta.com",
        "fastmail.com", "fastmail.fm", "hey.com", "zohomail.com", "zoho.com", "mail.com", "email.com", "usa.com", "post.com", "gmx.com",
        "gmx.net", "gmx.de", "gmx.at", "gmx.ch", "web.de", "t-online.de", "freenet.de", "arcor.de", "posteo.de", "posteo.net",
        "mailbox.org", "orange.fr", "wanadoo.fr", "free.fr", "laposte.net", "sfr.fr", "neuf.fr", "bbox.fr", "club-internet.fr",
        "libero.it", "virgilio.it", "tiscali.it", "alice.it", "tin.it", "email.it", "terra.es", "telefonica.net", "movistar.es",
        "ziggo.nl", "kpnmail.nl", "home.nl", "planet.nl", "telenet.be", "skynet.be", "bluewin.ch", "sunrise.ch", "seznam.cz",
        "centrum.cz", "wp.pl", "o2.pl", "interia.pl", "onet.pl", "op.pl", "poczta.fm", "mail.ru", "inbox.ru", "list.ru", "bk.ru",
        "rambler.ru", "ya.ru", "ukr.net", "abv.bg", "freemail.hu", "citromail.hu", "sapo.pt", "btinternet.com", "sky.com",
        "virginmedia.com", "ntlworld.com", "talktalk.net", "blueyonder.co.uk", "comcast.net", "verizon.net", "att.net", "sbcglobal.net",
        "bellsouth.net", "cox.net", "charter.net", "earthlink.net", "optonline.net", "frontier.com", "juno.com", "netzero.net",
        "shaw.ca", "rogers.com", "sympatico.ca", "videotron.ca", "telus.net", "bigpond.com", "bigpond.net.au", "optusnet.com.au",
        "iinet.net.au", "xtra.co.nz", "qq.com", "foxmail.com", "163.com", "126.com", "yeah.net", "sina.com", "sina.cn", "sohu.com",
        "aliyun.com", "naver.com", "hanmail.net", "daum.net", "nate.com", "rediffmail.com", "uol.com.br", "bol.com.br", "terra.com.br",
        "ig.com.br", "hushmail.com", "inbox.com", "lycos.com", "excite.com", "rediff.com", "gmx.fr", "gmx.co.uk", "mail.ee",
    ]);

    // Providers with a domain per country: "yahoo.co.uk", "hotmail.es", "live.fr", "yandex.com.tr".
    private static readonly FrozenSet<string> Families = new[]
    {
        "yahoo", "hotmail", "live", "outlook", "msn", "gmx", "yandex", "aol", "libero", "mail", "windowslive",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private const int MaxCountryLabelLength = 3;

    /// <summary>True when the address's (or domain's) domain is a consumer mailbox provider.</summary>
    public static bool IsFreeMail(string addressOrDomain)
    {
        var domain = DomainSuffixSet.DomainOf(addressOrDomain.AsSpan()).Trim().TrimEnd('.');
        if (Exact.ContainsExactly(domain))
        {
            return true;
        }

        var dot = domain.IndexOf('.');
        if (dot <= 0 || !Families.GetAlternateLookup<ReadOnlySpan<char>>().Contains(domain[..dot]))
        {
            return false;
        }

        // What follows the provider's name must look like a country suffix: "fr", "co.uk", "com.br".
        var suffix = domain[(dot + 1)..];
        var labels = 0;
        foreach (var range in suffix.Split('.'))
        {
            var label = suffix[range];
            if (label.IsEmpty || label.Length > MaxCountryLabelLength || ++labels > 2)
            {
                return false;
            }
        }

        return labels > 0;
    }
}
