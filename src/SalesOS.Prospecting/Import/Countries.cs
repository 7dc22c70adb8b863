using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace SalesOS.Prospecting.Import;

/// <summary>
/// Country names and codes as lead lists write them, resolved to ISO 3166-1 alpha-2. The table below was
/// generated from the ICU region data on the build machine (alpha-2, alpha-3, English and native name)
/// and is kept in code so the result does not depend on the host's globalization data; the common
/// names after it ("USA", "UK", "Holland", ...) were added by hand.
/// </summary>
public static class Countries
{
    private const string IsoTable = """
        AD AND Andorra
        AE ARE United Arab Emirates|الإمارات العربية المتحدة
        AF AFG Afghanistan
        AG ATG Antigua & Barbuda
        AI AIA Anguilla
        AL ALB Albania|Shqipëri
        AM ARM Armenia|Հայաստան
        AO AGO Angola
        AQ ATA Antarctica
        AR ARG Argentina
        AS ASM American Samoa
        AT AUT Austria|Österreich
        AU AUS Australia
        AW ABW Aruba
        AX ALA Åland Islands|Åland
        AZ AZE Azerbaijan|Азәрбајҹан
        BA BIH Bosnia & Herzegovina|Bosna i Hercegovina
        BB BRB Barbados
        BD BGD Bangladesh|বাংলাদেশ
        BE BEL Belgium|België
        BF BFA Burkina Faso
        BG BGR Bulgaria|България
        BH BHR Bahrain|البحرين
        BI BDI Burundi|Uburundi
        BJ BEN Benin|Bénin
        BL BLM St. Barthélemy|Saint-Barthélemy
        BM BMU Bermuda
        BN BRN Brunei
        BO BOL Bolivia
        BQ BES Caribbean Netherlands|Caribisch Nederland
        BR BRA Brazil|Brasil
        BS BHS Bahamas
        BT BTN Bhutan|འབྲུག
        BV BVT Bouvet Island|Bouvetøya
        BW BWA Botswana
        BY BLR Belarus|Беларусь
        BZ BLZ Belize
        CA CAN Canada
        CC CCK Cocos (Keeling) Islands
        CD COD Congo - Kinshasa|Congo-Kinshasa
        CF CAF Central African Republic|Ködörösêse tî Bêafrîka
        CG COG Congo - Brazzaville|Congo-Brazzaville
        CH CHE Switzerland|Svizzera
        CI CIV Côte d’Ivoire
        CK COK Cook Islands
        CL CHL Chile
        CM CMR Cameroon|Cameroun
        CN CHN China|中国
        CO COL Colombia
        CR CRI Costa Rica
        CU CUB Cuba
        CV CPV Cape Verde|Cabo Verde
        CW CUW Curaçao
        CX CXR Christmas Island
        CY CYP Cyprus|Κύπρος
        CZ CZE Czechia|Česko
        DE DEU Germany|Deutschland
        DJ DJI Djibouti
        DK DNK Denmark|Danmark
        DM DMA Dominica
        DO DOM Dominican Republic|República Dominicana
        DZ DZA Algeria|الجزائر
        EC ECU Ecuador
        EE EST Estonia|Eesti
        EG EGY Egypt|مصر
        ER ERI Eritrea
        ES ESP Spain|España
        ET ETH Ethiopia|ኢትዮጵያ
        FI FIN Finland|Suomi
        FJ FJI Fiji
        FK FLK Falkland Islands
        FM FSM Micronesia
        FO FRO Faroe Islands|Føroyar
        FR FRA France
        GA GAB Gabon
        GB GBR United Kingdom
        GD GRD Grenada
        GE GEO Georgia|საქართველო
        GF GUF French Guiana|Guyane française
        GG GGY Guernsey
        GH GHA Ghana
        GI GIB Gibraltar
        GL GRL Greenland|Kalaallit Nunaat
        GM GMB Gambia
        GN GIN Guinea|Guinée
        GP GLP Guadeloupe
        GQ GNQ Equatorial Guinea|Guinea Ecuatorial
        GR GRC Greece|Ελλάδα
        GS SGS South Georgia & South Sandwich Islands
        GT GTM Guatemala
        GU GUM Guam
        GW GNB Guinea-Bissau|Guiné-Bissau
        GY GUY Guyana
        HK HKG Hong Kong SAR China|中國香港特別行政區
        HM HMD Heard & McDonald Islands
        HN HND Honduras
        HR HRV Croatia|Hrvatska
        HT HTI Haiti|Haïti
        HU HUN Hungary|Magyarország
        ID IDN Indonesia
        IE IRL Ireland
        IL ISR Israel|ישראל
        IM IMN Isle of Man|Ellan Vannin
        IN IND India|भारत
        IO IOT British Indian Ocean Territory
        IQ IRQ Iraq|العراق
        IR IRN Iran|ایران
        IS ISL Iceland|Ísland
        IT ITA Italy|Italia
        JE JEY Jersey
        JM JAM Jamaica
        JO JOR Jordan|الأردن
        JP JPN Japan|日本
        KE KEN Kenya
        KG KGZ Kyrgyzstan|Кыргызстан
        KH KHM Cambodia|កម្ពុជា
        KI KIR Kiribati
        KM COM Comoros|جزر القمر
        KN KNA St. Kitts & Nevis|St Kitts & Nevis
        KP PRK North Korea|조선민주주의인민공화국
        KR KOR South Korea|대한민국
        KW KWT Kuwait|الكويت
        KY CYM Cayman Islands
        KZ KAZ Kazakhstan|Қазақстан
        LA LAO Laos|ລາວ
        LB LBN Lebanon|لبنان
        LC LCA St. Lucia|St Lucia
        LI LIE Liechtenstein
        LK LKA Sri Lanka|ශ්‍රී ලංකාව
        LR LBR Liberia
        LS LSO Lesotho
        LT LTU Lithuania|Lietuva
        LU LUX Luxembourg|Lëtzebuerg
        LV LVA Latvia|Latvija
        LY LBY Libya|ليبيا
        MA MAR Morocco|المغرب
        MC MCO Monaco
        MD MDA Moldova|Republica Moldova
        ME MNE Montenegro|Crna Gora
        MF MAF St. Martin|Saint-Martin
        MG MDG Madagascar|Madagasikara
        MH MHL Marshall Islands
        MK MKD North Macedonia|Северна Македонија
        ML MLI Mali
        MM MMR Myanmar (Burma)|မြန်မာ
        MN MNG Mongolia|Монгол
        MO MAC Macao SAR China|中國澳門特別行政區
        MP MNP Northern Mariana Islands
        MQ MTQ Martinique
        MR MRT Mauritania|موريتانيا
        MS MSR Montserrat
        MT MLT Malta
        MU MUS Mauritius
        MV MDV Maldives
        MW MWI Malawi
        MX MEX Mexico|México
        MY MYS Malaysia
        MZ MOZ Mozambique|Moçambique
        NA NAM Namibia
        NC NCL New Caledonia|Nouvelle-Calédonie
        NE NER Niger
        NF NFK Norfolk Island
        NG NGA Nigeria|Naịjịrịa
        NI NIC Nicaragua
        NL NLD Netherlands|Nederland
        NO NOR Norway|Noreg
        NP NPL Nepal|नेपाल
        NR NRU Nauru
        NU NIU Niue
        NZ NZL New Zealand
        OM OMN Oman|عُمان
        PA PAN Panama|Panamá
        PE PER Peru|Perú
        PF PYF French Polynesia|Polynésie française
        PG PNG Papua New Guinea
        PH PHL Philippines
        PK PAK Pakistan|پاکستان
        PL POL Poland|Polska
        PM SPM St. Pierre & Miquelon|Saint-Pierre-et-Miquelon
        PN PCN Pitcairn Islands
        PR PRI Puerto Rico
        PS PSE Palestinian Territories|الأراضي الفلسطينية
        PT PRT Portugal
        PW PLW Palau
        PY PRY Paraguay
        QA QAT Qatar|قطر
        RE REU Réunion|La Réunion
        RO ROU Romania|România
        RS SRB Serbia|Srbija
        RU RUS Russia|Россия
        RW RWA Rwanda|U Rwanda
        SA SAU Saudi Arabia|المملكة العربية السعودية
        SB SLB Solomon Islands
        SC SYC Seychelles
        SD SDN Sudan|السودان
        SE SWE Sweden|Sverige
        SG SGP Singapore|新加坡
        SH SHN St. Helena|St Helena
        SI SVN Slovenia|Slovenija
        SJ SJM Svalbard & Jan Mayen|Svalbard og Jan Mayen
        SK SVK Slovakia|Slovensko
        SL SLE Sierra Leone
        SM SMR San Marino
        SN SEN Senegal|Senegaal
        SO SOM Somalia|Soomaaliya
        SR SUR Suriname
        SS SSD South Sudan
        ST STP São Tomé & Príncipe|São Tomé e Príncipe
        SV SLV El Salvador
        SX SXM Sint Maarten|Sint-Maarten
        SY SYR Syria|سوريا
        SZ SWZ Eswatini
        TC TCA Turks & Caicos Islands
        TD TCD Chad|Tchad
        TF ATF French Southern Territories|Terres australes françaises
        TG TGO Togo
        TH THA Thailand|ไทย
        TJ TJK Tajikistan|Тоҷикистон
        TK TKL Tokelau
        TL TLS Timor-Leste
        TM TKM Turkmenistan|Türkmenistan
        TN TUN Tunisia|تونس
        TO TON Tonga
        TR TUR Turkey|Türkiye
        TT TTO Trinidad & Tobago
        TV TUV Tuvalu
        TW TWN Taiwan|台灣
        TZ TZA Tanzania
        UA UKR Ukraine|Україна
        UG UGA Uganda
        UM UMI U.S. Outlying Islands
        US USA United States
        UY URY Uruguay
        UZ UZB Uzbekistan|Ўзбекистон
        VA VAT Vatican City|Città del Vaticano
        VC VCT St. Vincent & Grenadines|St Vincent & the Grenadines
        VE VEN Venezuela
        VG VGB British Virgin Islands
        VI VIR U.S. Virgin Islands
        VN VNM Vietnam|Việt Nam
        VU VUT Vanuatu
        WF WLF Wallis & Futuna|Wallis-et-Futuna
        WS WSM Samoa
        XK XKK Kosovo|Kosovë
        YE YEM Yemen|اليمن
        YT MYT Mayotte
        ZA ZAF South Africa|Suid-Afrika
        ZM ZMB Zambia
        ZW ZWE Zimbabwe
        """;

