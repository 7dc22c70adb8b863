using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using SalesOS.Contracts.Markets;

namespace SalesOS.Prospecting.Contacts;

/// <summary>How high a person sits, lowest to highest except <see cref="Unknown"/>.</summary>
public enum Seniority
{
    Unknown,
    Intern,
    Individual,
    Senior,
    Manager,
    Director,
    Head,
    VicePresident,
    CLevel,

    /// <summary>Founder, co-founder or owner: at the companies SalesOS sells to, the person who signs.</summary>
    Founder,
}

public enum Department
{
    Executive,
    Sales,
    Marketing,
    Engineering,
    Product,
    Operations,
    Finance,
    HumanResources,
    CustomerSuccess,
    IT,
    Legal,
    Other,
}

/// <summary>What a job title says: rank, function, how much buying authority the rank carries, and why.</summary>
public sealed record TitleProfile(Seniority Seniority, Department Department, double BuyingAuthority, string Reason);

/// <summary>
/// Reads a job title as people write it on LinkedIn or in a CRM ("VP of Sales", "SVP, Revenue", "Sr. Director
/// Demand Gen", "Co-Founder &amp; CEO", "Vertriebsleiter", "Directeur commercial", "Jefe de ventas") into a
/// <see cref="TitleProfile"/>. The words are folded (case, accents, ß), split on punctuation, and matched
/// longest phrase first, so "account executive" is a salesperson, "vice president" is not a president and
/// "product owner" owns no company. The highest rank named wins (except that an intern stays an intern);
/// the first function named wins over Executive, so "Co-Founder &amp; CTO" is an engineering founder.
/// German compounds are read by their ending and stem ("Vertriebs|leiter", "Software|entwickler").
/// The department vocabulary follows SalesOS.Domain's MarketVocabulary, which reads market descriptions.
/// </summary>
public static class TitleClassifier
{
    // Stop: the words after it describe someone else ("Assistant to the CEO").
    private readonly record struct Term(Seniority? Seniority, Department? Department, bool Stop = false);

    private const int MaxPhraseWords = 4;

    private static readonly FrozenDictionary<string, Term> Terms = BuildTerms();
    private static readonly FrozenDictionary<string, Term>.AlternateLookup<ReadOnlySpan<char>> TermLookup = Terms.GetAlternateLookup<ReadOnlySpan<char>>();

    // German compound endings: "Vertriebsleiter" = "Vertrieb(s)" + "leiter".
    private static readonly (string Suffix, Term Term)[] CompoundEndings =
    [
        ("leiterin", new(Seniority.Head, null)), ("leiter", new(Seniority.Head, null)),
        ("geschaftsfuhrerin", new(Seniority.CLevel, Department.Executive)), ("geschaftsfuhrer", new(Seniority.CLevel, Department.Executive)),
        ("mitarbeiterin", new(Seniority.Individual, null)), ("mitarbeiter", new(Seniority.Individual, null)),
        ("referentin", new(Seniority.Individual, null)), ("referent", new(Seniority.Individual, null)),
        ("beraterin", new(Seniority.Individual, null)), ("berater", new(Seniority.Individual, null)),
        ("entwicklerin", new(Seniority.Individual, Department.Engineering)), ("entwickler", new(Seniority.Individual, Department.Engineering)),
        ("managerin", new(Seniority.Manager, null)), ("manager", new(Seniority.Manager, null)),
        ("direktorin", new(Seniority.Director, null)), ("direktor", new(Seniority.Director, null)),
        ("spezialistin", new(Seniority.Individual, null)), ("spezialist", new(Seniority.Individual, null)),
        ("ingenieurin", new(Seniority.Individual, Department.Engineering)), ("ingenieur", new(Seniority.Individual, Department.Engineering)),
    ];

    public static TitleProfile Classify(string? title) => Classify(title, rankless: Seniority.Individual);

