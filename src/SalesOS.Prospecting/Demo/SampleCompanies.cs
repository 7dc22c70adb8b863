using System.Globalization;
using SalesOS.Prospecting.Enrichment;

namespace SalesOS.Prospecting.Demo;

/// <summary>
/// Plausible made-up companies for the demo and the benchmark: names and domains under the reserved ".example"
/// TLD, a skewed size distribution (most companies are small), a few technologies, open roles, dated news with
/// the odd funding round, and a leadership team. The same seed always gives the same companies.
/// </summary>
public static class SampleCompanies
{
    private static readonly string[] NameFirst =
    [
        "Northwind", "Bluepeak", "Brightline", "Cobalt", "Evergreen", "Fairway", "Granite", "Harbor", "Ironwood", "Juniper",
        "Keystone", "Lumen", "Meridian", "Nimbus", "Oakridge", "Pinnacle", "Quarry", "Redwood", "Silverline", "Tidewater",
        "Upland", "Vantage", "Westbrook", "Yellowstone", "Zenith", "Alder", "Beacon", "Cedar", "Driftwood", "Ember",
    ];

    private static readonly string[] NameSecond =
    [
        "Analytics", "Systems", "Labs", "Software", "Cloud", "Logistics", "Health", "Payments", "Robotics", "Learning",
        "Security", "Data", "Commerce", "Energy", "Networks", "Insights", "Works", "Dynamics", "Solutions", "Partners",
    ];

    private static readonly string[] Industries =
    [
        "Software", "Fintech", "Healthcare", "Logistics", "E-commerce", "Cybersecurity", "Education", "Manufacturing",
        "Marketing", "HR Tech", "Real Estate", "Energy", "Insurance", "Legal Tech", "Travel",
    ];

    private static readonly (string Country, string[] Cities, string Currency)[] Places =
    [
        ("United States", ["San Francisco", "New York", "Austin", "Boston", "Chicago", "Denver", "Seattle"], "USD"),
        ("United Kingdom", ["London", "Manchester", "Edinburgh", "Bristol"], "GBP"),
        ("Germany", ["Berlin", "Munich", "Hamburg", "Cologne"], "EUR"),
        ("France", ["Paris", "Lyon", "Nantes"], "EUR"),
        ("Netherlands", ["Amsterdam", "Rotterdam", "Utrecht"], "EUR"),
        ("Canada", ["Toronto", "Vancouver", "Montreal"], "USD"),
        ("Spain", ["Madrid", "Barcelona", "Valencia"], "EUR"),
        ("Ireland", ["Dublin", "Cork"], "EUR"),
    ];

    private static readonly string[] FirstNames =
    [
        "Olivia", "Liam", "Emma", "Noah", "Amelia", "Oliver", "Sophia", "Elijah", "Isabella", "Lucas", "Mia", "Mateo", "Charlotte",
        "Ethan", "Harper", "Aiden", "Priya", "Arjun", "Mei", "Kenji", "Fatima", "Omar", "Chloé", "Lukas", "Sofia", "Jonas",
        "Hannah", "Daniel", "Grace", "Samuel", "Zoe", "Leon", "Ines", "Tomás", "Aisha", "David", "Nora", "Felix", "Maya", "Ravi",
    ];

    private static readonly string[] LastNames =
    [
        "Johnson", "Garcia", "Smith", "Müller", "Martin", "Brown", "Schmidt", "Lee", "Patel", "Nguyen", "Kim", "Rossi",
        "Dubois", "Fischer", "Wilson", "Anderson", "Taylor", "Moreau", "Weber", "Clarke", "Okafor", "Haddad", "Sato",
        "Jansen", "O'Brien", "Novak", "Kowalski", "Silva", "Hughes", "Bennett", "Meyer", "Larsen", "Costa", "Walsh",
    ];

    private static readonly string[] CLevel = ["Chief Executive Officer", "Chief Technology Officer", "Chief Financial Officer", "Chief Operating Officer", "Chief Marketing Officer", "Chief Revenue Officer"];

    private static readonly string[] Leaders =
    [
        "VP of Sales", "VP of Marketing", "VP of Engineering", "VP of Product", "Director of Customer Success", "Director of Finance",
        "Head of People", "Director of Operations", "Head of Growth Marketing", "Director of Engineering",
    ];

    private static readonly string[] Managers =
    [
        "Sales Manager", "Marketing Manager", "Engineering Manager", "Product Manager", "Customer Success Manager", "Office Manager",
        "Senior Software Engineer", "Account Executive", "Product Designer", "Financial Analyst", "Talent Partner",
    ];

    private static readonly (Department Department, string[] Titles)[] RoleTitles =
    [
        (Department.Sales, ["Account Executive", "Sales Development Representative", "Enterprise Account Executive", "Sales Engineer", "Business Development Manager"]),
        (Department.Marketing, ["Product Marketing Manager", "Content Marketing Manager", "Demand Generation Manager", "SEO Specialist", "Brand Designer, Marketing"]),
        (Department.Engineering, ["Senior Backend Engineer", "Frontend Engineer", "Site Reliability Engineer", "Data Engineer", "Staff Software Engineer", "QA Engineer"]),
        (Department.Product, ["Senior Product Manager", "Product Designer", "UX Researcher", "Product Owner"]),
        (Department.CustomerSuccess, ["Customer Success Manager", "Customer Support Specialist", "Implementation Consultant", "Onboarding Specialist"]),
        (Department.Finance, ["Financial Analyst", "Senior Accountant", "FP&A Manager", "Financial Controller"]),
        (Department.HumanResources, ["Technical Recruiter", "People Partner", "Talent Acquisition Lead", "HR Generalist"]),
        (Department.Operations, ["Operations Manager", "Office Manager", "Legal Counsel", "Procurement Specialist"]),
    ];