    private static readonly (string Code, string[] Names)[] CommonNames =
    [
        ("US", ["USA", "U.S.", "U.S.A.", "United States of America", "America", "Vereinigte Staaten", "Estados Unidos", "Etats-Unis"]),
        ("GB", ["UK", "U.K.", "Great Britain", "Britain", "England", "Scotland", "Wales", "Northern Ireland", "Vereinigtes Königreich", "Grossbritannien", "Großbritannien"]),
        ("DE", ["Deutschland", "Federal Republic of Germany", "Allemagne", "Alemania"]),
        ("AT", ["Österreich", "Oesterreich"]),
        ("CH", ["Schweiz", "Suisse", "Svizzera"]),
        ("NL", ["Holland", "The Netherlands", "Niederlande"]),
        ("FR", ["Frankreich"]),
        ("IT", ["Italien"]),
        ("ES", ["Spanien"]),
        ("CZ", ["Czech Republic"]),
        ("KR", ["Korea", "Republic of Korea"]),
        ("RU", ["Russian Federation"]),
        ("AE", ["UAE", "U.A.E."]),
        ("CI", ["Ivory Coast", "Cote d'Ivoire"]),
        ("MK", ["Macedonia"]),
        ("SZ", ["Swaziland"]),
        ("TR", ["Türkiye", "Turkiye"]),
        ("CD", ["Democratic Republic of the Congo", "DR Congo"]),
        ("CG", ["Republic of the Congo"]),
        ("VN", ["Viet Nam"]),
        ("HK", ["Hong Kong"]),
        ("MO", ["Macau", "Macao"]),
        ("MM", ["Myanmar", "Burma"]),
        ("PS", ["Palestine"]),
        ("VA", ["Holy See"]),
        ("BA", ["Bosnia and Herzegovina", "Bosnia"]),
        ("IR", ["Islamic Republic of Iran"]),
        ("TW", ["Republic of China"]),
        ("CN", ["People's Republic of China", "PRC"]),
    ];