    private static TitleProfile Classify(string? title, Seniority rankless)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return new TitleProfile(Seniority.Unknown, Department.Other, AuthorityOf(Seniority.Unknown), "no title");
        }

        var text = Fold(title);
        var starts = new List<int>(8);
        var ends = new List<int>(8);
        for (var i = 0; i < text.Length;)
        {
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }

            if (i == text.Length)
            {
                break;
            }

            starts.Add(i);
            while (i < text.Length && text[i] != ' ')
            {
                i++;
            }

            ends.Add(i);
        }

        var seniority = Seniority.Unknown;
        string? seniorityWord = null;
        Department? department = null;
        string? departmentWord = null;
        string? executiveWord = null;
        var intern = false;
        var span = text.AsSpan();
        for (var i = 0; i < starts.Count;)
        {
            var matched = 0;
            Term term = default;
            for (var n = Math.Min(MaxPhraseWords, starts.Count - i); n >= 1 && matched == 0; n--)
            {
                if (TermLookup.TryGetValue(span[starts[i]..ends[i + n - 1]], out term))
                {
                    matched = n;
                }
            }

            if (matched == 0)
            {
                matched = 1;
                if (!TryReadCompound(span[starts[i]..ends[i]], out term))
                {
                    i++;
                    continue;
                }
            }

            var words = text[starts[i]..ends[i + matched - 1]];
            if (term.Seniority is { } rank)
            {
                if (rank == Seniority.Intern)
                {
                    intern = true;
                }
                else if (rank > seniority)
                {
                    seniority = rank;
                    seniorityWord = words;
                }
            }

            if (term.Department is Department.Executive)
            {
                executiveWord ??= words;
            }
            else if (term.Department is { } function && department is null)
            {
                department = function;
                departmentWord = words;
            }

            if (term.Stop)
            {
                break;
            }

            i += matched;
        }

        if (intern && seniority < Seniority.Founder)
        {
            seniority = Seniority.Intern;
            seniorityWord = "intern";
        }

        var reason = new StringBuilder();
        if (seniority == Seniority.Unknown && (department is not null || executiveWord is not null))
        {
            seniority = rankless;
            reason.Append(rankless == Seniority.Individual ? "no rank word, read as an individual contributor" : "no rank word");
        }
        else
        {
            reason.Append(seniority == Seniority.Unknown ? "no rank word" : $"{seniority} from '{seniorityWord}'");
        }

        var finalDepartment = department ?? (executiveWord is not null ? Department.Executive : Department.Other);
        reason.Append(finalDepartment switch
        {
            Department.Other => "; no department word",
            _ => $"; {finalDepartment} from '{departmentWord ?? executiveWord}'",
        });
        return new TitleProfile(seniority, finalDepartment, AuthorityOf(seniority), reason.ToString());
    }

    /// <summary>
    /// Buying authority of a rank, 0–1: founders and C-levels sign, VPs and heads own a budget, directors
    /// and managers influence it, individual contributors and interns do not buy. Whether the department is
    /// the one that buys is the caller's question (see <see cref="MatchPersona"/>).
    /// </summary>
    public static double AuthorityOf(Seniority seniority) => seniority switch
    {
        Seniority.Founder => 1.0,
        Seniority.CLevel => 0.95,
        Seniority.VicePresident => 0.85,
        Seniority.Head => 0.75,
        Seniority.Director => 0.7,
        Seniority.Manager => 0.45,
        Seniority.Senior => 0.25,
        Seniority.Individual => 0.15,
        Seniority.Intern => 0.02,
        _ => 0.1,
    };

    /// <summary>
    /// How well a person fits a market persona, 0–1, with the reason. The department decides first (a
    /// mismatch scores 0; a neighbouring function or a company executive scores part), the rank refines it:
    /// the persona's rank scores 1, one step above 0.85, one step below 0.6, further away less.
    /// </summary>
    public static (double Score, string Reason) MatchPersona(TitleProfile person, BuyerPersona persona)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(persona);

        // A persona without a rank word ("RevOps leaders" aside) wants any rank, not an individual contributor.
        var wanted = Classify(persona.Title, rankless: Seniority.Unknown);
        var wantedDepartment = ParseDepartment(persona.Department) ?? (wanted.Department == Department.Other ? (Department?)null : wanted.Department);
        var wantedSeniority = ParseSeniority(persona.Seniority) ?? wanted.Seniority;

        var (departmentScore, departmentReason) = DepartmentFit(person.Department, wantedDepartment);
        var (seniorityScore, seniorityReason) = SeniorityFit(person.Seniority, wantedSeniority);
        var score = departmentScore * (0.4 + (0.6 * seniorityScore));
        return (Math.Round(score, 3), $"{departmentReason}; {seniorityReason} (persona '{persona.Title}')");
    }

    /// <summary>The persona a person fits best, with its score and reason; null when there are no personas.</summary>
    public static (BuyerPersona Persona, double Score, string Reason)? BestPersona(TitleProfile person, IReadOnlyList<BuyerPersona> personas)
    {
        ArgumentNullException.ThrowIfNull(personas);
        (BuyerPersona, double, string)? best = null;
        foreach (var persona in personas)
        {
            var (score, reason) = MatchPersona(person, persona);
            if (best is null || score > best.Value.Item2)
            {
                best = (persona, score, reason);
            }
        }

        return best;
    }

    private static (double, string) DepartmentFit(Department person, Department? wanted)
    {
        if (wanted is null)
        {
            return (1.0, "the persona names no department");
        }

        if (person == wanted)
        {
            return (1.0, $"department {person} matches");
        }

        if (person == Department.Executive)
        {
            return (0.6, $"an executive, who can buy for {wanted}");
        }

        var related = (person, wanted.Value) switch
        {
            (Department.Operations, Department.Sales or Department.Marketing) => true,
            (Department.Sales or Department.Marketing, Department.Operations) => true,
            (Department.Sales, Department.Marketing) or (Department.Marketing, Department.Sales) => true,
            (Department.CustomerSuccess, Department.Sales) or (Department.Sales, Department.CustomerSuccess) => true,
            (Department.IT, Department.Engineering) or (Department.Engineering, Department.IT) => true,
            (Department.Product, Department.Engineering) or (Department.Engineering, Department.Product) => true,
            (Department.Finance, Department.Operations) or (Department.Operations, Department.Finance) => true,
            _ => false,
        };
        return related ? (0.35, $"department {person} is next to {wanted}") : (0.0, $"department {person} is not {wanted}");
    }

    private static (double, string) SeniorityFit(Seniority person, Seniority wanted)
    {
        if (wanted == Seniority.Unknown)
        {
            return (AuthorityOf(person), $"the persona names no rank, {person} weighed by authority");
        }

        if (person == Seniority.Unknown)
        {
            return (0.2, "rank unknown");
        }

        var distance = Rung(person) - Rung(wanted);
        var score = distance switch
        {
            0 => 1.0,
            1 => 0.85,
            >= 2 => 0.7,
            -1 => 0.6,
            -2 => 0.3,
            _ => 0.0,
        };
        var how = distance switch
        {
            0 => "at the persona's rank",
            > 0 => "above the persona's rank",
            _ => "below the persona's rank",
        };
        return (score, $"{person} is {how} ({wanted})");
    }

    // Founders and C-levels sit on one rung: both decide.
    private static int Rung(Seniority seniority) => seniority == Seniority.Founder ? (int)Seniority.CLevel : (int)seniority;

    /// <summary>Reads a persona's seniority as BuyerTitles writes it ("C-level", "VP", "Head", ...), or an enum name.</summary>
    public static Seniority? ParseSeniority(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "c-level" or "c-suite" or "clevel" or "executive" => Seniority.CLevel,
        "founder" or "owner" or "co-founder" => Seniority.Founder,
        "vp" or "vice president" or "vicepresident" => Seniority.VicePresident,
        "head" => Seniority.Head,
        "director" => Seniority.Director,
        "manager" => Seniority.Manager,
        "senior" => Seniority.Senior,
        "individual" or "entry" or "ic" => Seniority.Individual,
        "intern" => Seniority.Intern,
        _ => null,
    };

    /// <summary>Reads a persona's department as the market vocabulary writes it ("HR", "Customer success", "Security", ...).</summary>
    public static Department? ParseDepartment(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "executive" => Department.Executive,
        "sales" => Department.Sales,
        "marketing" => Department.Marketing,
        "engineering" or "data" => Department.Engineering,
        "product" => Department.Product,
        "operations" or "procurement" => Department.Operations,
        "finance" => Department.Finance,
        "hr" or "humanresources" or "human resources" or "people" => Department.HumanResources,
        "customer success" or "customersuccess" => Department.CustomerSuccess,
        "it" or "security" => Department.IT,
        "legal" => Department.Legal,
        _ => null,
    };

    private static bool TryReadCompound(ReadOnlySpan<char> word, out Term term)
    {
        term = default;
        foreach (var (suffix, ending) in CompoundEndings)
        {
            if (!word.EndsWith(suffix, StringComparison.Ordinal) || word.Length == suffix.Length)
            {
                continue;
            }

            var stem = word[..^suffix.Length];
            Department? department = ending.Department;
            var seniority = ending.Seniority;
            if (stem is "team" or "gruppen" or "projekt")
            {
                seniority = Seniority.Manager;
            }
            else if (TermLookup.TryGetValue(stem, out var found) || (stem.EndsWith('s') && TermLookup.TryGetValue(stem[..^1], out found)))
            {
                department ??= found.Department;
            }
            else if (department is null)
            {
                continue;
            }

            term = new Term(seniority, department);
            return true;
        }

        return false;
    }

    /// <summary>Lowercase, accents and ß folded, every separator a single space; "&amp;" becomes "and".</summary>
    private static string Fold(string title)
    {
        var builder = new StringBuilder(title.Length + 8);
        var lastSpace = true;
        foreach (var raw in title)
        {
            var c = char.ToLowerInvariant(raw);
            if (c > '\x7f')
            {
                AppendFolded(builder, c, ref lastSpace);
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
                lastSpace = false;
            }
            else if (c == '&')
            {
                // "R&D" and "FP&A" are words; "Sales & Marketing" is two.
                if (!lastSpace && builder.Length > 0)
                {
                    builder.Append('&');
                }
                else
                {
                    AppendSpace(builder, ref lastSpace);
                }
            }
            else if (c is '\'' or '’')
            {
                // "Director's" reads as "director".
            }
            else
            {
                AppendSpace(builder, ref lastSpace);
            }
        }

        // "sales &" at the end of a word followed by a space was written "sales& ": undo that.
        builder.Replace("& ", " ");
        var folded = builder.ToString().Trim();
        return folded.EndsWith('&') ? folded[..^1] : folded;
    }

    private static void AppendSpace(StringBuilder builder, ref bool lastSpace)
    {
        if (!lastSpace)
        {
            builder.Append(' ');
            lastSpace = true;
        }
    }

    private static void AppendFolded(StringBuilder builder, char c, ref bool lastSpace)
    {
        if (c == 'ß')
        {
            builder.Append("ss");
            lastSpace = false;
            return;
        }

        if (c is '–' or '—' or '·' or '|' or '•')
        {
            AppendSpace(builder, ref lastSpace);
            return;
        }

        foreach (var d in c.ToString().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(d);
                lastSpace = false;
            }
        }
    }

    private static FrozenDictionary<string, Term> BuildTerms()
    {
        var terms = new Dictionary<string, Term>(StringComparer.Ordinal);
        void Add(Seniority? seniority, Department? department, params string[] phrases)
        {
            foreach (var phrase in phrases)
            {
                terms[phrase] = new Term(seniority, department);
            }
        }

        // Owners and founders (English, French, German, Spanish).
        Add(Seniority.Founder, Department.Executive, "founder", "cofounder", "co founder", "founding partner", "owner", "co owner", "coowner",
            "business owner", "proprietor", "fondateur", "fondatrice", "cofondateur", "cofondatrice", "co fondateur", "co fondatrice",
            "grunder", "grunderin", "mitgrunder", "mitgrunderin", "inhaber", "inhaberin", "gesellschafter", "gesellschafterin",
            "geschaftsfuhrender gesellschafter", "fundador", "fundadora", "cofundador", "cofundadora", "co fundador", "co fundadora",
            "propietario", "propietaria", "dueno", "duena", "proprietaire");

        // Roles called owner that own no company.
        Add(Seniority.Individual, Department.Product, "product owner");
        Add(Seniority.Individual, null, "process owner", "service owner", "data owner", "system owner", "account owner");

        // C-level.
        Add(Seniority.CLevel, Department.Executive, "ceo", "chief executive", "chief executive officer", "president", "chairman", "chairwoman",
            "chairperson", "chair", "board member", "managing director", "managing partner", "general partner", "executive director",
            "md", "pdg", "president directeur general", "directeur general", "directrice generale", "dg", "gerant", "gerante",
            "geschaftsfuhrer", "geschaftsfuhrerin", "geschaeftsfuehrer", "geschaeftsfuehrerin", "vorstand", "vorstandsvorsitzender",
            "vorstandin", "director general", "directora general", "consejero delegado", "consejera delegada", "gerente general",
            "presidente", "director ejecutivo", "directora ejecutiva", "chief");
        Add(Seniority.CLevel, Department.Sales, "cro", "cco", "chief revenue officer", "chief sales officer", "chief commercial officer");
        Add(Seniority.CLevel, Department.Marketing, "cmo", "chief marketing officer", "chief growth officer", "cgo", "chief brand officer");
        Add(Seniority.CLevel, Department.Engineering, "cto", "chief technology officer", "chief technical officer", "cdo", "chief data officer",
            "chief architect", "directeur technique", "directrice technique", "technischer geschaftsfuhrer");
        Add(Seniority.CLevel, Department.Product, "cpo", "chief product officer");
        Add(Seniority.CLevel, Department.Operations, "coo", "chief operating officer", "chief operations officer");
        Add(Seniority.CLevel, Department.Finance, "cfo", "chief financial officer", "chief finance officer", "kaufmannischer geschaftsfuhrer");
        Add(Seniority.CLevel, Department.HumanResources, "chro", "chief people officer", "chief human resources officer", "chief hr officer",
            "chief talent officer");
        Add(Seniority.CLevel, Department.CustomerSuccess, "chief customer officer", "chief experience officer", "cxo");
        Add(Seniority.CLevel, Department.IT, "cio", "ciso", "chief information officer", "chief information security officer",
            "chief security officer", "cso", "chief digital officer");
        Add(Seniority.CLevel, Department.Legal, "clo", "gc", "chief legal officer", "general counsel", "chief compliance officer");
        Add(Seniority.Director, Department.Executive, "chief of staff");

        // Vice presidents.
        Add(Seniority.VicePresident, null, "vp", "svp", "evp", "avp", "rvp", "gvp", "vice president", "vicepresident", "senior vice president",
            "executive vice president", "vice presidente", "vicepresidente", "vizeprasident", "vizeprasidentin", "vice president",
            "vice presidente", "vice presidenta");

        // Heads, directors, managers and their translations.
        Add(Seniority.Head, null, "head", "leiter", "leiterin", "jefe", "jefa", "bereichsleiter", "abteilungsleiter", "chef des", "chef du",
            "chef de service", "global head", "leader", "leaders");
        Add(Seniority.Director, null, "director", "directeur", "directrice", "direktor", "direktorin", "directora", "dir", "prokurist",
            "prokuristin", "associate director", "partner");
        Add(Seniority.Director, Department.Executive, "general manager", "gm", "country manager");
        Add(Seniority.Director, Department.HumanResources, "drh");
        Add(Seniority.Director, Department.Finance, "daf");
        Add(Seniority.Director, Department.IT, "dsi");
        Add(Seniority.Manager, null, "manager", "mgr", "managerin", "gerente", "responsable", "chef", "chef de projet", "supervisor",
            "team lead", "team leader", "teamleiter", "teamleiterin", "gruppenleiter", "gruppenleiterin",
            "assistant director", "encargado", "encargada", "coordinador", "coordinadora", "superviseur");

        // Senior individual contributors.
        Add(Seniority.Senior, null, "senior", "sr", "snr", "principal", "lead", "expert");

        // Individual contributors.
        Add(Seniority.Individual, null, "specialist", "analyst", "coordinator", "associate", "consultant", "representative", "rep",
            "administrator", "assistant", "agent", "advisor", "adviser", "clerk", "generalist", "strategist", "planner", "officer",
            "executive", "mitarbeiter", "mitarbeiterin", "referent", "referentin", "sachbearbeiter", "sachbearbeiterin", "berater",
            "beraterin", "asesor", "asesora", "ejecutivo", "ejecutiva", "charge", "chargee", "assistante", "assistent", "assistentin",
            "junior", "jr", "trainee associate", "executive assistant", "personal assistant", "ea", "pa");
        foreach (var phrase in new[] { "assistant to", "executive assistant to", "personal assistant to", "assistant to the", "executive assistant to the" })
        {
            terms[phrase] = new Term(Seniority.Individual, Department.Executive, Stop: true);
        }

        // Interns and trainees.
        Add(Seniority.Intern, null, "intern", "internship", "trainee", "apprentice", "working student", "student", "praktikant",
            "praktikantin", "werkstudent", "werkstudentin", "azubi", "auszubildender", "auszubildende", "stagiaire", "alternant",
            "alternante", "becario", "becaria", "pasante", "practicante");

        // Departments.
        Add(null, Department.Sales, "sales", "revenue", "business development", "bizdev", "biz dev", "partnerships", "partnership",
            "alliances", "channel", "channels", "go to market", "gtm", "sales enablement", "enablement", "commercial", "comercial",
            "ventas", "vertrieb", "verkauf", "ventes", "inside sales", "field sales", "new business", "key account", "key accounts",
            "presales", "pre sales", "export");
        Add(Seniority.Individual, Department.Sales, "solutions engineer", "sales engineer", "solutions consultant", "ingenieur commercial",
            "ingenieure commerciale");
        Add(Seniority.Manager, Department.Sales, "partner manager", "channel manager", "export manager");
        Add(Seniority.Individual, Department.Sales, "sdr", "bdr", "ae", "account executive", "sales representative", "sales rep",
            "salesperson", "seller", "sales development representative", "business development representative", "vendedor",
            "vendedora", "ejecutivo de cuentas", "ejecutiva de cuentas", "charge de clientele", "chargee de clientele", "commerciale",
            "account executive", "aussendienst", "innendienst", "kundenberater", "kundenberaterin");
        Add(Seniority.Manager, Department.Sales, "account manager", "key account manager", "kam", "territory manager");
        Add(Seniority.Manager, Department.CustomerSuccess, "technical account manager", "customer success manager");
        Add(Seniority.Manager, Department.Engineering, "tech lead", "engineering manager");
        Add(null, Department.Marketing, "marketing", "growth", "demand generation", "demand gen", "brand", "branding", "communications", "comms",
            "content", "seo", "sem", "ppc", "social media", "pr", "public relations", "events", "field marketing", "product marketing",
            "digital marketing", "performance marketing", "lifecycle", "crm marketing", "e commerce", "ecommerce", "mercadotecnia",
            "mercadeo", "communication", "kommunikation", "werbung", "creative", "copywriter", "pmm", "abm", "acquisition",
            "partner marketing", "influencer", "lead generation", "lead gen", "customer marketing");
        Add(Seniority.Individual, Department.Marketing, "marketer");
        Add(null, Department.Engineering, "engineering", "software", "development", "devops", "sre", "platform", "infrastructure",
            "backend", "back end", "frontend", "front end", "full stack", "fullstack", "mobile", "data", "data science", "machine learning",
            "ml", "ai", "r&d", "research and development", "technology", "technical", "tech", "qa", "quality assurance", "cloud",
            "architecture", "entwicklung", "technik", "ingenierie", "ingenieria", "desarrollo", "tecnologia", "analytics", "bi");
        Add(Seniority.Individual, Department.Engineering, "engineer", "developer", "programmer", "architect", "scientist", "ingenieur",
            "ingeniero", "ingeniera", "developpeur", "developpeuse", "desarrollador", "desarrolladora", "entwickler", "entwicklerin",
            "data scientist", "data engineer", "swe");
        Add(Seniority.Senior, Department.Engineering, "staff engineer", "staff software engineer", "principal engineer", "lead engineer", "lead developer");
        Add(null, Department.Product, "product", "product management", "ux", "ui", "design", "user experience", "user research", "produit",
            "produkt", "producto");
        Add(Seniority.Individual, Department.Product, "designer", "product designer", "ux designer", "researcher");
        Add(Seniority.Manager, Department.Product, "product manager", "pm", "chef de produit", "produktmanager", "produktmanagerin");
        Add(null, Department.Operations, "operations", "ops", "revops", "revenue operations", "rev ops", "sales operations", "sales ops",
            "marketing operations", "marketing ops", "business operations", "bizops", "supply chain", "logistics", "procurement",
            "purchasing", "facilities", "fulfillment", "fulfilment", "einkauf", "logistik", "operaciones", "operationnel",
            "strategy and operations", "office", "administration", "buyer", "compras", "achats");
        Add(Seniority.Manager, Department.Operations, "operations manager", "office manager", "ops manager");
        Add(null, Department.Finance, "finance", "financial", "finances", "accounting", "controller", "controlling", "fp&a", "treasury",
            "tax", "audit", "payroll", "billing", "finanzen", "finanz", "finanzas", "buchhaltung", "contabilidad", "comptabilite",
            "financier", "financiere", "investor relations", "kaufmannischer", "kaufmannische");
        Add(Seniority.Individual, Department.Finance, "accountant", "bookkeeper", "comptable", "contador", "contadora", "buchhalter",
            "buchhalterin");
        Add(null, Department.HumanResources, "hr", "human resources", "people", "people operations", "people ops", "talent",
            "talent acquisition", "recruiting", "recruitment", "personal", "personalwesen", "ressources humaines", "rh",
            "recursos humanos", "rrhh", "learning and development", "compensation", "benefits", "employer branding", "hrbp");
        Add(Seniority.Individual, Department.HumanResources, "recruiter", "sourcer", "recruteur", "recruteuse", "reclutador", "reclutadora");
        Add(null, Department.CustomerSuccess, "customer success", "customer", "customers", "support", "customer support", "customer service",
            "customer experience", "cx", "client services", "client success", "account management", "onboarding", "implementation",
            "professional services", "service client", "kundenservice", "kundenbetreuung", "kundenerfolg", "atencion al cliente",
            "experiencia del cliente", "relation client", "csm", "client");
        Add(null, Department.IT, "it", "information technology", "information", "information systems", "systems", "security",
            "infosec", "cybersecurity", "cyber security", "network", "helpdesk", "help desk", "service desk", "informatique",
            "informatica", "sistemas", "edv", "desktop support", "it support");
        Add(Seniority.Individual, Department.IT, "sysadmin", "systems administrator", "system administrator", "network administrator");
        Add(Seniority.Manager, Department.IT, "it manager");
        Add(null, Department.Legal, "legal", "counsel", "compliance", "privacy", "contracts", "juridique", "recht", "rechtsabteilung",
            "juridico", "legal affairs", "regulatory");
        Add(Seniority.Individual, Department.Legal, "attorney", "lawyer", "paralegal", "juriste", "abogado", "abogada", "jurist",
            "juristin", "rechtsanwalt", "rechtsanwaltin", "solicitor", "legal counsel", "corporate counsel");

        // The Spanish and French "de/des/du" and the English "of/and" join words and name nothing.
        return terms.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