    private static readonly string[] NewsHeadlines =
    [
        "{0} launches a new integration marketplace", "{0} opens a new office in {1}", "{0} named a leader in the 2025 {2} buyer's guide",
        "{0} partners with a leading {2} provider", "{0} welcomes a new Chief Revenue Officer", "{0} introduces AI assistant for {2} teams",
        "{0} reaches 1,000 customers", "{0} achieves SOC 2 Type II certification",
    ];

    private static readonly string[] AtsNames = ["Greenhouse", "Lever", "Ashby"];

    private static readonly string[] Rounds = ["Pre-Seed", "Seed", "Series A", "Series B", "Series C", "Series D"];

    public static IReadOnlyList<SampleCompanyProfile> Generate(int count, int seed, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        var techs = SampleWebsite.RenderableTechnologies.Where(t => t is not ("Greenhouse" or "Lever" or "Ashby")).ToArray();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var list = new List<SampleCompanyProfile>(count);
        for (var i = 0; i < count; i++)
        {
            var name = $"{Pick(random, NameFirst)} {Pick(random, NameSecond)}";
            var domain = $"{name.ToLowerInvariant().Replace(' ', '-')}-{i.ToString("D4", CultureInfo.InvariantCulture)}.example";
            var industry = Pick(random, Industries);
            var employees = Employees(random);
            var (country, cities, currency) = Pick(random, Places);
            var city = Pick(random, cities);

            var chosen = new List<string>();
            var techCount = random.Next(0, 9);
            while (chosen.Count < techCount)
            {
                var t = Pick(random, techs);
                if (!chosen.Contains(t))
                {
                    chosen.Add(t);
                }
            }

            var roles = new List<SampleRole>();
            var roleCount = Math.Min(12, random.Next(0, 2 + (int)Math.Log2(employees)));
            for (var r = 0; r < roleCount; r++)
            {
                var (department, titles) = Pick(random, RoleTitles);
                var title = Pick(random, titles);
                if (roles.Exists(x => x.Title == title))
                {
                    continue;
                }

                roles.Add(new SampleRole(title, department, random.Next(3) == 0 ? "Remote" : city));
            }

            if (roles.Count > 0 && random.Next(3) == 0)
            {
                chosen.Add(Pick(random, AtsNames));
            }

            var news = new List<SampleNewsItem>();
            var newsCount = random.Next(0, 5);
            var usedHeadlines = new HashSet<int>();
            for (var n = 0; n < newsCount; n++)
            {
                var date = today.AddDays(-random.Next(1, 540));
                var h = random.Next(NewsHeadlines.Length);
                if (usedHeadlines.Add(h))
                {
                    news.Add(new SampleNewsItem(date, string.Format(CultureInfo.InvariantCulture, NewsHeadlines[h], name, city, industry.ToLowerInvariant())));
                }
            }

            if (random.Next(3) == 0)
            {
                var roundIndex = Math.Clamp((int)Math.Log10(employees) + random.Next(-1, 2), 0, Rounds.Length - 1);
                var round = Rounds[roundIndex];
                var amount = roundIndex switch
                {
                    0 => random.Next(5, 20) * 100_000m,
                    1 => random.Next(2, 8) * 1_000_000m,
                    2 => random.Next(8, 25) * 1_000_000m,
                    3 => random.Next(20, 60) * 1_000_000m,
                    _ => random.Next(50, 200) * 1_000_000m,
                };
                var date = today.AddDays(-random.Next(1, 540));
                var headline = $"{name} raises {SampleWebsite.Money(amount, currency, longForm: false)} {round} to expand in {city}";
                news.Add(new SampleNewsItem(date, headline, amount, round, currency));
            }

            var team = new List<SampleTeamMember>();
            var teamSize = random.Next(2, 9);
            var usedNames = new HashSet<string>();
            for (var m = 0; m < teamSize; m++)
            {
                var person = $"{Pick(random, FirstNames)} {Pick(random, LastNames)}";
                if (!usedNames.Add(person))
                {
                    continue;
                }

                var title = m switch
                {
                    0 => random.Next(4) == 0 ? "Co-Founder & CEO" : "Chief Executive Officer",
                    < 3 => Pick(random, CLevel.Skip(1).ToArray()),
                    < 6 => Pick(random, Leaders),
                    _ => Pick(random, Managers),
                };
                if (team.Exists(t => t.Title == title))
                {
                    title = Pick(random, Managers);
                    if (team.Exists(t => t.Title == title))
                    {
                        continue;
                    }
                }

                team.Add(new SampleTeamMember(person, title));
            }

            var pricing = random.Next(6) switch
            {
                0 => PricingModel.FreeTrial | PricingModel.PerSeat | PricingModel.Tiered | PricingModel.ContactSales,
                1 => PricingModel.Freemium | PricingModel.Tiered,
                2 => PricingModel.UsageBased | PricingModel.Freemium,
                3 => PricingModel.ContactSales | PricingModel.EnterpriseOnly,
                4 => PricingModel.FreeTrial | PricingModel.Tiered,
                _ => PricingModel.PerSeat | PricingModel.ContactSales,
            };

            list.Add(new SampleCompanyProfile(domain, name, industry, employees, country, city, chosen, roles, news, team, pricing));
        }

        return list;
    }

    /// <summary>Most companies are small: roughly 60 % under 50 people, a long tail up to 10,000.</summary>
    private static int Employees(Random random)
    {
        var u = random.NextDouble();
        return u switch
        {
            < 0.60 => random.Next(2, 50),
            < 0.85 => random.Next(50, 200),
            < 0.95 => random.Next(200, 1000),
            < 0.99 => random.Next(1000, 5000),
            _ => random.Next(5000, 10_001),
        };
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
