namespace SalesOS.Outreach.Sequences;

/// <summary>
/// Where prospects' clocks are: each country's main zone, and for countries that span several zones the
/// zone of their states, provinces and larger cities. The main zones were taken from the IANA zone.tab
/// (tzdata 2025b) for every code of <see cref="SalesOS.Prospecting.Import.Countries"/>, picking the
/// capital's or most populous zone where a country has several; the regions and cities were written by
/// hand from the same file's comments. Kept in code so resolution does not depend on the host's files.
/// </summary>
internal static class CountryZones
{
    public const string MainZones = """
        AD Europe/Andorra  AE Asia/Dubai  AF Asia/Kabul  AG America/Antigua  AI America/Anguilla
        AL Europe/Tirane  AM Asia/Yerevan  AO Africa/Luanda  AQ Antarctica/McMurdo  AR America/Argentina/Buenos_Aires
        AS Pacific/Pago_Pago  AT Europe/Vienna  AU Australia/Sydney  AW America/Aruba  AX Europe/Mariehamn
        AZ Asia/Baku  BA Europe/Sarajevo  BB America/Barbados  BD Asia/Dhaka  BE Europe/Brussels
        BF Africa/Ouagadougou  BG Europe/Sofia  BH Asia/Bahrain  BI Africa/Bujumbura  BJ Africa/Porto-Novo
        BL America/St_Barthelemy  BM Atlantic/Bermuda  BN Asia/Brunei  BO America/La_Paz  BQ America/Kralendijk
        BR America/Sao_Paulo  BS America/Nassau  BT Asia/Thimphu  BV Etc/GMT  BW Africa/Gaborone
        BY Europe/Minsk  BZ America/Belize  CA America/Toronto  CC Indian/Cocos  CD Africa/Kinshasa
        CF Africa/Bangui  CG Africa/Brazzaville  CH Europe/Zurich  CI Africa/Abidjan  CK Pacific/Rarotonga
        CL America/Santiago  CM Africa/Douala  CN Asia/Shanghai  CO America/Bogota  CR America/Costa_Rica
        CU America/Havana  CV Atlantic/Cape_Verde  CW America/Curacao  CX Indian/Christmas  CY Asia/Nicosia
        CZ Europe/Prague  DE Europe/Berlin  DJ Africa/Djibouti  DK Europe/Copenhagen  DM America/Dominica
        DO America/Santo_Domingo  DZ Africa/Algiers  EC America/Guayaquil  EE Europe/Tallinn  EG Africa/Cairo
        ER Africa/Asmara  ES Europe/Madrid  ET Africa/Addis_Ababa  FI Europe/Helsinki  FJ Pacific/Fiji
        FK Atlantic/Stanley  FM Pacific/Pohnpei  FO Atlantic/Faroe  FR Europe/Paris  GA Africa/Libreville
        GB Europe/London  GD America/Grenada  GE Asia/Tbilisi  GF America/Cayenne  GG Europe/Guernsey
        GH Africa/Accra  GI Europe/Gibraltar  GL America/Nuuk  GM Africa/Banjul  GN Africa/Conakry
        GP America/Guadeloupe  GQ Africa/Malabo  GR Europe/Athens  GS Atlantic/South_Georgia  GT America/Guatemala
        GU Pacific/Guam  GW Africa/Bissau  GY America/Guyana  HK Asia/Hong_Kong  HM Indian/Kerguelen
        HN America/Tegucigalpa  HR Europe/Zagreb  HT America/Port-au-Prince  HU Europe/Budapest  ID Asia/Jakarta
        IE Europe/Dublin  IL Asia/Jerusalem  IM Europe/Isle_of_Man  IN Asia/Kolkata  IO Indian/Chagos
        IQ Asia/Baghdad  IR Asia/Tehran  IS Atlantic/Reykjavik  IT Europe/Rome  JE Europe/Jersey
        JM America/Jamaica  JO Asia/Amman  JP Asia/Tokyo  KE Africa/Nairobi  KG Asia/Bishkek
        KH Asia/Phnom_Penh  KI Pacific/Tarawa  KM Indian/Comoro  KN America/St_Kitts  KP Asia/Pyongyang
        KR Asia/Seoul  KW Asia/Kuwait  KY America/Cayman  KZ Asia/Almaty  LA Asia/Vientiane
        LB Asia/Beirut  LC America/St_Lucia  LI Europe/Vaduz  LK Asia/Colombo  LR Africa/Monrovia
        LS Africa/Maseru  LT Europe/Vilnius  LU Europe/Luxembourg  LV Europe/Riga  LY Africa/Tripoli
        MA Africa/Casablanca  MC Europe/Monaco  MD Europe/Chisinau  ME Europe/Podgorica  MF America/Marigot
        MG Indian/Antananarivo  MH Pacific/Majuro  MK Europe/Skopje  ML Africa/Bamako  MM Asia/Yangon
        MN Asia/Ulaanbaatar  MO Asia/Macau  MP Pacific/Saipan  MQ America/Martinique  MR Africa/Nouakchott
        MS America/Montserrat  MT Europe/Malta  MU Indian/Mauritius  MV Indian/Maldives  MW Africa/Blantyre
        MX America/Mexico_City  MY Asia/Kuala_Lumpur  MZ Africa/Maputo  NA Africa/Windhoek  NC Pacific/Noumea
        NE Africa/Niamey  NF Pacific/Norfolk  NG Africa/Lagos  NI America/Managua  NL Europe/Amsterdam
        NO Europe/Oslo  NP Asia/Kathmandu  NR Pacific/Nauru  NU Pacific/Niue  NZ Pacific/Auckland
        OM Asia/Muscat  PA America/Panama  PE America/Lima  PF Pacific/Tahiti  PG Pacific/Port_Moresby
        PH Asia/Manila  PK Asia/Karachi  PL Europe/Warsaw  PM America/Miquelon  PN Pacific/Pitcairn
        PR America/Puerto_Rico  PS Asia/Hebron  PT Europe/Lisbon  PW Pacific/Palau  PY America/Asuncion
        QA Asia/Qatar  RE Indian/Reunion  RO Europe/Bucharest  RS Europe/Belgrade  RU Europe/Moscow
        RW Africa/Kigali  SA Asia/Riyadh  SB Pacific/Guadalcanal  SC Indian/Mahe  SD Africa/Khartoum
        SE Europe/Stockholm  SG Asia/Singapore  SH Atlantic/St_Helena  SI Europe/Ljubljana  SJ Arctic/Longyearbyen
        SK Europe/Bratislava  SL Africa/Freetown  SM Europe/San_Marino  SN Africa/Dakar  SO Africa/Mogadishu
        SR America/Paramaribo  SS Africa/Juba  ST Africa/Sao_Tome  SV America/El_Salvador  SX America/Lower_Princes
        SY Asia/Damascus  SZ Africa/Mbabane  TC America/Grand_Turk  TD Africa/Ndjamena  TF Indian/Kerguelen
        TG Africa/Lome  TH Asia/Bangkok  TJ Asia/Dushanbe  TK Pacific/Fakaofo  TL Asia/Dili
        TM Asia/Ashgabat  TN Africa/Tunis  TO Pacific/Tongatapu  TR Europe/Istanbul  TT America/Port_of_Spain
        TV Pacific/Funafuti  TW Asia/Taipei  TZ Africa/Dar_es_Salaam  UA Europe/Kyiv  UG Africa/Kampala
        UM Pacific/Wake  US America/New_York  UY America/Montevideo  UZ Asia/Tashkent  VA Europe/Vatican
        VC America/St_Vincent  VE America/Caracas  VG America/Tortola  VI America/St_Thomas  VN Asia/Ho_Chi_Minh
        VU Pacific/Efate  WF Pacific/Wallis  WS Pacific/Apia  XK Europe/Belgrade  YE Asia/Aden
        YT Indian/Mayotte  ZA Africa/Johannesburg  ZM Africa/Lusaka  ZW Africa/Harare
        """;