    private static readonly FrozenDictionary<string, string> ByName = Build();

    public static IReadOnlyCollection<string> Codes { get; } = ByName.Values.Distinct().Order(StringComparer.Ordinal).ToArray();

    /// <summary>"DE", "DEU", "Germany", "Deutschland", "united states", "U.S.A." → the alpha-2 code.</summary>
    public static bool TryResolve(string? text, out string code)
    {
        code = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        return ByName.TryGetValue(Key(text), out code!);
    }

    /// <summary>Letters only, lowercase, accents dropped, "and", "the", "of" left out and "saint" written "st".</summary>
    private static string Key(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(decomposed.Length);
        var word = new StringBuilder();
        for (var i = 0; i <= decomposed.Length; i++)
        {
            var c = i < decomposed.Length ? decomposed[i] : ' ';
            if (char.IsLetter(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && c != '\'' && c != '\u2019' && word.Length > 0)
            {
                var w = word.ToString();
                word.Clear();
                key.Append(w switch
                {
                    "and" or "the" or "of" => "",
                    "saint" => "st",
                    _ => w,
                });
            }
        }

        return key.ToString();
    }

    private static FrozenDictionary<string, string> Build()
    {
        var names = new Dictionary<string, string>();
        foreach (var line in IsoTable.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var code = line[..2];
            names.TryAdd(code.ToLowerInvariant(), code);
            names.TryAdd(line[3..6].ToLowerInvariant(), code);
            foreach (var name in line[7..].Split('|'))
            {
                names.TryAdd(Key(name), code);
            }
        }

        foreach (var (code, aliases) in CommonNames)
        {
            foreach (var alias in aliases)
            {
                names[Key(alias)] = code;
            }
        }

        names.Remove("");
        return names.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