    /// <summary>"CC kind Zone: Name|alias|alias, Name|alias" — the first name of each entry is the one shown.</summary>
    public const string Places = """
        US region America/New_York: Connecticut|CT, Delaware|DE, District of Columbia|DC|Washington DC|Washington D.C., Florida|FL, Georgia|GA
        US region America/New_York: Maine|ME, Maryland|MD, Massachusetts|MA, New Hampshire|NH, New Jersey|NJ, New York|NY, North Carolina|NC
        US region America/New_York: Ohio|OH, Pennsylvania|PA, Rhode Island|RI, South Carolina|SC, Vermont|VT, Virginia|VA, West Virginia|WV
        US region America/Kentucky/Louisville: Kentucky|KY
        US region America/Detroit: Michigan|MI
        US region America/Indiana/Indianapolis: Indiana|IN
        US region America/Chicago: Alabama|AL, Arkansas|AR, Illinois|IL, Iowa|IA, Kansas|KS, Louisiana|LA, Minnesota|MN, Mississippi|MS
        US region America/Chicago: Missouri|MO, Nebraska|NE, North Dakota|ND, Oklahoma|OK, South Dakota|SD, Tennessee|TN, Texas|TX, Wisconsin|WI
        US region America/Denver: Colorado|CO, Montana|MT, New Mexico|NM, Utah|UT, Wyoming|WY
        US region America/Boise: Idaho|ID
        US region America/Phoenix: Arizona|AZ
        US region America/Los_Angeles: California|CA, Nevada|NV, Oregon|OR, Washington|WA
        US region America/Anchorage: Alaska|AK
        US region Pacific/Honolulu: Hawaii|HI
        US region America/Puerto_Rico: Puerto Rico|PR
        US region America/St_Thomas: U.S. Virgin Islands|US Virgin Islands|VI
        US region Pacific/Guam: Guam|GU
        US region Pacific/Pago_Pago: American Samoa|AS
        US city America/New_York: New York City|New York|NYC|Brooklyn|Manhattan, Boston, Philadelphia, Atlanta, Miami, Washington|Washington DC
        US city America/New_York: Charlotte, Baltimore, Pittsburgh, Orlando, Tampa, Jacksonville, Raleigh, Durham, Columbus, Cleveland
        US city America/New_York: Cincinnati, Richmond, Newark, Jersey City, Hartford, Providence, Buffalo, Stamford
        US city America/Detroit: Detroit, Ann Arbor, Grand Rapids
        US city America/Indiana/Indianapolis: Indianapolis
        US city America/Kentucky/Louisville: Louisville
        US city America/Chicago: Chicago, Houston, Dallas, Austin, San Antonio, Fort Worth, Plano, Irving, Nashville, Memphis, Minneapolis
        US city America/Chicago: St. Louis|Saint Louis, Kansas City, New Orleans, Milwaukee, Madison, Oklahoma City, Tulsa, Omaha, Des Moines
        US city America/Denver: Denver, Boulder, Salt Lake City, Albuquerque
        US city America/Boise: Boise
        US city America/Phoenix: Phoenix, Scottsdale, Tempe, Tucson, Mesa, Chandler
        US city America/Los_Angeles: Los Angeles|LA, San Francisco|SF, San Jose, San Diego, Oakland, Sacramento, Palo Alto, Mountain View
        US city America/Los_Angeles: Menlo Park, Santa Clara, Sunnyvale, Redwood City, Irvine, Santa Monica, Seattle, Bellevue, Redmond
        US city America/Los_Angeles: Portland, Las Vegas
        US city America/Anchorage: Anchorage
        US city Pacific/Honolulu: Honolulu

        CA region America/St_Johns: Newfoundland and Labrador|Newfoundland|NL|NF
        CA region America/Halifax: Nova Scotia|NS, Prince Edward Island|PE|PEI
        CA region America/Moncton: New Brunswick|NB
        CA region America/Toronto: Ontario|ON, Quebec|Québec|QC|PQ
        CA region America/Winnipeg: Manitoba|MB
        CA region America/Regina: Saskatchewan|SK
        CA region America/Edmonton: Alberta|AB, Northwest Territories|NT
        CA region America/Vancouver: British Columbia|BC
        CA region America/Whitehorse: Yukon|YT
        CA region America/Iqaluit: Nunavut|NU
        CA city America/Toronto: Toronto, Montreal|Montréal, Ottawa, Quebec City|Québec City, Mississauga, Brampton, Hamilton, Waterloo
        CA city America/Toronto: Kitchener, London, Markham, Laval, Gatineau
        CA city America/Vancouver: Vancouver, Victoria, Surrey, Burnaby, Kelowna
        CA city America/Edmonton: Calgary, Edmonton, Yellowknife
        CA city America/Winnipeg: Winnipeg
        CA city America/Regina: Regina, Saskatoon
        CA city America/Halifax: Halifax, Charlottetown
        CA city America/Moncton: Moncton, Fredericton, Saint John
        CA city America/St_Johns: St. John's|Saint John's
        CA city America/Whitehorse: Whitehorse
        CA city America/Iqaluit: Iqaluit

        AU region Australia/Sydney: New South Wales|NSW, Australian Capital Territory|ACT
        AU region Australia/Melbourne: Victoria|VIC
        AU region Australia/Brisbane: Queensland|QLD
        AU region Australia/Adelaide: South Australia|SA
        AU region Australia/Perth: Western Australia|WA
        AU region Australia/Hobart: Tasmania|TAS
        AU region Australia/Darwin: Northern Territory|NT
        AU city Australia/Sydney: Sydney, Canberra, Newcastle, Wollongong
        AU city Australia/Melbourne: Melbourne, Geelong
        AU city Australia/Brisbane: Brisbane, Gold Coast, Sunshine Coast, Cairns, Townsville
        AU city Australia/Adelaide: Adelaide
        AU city Australia/Perth: Perth
        AU city Australia/Hobart: Hobart
        AU city Australia/Darwin: Darwin

        BR region America/Sao_Paulo: São Paulo|SP, Rio de Janeiro|RJ, Minas Gerais|MG, Espírito Santo|ES, Paraná|PR, Santa Catarina|SC
        BR region America/Sao_Paulo: Rio Grande do Sul|RS, Goiás|GO, Distrito Federal|Federal District|DF
        BR region America/Bahia: Bahia|BA
        BR region America/Fortaleza: Ceará|CE, Maranhão|MA, Piauí|PI, Rio Grande do Norte|RN, Paraíba|PB
        BR region America/Recife: Pernambuco|PE
        BR region America/Maceio: Alagoas|AL, Sergipe|SE
        BR region America/Belem: Pará|PA, Amapá|AP
        BR region America/Araguaina: Tocantins|TO
        BR region America/Cuiaba: Mato Grosso|MT
        BR region America/Campo_Grande: Mato Grosso do Sul|MS
        BR region America/Porto_Velho: Rondônia|RO
        BR region America/Boa_Vista: Roraima|RR
        BR region America/Manaus: Amazonas|AM
        BR region America/Rio_Branco: Acre|AC
        BR city America/Sao_Paulo: São Paulo, Campinas, Guarulhos, Santos, São José dos Campos, Rio de Janeiro, Niterói, Belo Horizonte
        BR city America/Sao_Paulo: Brasília, Curitiba, Porto Alegre, Florianópolis, Joinville, Goiânia, Vitória
        BR city America/Bahia: Salvador
        BR city America/Fortaleza: Fortaleza, São Luís, Teresina, Natal, João Pessoa
        BR city America/Recife: Recife
        BR city America/Maceio: Maceió, Aracaju
        BR city America/Belem: Belém, Macapá
        BR city America/Araguaina: Palmas
        BR city America/Cuiaba: Cuiabá
        BR city America/Campo_Grande: Campo Grande
        BR city America/Porto_Velho: Porto Velho
        BR city America/Boa_Vista: Boa Vista
        BR city America/Manaus: Manaus
        BR city America/Rio_Branco: Rio Branco

        MX region America/Mexico_City: Ciudad de México|Mexico City|CDMX|CMX|Distrito Federal, México|Estado de México|State of Mexico|MEX|EDOMEX
        MX region America/Mexico_City: Aguascalientes|AGU|AGS, Chiapas|CHP, Colima|COL, Guanajuato|GUA|GTO, Guerrero|GRO, Hidalgo|HID
        MX region America/Mexico_City: Jalisco|JAL, Michoacán|MIC, Morelos|MOR, Oaxaca|OAX, Puebla|PUE, Querétaro|QUE|QRO
        MX region America/Mexico_City: San Luis Potosí|SLP, Tabasco|TAB, Tlaxcala|TLA, Veracruz|VER, Zacatecas|ZAC
        MX region America/Monterrey: Nuevo León|NLE, Coahuila|COA, Tamaulipas|TAM, Durango|DUR
        MX region America/Merida: Yucatán|YUC, Campeche|CAM
        MX region America/Cancun: Quintana Roo|ROO|QROO
        MX region America/Chihuahua: Chihuahua|CHH
        MX region America/Mazatlan: Sinaloa|SIN, Baja California Sur|BCS, Nayarit|NAY
        MX region America/Hermosillo: Sonora|SON
        MX region America/Tijuana: Baja California|BCN
        MX city America/Mexico_City: Mexico City|Ciudad de México|CDMX, Guadalajara, Zapopan, Puebla, León, Querétaro, San Luis Potosí
        MX city America/Mexico_City: Aguascalientes, Toluca, Morelia, Oaxaca, Veracruz, Acapulco, Villahermosa, Tuxtla Gutiérrez, Puerto Vallarta
        MX city America/Monterrey: Monterrey, San Pedro Garza García, Saltillo, Torreón, Tampico, Durango
        MX city America/Matamoros: Reynosa, Matamoros, Nuevo Laredo
        MX city America/Merida: Mérida, Campeche
        MX city America/Cancun: Cancún, Playa del Carmen, Tulum
        MX city America/Chihuahua: Chihuahua
        MX city America/Ciudad_Juarez: Ciudad Juárez|Juárez
        MX city America/Mazatlan: Culiacán, Mazatlán, La Paz, Los Cabos, Cabo San Lucas, Tepic
        MX city America/Hermosillo: Hermosillo
        MX city America/Tijuana: Tijuana, Mexicali, Ensenada

        RU region Europe/Kaliningrad: Kaliningrad Oblast
        RU region Europe/Moscow: Moscow|Moskva, Moscow Oblast|Moskovskaya Oblast, Saint Petersburg|St. Petersburg|Sankt-Peterburg, Leningrad Oblast
        RU region Europe/Moscow: Krasnodar Krai, Rostov Oblast, Tatarstan, Nizhny Novgorod Oblast, Voronezh Oblast, Belgorod Oblast, Bryansk Oblast
        RU region Europe/Moscow: Vladimir Oblast, Ivanovo Oblast, Kaluga Oblast, Kostroma Oblast, Kursk Oblast, Lipetsk Oblast, Oryol Oblast
        RU region Europe/Moscow: Ryazan Oblast, Smolensk Oblast, Tambov Oblast, Tver Oblast, Tula Oblast, Yaroslavl Oblast, Arkhangelsk Oblast
        RU region Europe/Moscow: Vologda Oblast, Murmansk Oblast, Novgorod Oblast, Pskov Oblast, Karelia, Komi, Stavropol Krai, Dagestan
        RU region Europe/Moscow: Chechnya, Penza Oblast, Mordovia, Chuvashia, Mari El
        RU region Europe/Kirov: Kirov Oblast
        RU region Europe/Volgograd: Volgograd Oblast
        RU region Europe/Samara: Samara Oblast, Udmurtia|Udmurt Republic
        RU region Europe/Ulyanovsk: Ulyanovsk Oblast
        RU region Europe/Saratov: Saratov Oblast
        RU region Europe/Astrakhan: Astrakhan Oblast
        RU region Asia/Yekaterinburg: Sverdlovsk Oblast, Chelyabinsk Oblast, Bashkortostan, Perm Krai, Orenburg Oblast, Tyumen Oblast
        RU region Asia/Yekaterinburg: Kurgan Oblast, Khanty-Mansi Autonomous Okrug|Khanty-Mansi, Yamalo-Nenets Autonomous Okrug|Yamalo-Nenets
        RU region Asia/Omsk: Omsk Oblast
        RU region Asia/Novosibirsk: Novosibirsk Oblast
        RU region Asia/Barnaul: Altai Krai, Altai Republic
        RU region Asia/Tomsk: Tomsk Oblast
        RU region Asia/Novokuznetsk: Kemerovo Oblast|Kuzbass
        RU region Asia/Krasnoyarsk: Krasnoyarsk Krai, Khakassia, Tuva
        RU region Asia/Irkutsk: Irkutsk Oblast, Buryatia
        RU region Asia/Chita: Zabaykalsky Krai
        RU region Asia/Yakutsk: Sakha|Yakutia|Sakha Republic, Amur Oblast
        RU region Asia/Vladivostok: Primorsky Krai|Primorye, Khabarovsk Krai, Jewish Autonomous Oblast
        RU region Asia/Magadan: Magadan Oblast
        RU region Asia/Sakhalin: Sakhalin Oblast
        RU region Asia/Kamchatka: Kamchatka Krai
        RU region Asia/Anadyr: Chukotka|Chukotka Autonomous Okrug
        RU city Europe/Kaliningrad: Kaliningrad
        RU city Europe/Moscow: Moscow|Moskva, Saint Petersburg|St. Petersburg|Sankt-Peterburg, Kazan, Nizhny Novgorod, Voronezh, Rostov-on-Don
        RU city Europe/Moscow: Krasnodar, Sochi, Yaroslavl, Murmansk, Penza, Tula, Ryazan, Makhachkala
        RU city Europe/Kirov: Kirov
        RU city Europe/Volgograd: Volgograd
        RU city Europe/Samara: Samara, Tolyatti|Togliatti, Izhevsk
        RU city Europe/Ulyanovsk: Ulyanovsk
        RU city Europe/Saratov: Saratov
        RU city Europe/Astrakhan: Astrakhan
        RU city Asia/Yekaterinburg: Yekaterinburg|Ekaterinburg, Chelyabinsk, Ufa, Perm, Tyumen, Orenburg, Surgut
        RU city Asia/Omsk: Omsk
        RU city Asia/Novosibirsk: Novosibirsk
        RU city Asia/Barnaul: Barnaul
        RU city Asia/Tomsk: Tomsk
        RU city Asia/Novokuznetsk: Kemerovo, Novokuznetsk
        RU city Asia/Krasnoyarsk: Krasnoyarsk
        RU city Asia/Irkutsk: Irkutsk, Ulan-Ude
        RU city Asia/Chita: Chita
        RU city Asia/Yakutsk: Yakutsk, Blagoveshchensk
        RU city Asia/Vladivostok: Vladivostok, Khabarovsk
        RU city Asia/Magadan: Magadan
        RU city Asia/Sakhalin: Yuzhno-Sakhalinsk
        RU city Asia/Kamchatka: Petropavlovsk-Kamchatsky
        RU city Asia/Anadyr: Anadyr

        ID region Asia/Jakarta: Jakarta|DKI Jakarta|Special Capital Region of Jakarta, West Java|Jawa Barat, Central Java|Jawa Tengah
        ID region Asia/Jakarta: East Java|Jawa Timur, Banten, Yogyakarta|DI Yogyakarta|Special Region of Yogyakarta, Aceh
        ID region Asia/Jakarta: North Sumatra|Sumatera Utara, West Sumatra|Sumatera Barat, South Sumatra|Sumatera Selatan, Riau
        ID region Asia/Jakarta: Riau Islands|Kepulauan Riau, Jambi, Bangka Belitung|Kepulauan Bangka Belitung, Bengkulu, Lampung
        ID region Asia/Pontianak: West Kalimantan|Kalimantan Barat, Central Kalimantan|Kalimantan Tengah
        ID region Asia/Makassar: Bali, West Nusa Tenggara|Nusa Tenggara Barat|NTB, East Nusa Tenggara|Nusa Tenggara Timur|NTT
        ID region Asia/Makassar: South Kalimantan|Kalimantan Selatan, East Kalimantan|Kalimantan Timur, North Kalimantan|Kalimantan Utara
        ID region Asia/Makassar: North Sulawesi|Sulawesi Utara, Gorontalo, Central Sulawesi|Sulawesi Tengah, West Sulawesi|Sulawesi Barat
        ID region Asia/Makassar: South Sulawesi|Sulawesi Selatan, Southeast Sulawesi|Sulawesi Tenggara
        ID region Asia/Jayapura: Maluku, North Maluku|Maluku Utara, Papua, West Papua|Papua Barat, Central Papua|Papua Tengah
        ID region Asia/Jayapura: Highland Papua|Papua Pegunungan, South Papua|Papua Selatan, Southwest Papua|Papua Barat Daya
        ID city Asia/Jakarta: Jakarta, Surabaya, Bandung, Medan, Semarang, Palembang, Tangerang, Bekasi, Depok, Bogor, Batam, Pekanbaru
        ID city Asia/Jakarta: Yogyakarta, Malang, Padang, Bandar Lampung
        ID city Asia/Pontianak: Pontianak, Palangkaraya
        ID city Asia/Makassar: Makassar, Denpasar, Balikpapan, Samarinda, Banjarmasin, Manado, Kupang, Mataram, Palu
        ID city Asia/Jayapura: Jayapura, Ambon, Sorong, Ternate

        ES region Atlantic/Canary: Canary Islands|Canarias|Islas Canarias
        ES city Atlantic/Canary: Las Palmas|Las Palmas de Gran Canaria, Santa Cruz de Tenerife
        PT region Atlantic/Azores: Azores|Açores
        PT region Atlantic/Madeira: Madeira
        PT city Atlantic/Azores: Ponta Delgada
        PT city Atlantic/Madeira: Funchal
        CL region Pacific/Easter: Easter Island|Isla de Pascua|Rapa Nui
        CL region America/Punta_Arenas: Magallanes|Magallanes y de la Antártica Chilena
        CL city America/Punta_Arenas: Punta Arenas
        NZ region Pacific/Chatham: Chatham Islands
        EC region Pacific/Galapagos: Galápagos
        CD region Africa/Lubumbashi: Haut-Katanga, Lualaba, Tanganyika, Haut-Lomami, Kasaï, Kasaï-Central, Kasaï-Oriental, Lomami, Sankuru
        CD region Africa/Lubumbashi: Maniema, North Kivu|Nord-Kivu, South Kivu|Sud-Kivu, Tshopo, Ituri, Haut-Uele, Bas-Uele, Katanga
        CD city Africa/Lubumbashi: Lubumbashi, Kolwezi, Mbuji-Mayi, Kananga, Kisangani, Goma, Bukavu
        UA region Europe/Simferopol: Crimea|Autonomous Republic of Crimea, Sevastopol
        UA city Europe/Simferopol: Simferopol, Sevastopol
        """;
}
