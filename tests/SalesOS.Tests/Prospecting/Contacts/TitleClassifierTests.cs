using SalesOS.Contracts.Markets;
using SalesOS.Domain.Markets;
using SalesOS.Prospecting.Contacts;

namespace SalesOS.Tests.Prospecting.Contacts;

/// <summary>Real-world titles as they appear on profiles and in CRMs, in English, French, German and Spanish.</summary>
public sealed class TitleClassifierTests
{
    [Theory]
    [InlineData("VP of Sales", Seniority.VicePresident, Department.Sales)]
    [InlineData("SVP, Revenue", Seniority.VicePresident, Department.Sales)]
    [InlineData("Chief Revenue Officer", Seniority.CLevel, Department.Sales)]
    [InlineData("Head of Growth", Seniority.Head, Department.Marketing)]
    [InlineData("Sr. Director Demand Gen", Seniority.Director, Department.Marketing)]
    [InlineData("Co-Founder & CEO", Seniority.Founder, Department.Executive)]
    [InlineData("Co-Founder & CTO", Seniority.Founder, Department.Engineering)]
    [InlineData("Founder", Seniority.Founder, Department.Executive)]
    [InlineData("Owner", Seniority.Founder, Department.Executive)]
    [InlineData("CEO", Seniority.CLevel, Department.Executive)]
    [InlineData("Chief Executive Officer", Seniority.CLevel, Department.Executive)]
    [InlineData("President & CEO", Seniority.CLevel, Department.Executive)]
    [InlineData("CRO", Seniority.CLevel, Department.Sales)]
    [InlineData("CMO", Seniority.CLevel, Department.Marketing)]
    [InlineData("Chief Marketing Officer", Seniority.CLevel, Department.Marketing)]
    [InlineData("CFO", Seniority.CLevel, Department.Finance)]
    [InlineData("Chief Financial Officer", Seniority.CLevel, Department.Finance)]
    [InlineData("COO", Seniority.CLevel, Department.Operations)]
    [InlineData("Chief Operating Officer", Seniority.CLevel, Department.Operations)]
    [InlineData("CTO", Seniority.CLevel, Department.Engineering)]
    [InlineData("CIO", Seniority.CLevel, Department.IT)]
    [InlineData("Chief Information Security Officer", Seniority.CLevel, Department.IT)]
    [InlineData("Chief People Officer", Seniority.CLevel, Department.HumanResources)]
    [InlineData("Chief Product Officer", Seniority.CLevel, Department.Product)]
    [InlineData("General Counsel", Seniority.CLevel, Department.Legal)]
    [InlineData("Managing Director", Seniority.CLevel, Department.Executive)]
    [InlineData("Vice President, Marketing", Seniority.VicePresident, Department.Marketing)]
    [InlineData("Senior Vice President of Engineering", Seniority.VicePresident, Department.Engineering)]
    [InlineData("EVP Global Sales", Seniority.VicePresident, Department.Sales)]
    [InlineData("VP Customer Success", Seniority.VicePresident, Department.CustomerSuccess)]
    [InlineData("VP, Revenue Operations", Seniority.VicePresident, Department.Operations)]
    [InlineData("Head of RevOps", Seniority.Head, Department.Operations)]
    [InlineData("Head of People", Seniority.Head, Department.HumanResources)]
    [InlineData("Head of Product", Seniority.Head, Department.Product)]
    [InlineData("Director of Engineering", Seniority.Director, Department.Engineering)]
    [InlineData("Director, Sales Operations", Seniority.Director, Department.Operations)]
    [InlineData("Senior Director, Product Marketing", Seniority.Director, Department.Marketing)]
    [InlineData("IT Director", Seniority.Director, Department.IT)]
    [InlineData("Finance Director", Seniority.Director, Department.Finance)]
    [InlineData("Marketing Manager", Seniority.Manager, Department.Marketing)]
    [InlineData("Sales Manager, EMEA", Seniority.Manager, Department.Sales)]
    [InlineData("Engineering Manager", Seniority.Manager, Department.Engineering)]
    [InlineData("Product Manager", Seniority.Manager, Department.Product)]
    [InlineData("Senior Product Manager", Seniority.Manager, Department.Product)]
    [InlineData("Customer Success Manager", Seniority.Manager, Department.CustomerSuccess)]
    [InlineData("Account Manager", Seniority.Manager, Department.Sales)]
    [InlineData("Office Manager", Seniority.Manager, Department.Operations)]
    [InlineData("HR Manager", Seniority.Manager, Department.HumanResources)]
    [InlineData("Talent Acquisition Partner", Seniority.Director, Department.HumanResources)]
    [InlineData("Account Executive", Seniority.Individual, Department.Sales)]
    [InlineData("Senior Account Executive", Seniority.Senior, Department.Sales)]
    [InlineData("SDR", Seniority.Individual, Department.Sales)]
    [InlineData("BDR", Seniority.Individual, Department.Sales)]
    [InlineData("AE, Mid-Market", Seniority.Individual, Department.Sales)]
    [InlineData("Sales Development Representative", Seniority.Individual, Department.Sales)]
    [InlineData("Solutions Engineer", Seniority.Individual, Department.Sales)]
    [InlineData("Software Engineer", Seniority.Individual, Department.Engineering)]
    [InlineData("Senior Software Engineer", Seniority.Senior, Department.Engineering)]
    [InlineData("Staff Engineer", Seniority.Senior, Department.Engineering)]
    [InlineData("Product Owner", Seniority.Individual, Department.Product)]
    [InlineData("Product Designer", Seniority.Individual, Department.Product)]
    [InlineData("Data Scientist", Seniority.Individual, Department.Engineering)]
    [InlineData("Marketing Coordinator", Seniority.Individual, Department.Marketing)]
    [InlineData("Content Marketing Specialist", Seniority.Individual, Department.Marketing)]
    [InlineData("Recruiter", Seniority.Individual, Department.HumanResources)]
    [InlineData("Staff Accountant", Seniority.Individual, Department.Finance)]
    [InlineData("Corporate Counsel", Seniority.Individual, Department.Legal)]
    [InlineData("Systems Administrator", Seniority.Individual, Department.IT)]
    [InlineData("Executive Assistant to the CEO", Seniority.Individual, Department.Executive)]
    [InlineData("Chief of Staff", Seniority.Director, Department.Executive)]
    [InlineData("Marketing Intern", Seniority.Intern, Department.Marketing)]
    [InlineData("Summer Intern - Engineering", Seniority.Intern, Department.Engineering)]
    [InlineData("Team Lead, Customer Support", Seniority.Manager, Department.CustomerSuccess)]
    [InlineData("Directeur commercial", Seniority.Director, Department.Sales)]
    [InlineData("Directrice Marketing", Seniority.Director, Department.Marketing)]
    [InlineData("Directeur Général", Seniority.CLevel, Department.Executive)]
    [InlineData("PDG", Seniority.CLevel, Department.Executive)]
    [InlineData("Fondatrice", Seniority.Founder, Department.Executive)]
    [InlineData("Responsable des ventes", Seniority.Manager, Department.Sales)]
    [InlineData("Ingénieur commercial", Seniority.Individual, Department.Sales)]
    [InlineData("DRH", Seniority.Director, Department.HumanResources)]
    [InlineData("Stagiaire marketing", Seniority.Intern, Department.Marketing)]
    [InlineData("Geschäftsführer", Seniority.CLevel, Department.Executive)]
    [InlineData("Geschäftsführerin", Seniority.CLevel, Department.Executive)]
    [InlineData("Vertriebsleiter", Seniority.Head, Department.Sales)]
    [InlineData("Marketingleiterin", Seniority.Head, Department.Marketing)]
    [InlineData("Leiter Vertrieb", Seniority.Head, Department.Sales)]
    [InlineData("Personalleiter", Seniority.Head, Department.HumanResources)]
    [InlineData("Einkaufsleiter", Seniority.Head, Department.Operations)]
    [InlineData("Teamleiter Kundenservice", Seniority.Manager, Department.CustomerSuccess)]
    [InlineData("Softwareentwickler", Seniority.Individual, Department.Engineering)]
    [InlineData("Inhaber", Seniority.Founder, Department.Executive)]
    [InlineData("Werkstudent Marketing", Seniority.Intern, Department.Marketing)]
    [InlineData("Kaufmännischer Leiter", Seniority.Head, Department.Finance)]
    [InlineData("Director de Ventas", Seniority.Director, Department.Sales)]
    [InlineData("Director Comercial", Seniority.Director, Department.Sales)]
    [InlineData("Gerente de Marketing", Seniority.Manager, Department.Marketing)]
    [InlineData("Jefe de Ventas", Seniority.Head, Department.Sales)]
    [InlineData("Gerente General", Seniority.CLevel, Department.Executive)]
    [InlineData("Fundador y CEO", Seniority.Founder, Department.Executive)]
    [InlineData("Director de Recursos Humanos", Seniority.Director, Department.HumanResources)]
    [InlineData("Ejecutivo de cuentas", Seniority.Individual, Department.Sales)]
    public void Classify_ReadsRealWorldTitles(string title, Seniority seniority, Department department)
    {
        var profile = TitleClassifier.Classify(title);

        Assert.True(
            (seniority, department) == (profile.Seniority, profile.Department),
            $"'{title}': expected {seniority}/{department}, got {profile.Seniority}/{profile.Department} ({profile.Reason})");
        Assert.Equal(TitleClassifier.AuthorityOf(seniority), profile.BuyingAuthority);
        Assert.False(string.IsNullOrWhiteSpace(profile.Reason));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("—")]
    [InlineData("Jane's profile")]
    public void Classify_WithoutRankOrFunction_IsUnknown(string? title)
    {
        var profile = TitleClassifier.Classify(title);

        Assert.Equal(Seniority.Unknown, profile.Seniority);
        Assert.Equal(Department.Other, profile.Department);
    }

    [Fact]
    public void BuyingAuthority_RisesWithRank()
    {
        var ladder = new[]
        {
            Seniority.Intern, Seniority.Individual, Seniority.Senior, Seniority.Manager, Seniority.Director, Seniority.Head,
            Seniority.VicePresident, Seniority.CLevel, Seniority.Founder,
        };

        var authorities = ladder.Select(TitleClassifier.AuthorityOf).ToList();

        Assert.Equal(authorities.Order(), authorities);
        Assert.Equal(authorities.Count, authorities.Distinct().Count());
        Assert.All(authorities, a => Assert.InRange(a, 0.0, 1.0));
    }

    [Fact]
    public void Classify_ExplainsWhichWordsDecided()
    {
        var profile = TitleClassifier.Classify("Sr. Director Demand Gen");

        Assert.Contains("Director from 'director'", profile.Reason, StringComparison.Ordinal);
        Assert.Contains("Marketing from 'demand gen'", profile.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("VP of Sales", "VP Sales", 1.0)]
    [InlineData("Chief Revenue Officer", "VP Sales", 0.91)]
    [InlineData("Director of Sales", "VP Sales", 0.58)]
    [InlineData("Account Executive", "VP Sales", 0.4)]
    [InlineData("VP Marketing", "VP Sales", 0.35)]
    [InlineData("CEO", "VP Sales", 0.55)]
    [InlineData("VP Engineering", "VP Sales", 0.0)]
    [InlineData("Head of Marketing", "heads of marketing", 1.0)]
    [InlineData("Co-Founder & CEO", "for founders", 1.0)]
    [InlineData("Vertriebsleiter", "VP Sales", 0.76)]
    [InlineData("Marketing Manager", "CMO", 0.4)]
    [InlineData("Head of RevOps", "targeting RevOps leaders", 1.0)]
    [InlineData("Software Engineer", "engineers", 1.0)]
    [InlineData("VP Engineering", "engineers", 0.82)]
    public void MatchPersona_ScoresDepartmentFirstThenRank(string title, string personaDescription, double expected)
    {
        var persona = ReadPersona(personaDescription);

        var (score, reason) = TitleClassifier.MatchPersona(TitleClassifier.Classify(title), persona);

        Assert.Equal(expected, score, 2);
        Assert.Contains(persona.Title, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void MatchPersona_UsesThePersonasWordsWhenItHasNoSeniorityOrDepartment()
    {
        var (exact, _) = TitleClassifier.MatchPersona(TitleClassifier.Classify("CFO"), new BuyerPersona("CFO", null, null));
        var (other, why) = TitleClassifier.MatchPersona(TitleClassifier.Classify("CTO"), new BuyerPersona("CFO", null, null));

        Assert.Equal(1.0, exact);
        Assert.Equal(0.0, other);
        Assert.Contains("Engineering is not Finance", why, StringComparison.Ordinal);
    }

    [Fact]
    public void BestPersona_PicksTheClosestOfSeveral()
    {
        var personas = new[] { new BuyerPersona("CFO", "C-level", "Finance"), new BuyerPersona("Head of Sales", "Head", "Sales") };

        var best = TitleClassifier.BestPersona(TitleClassifier.Classify("Head of Sales EMEA"), personas);

        Assert.NotNull(best);
        Assert.Equal("Head of Sales", best.Value.Persona.Title);
        Assert.Equal(1.0, best.Value.Score);
        Assert.Null(TitleClassifier.BestPersona(TitleClassifier.Classify("CEO"), []));
    }

    private static BuyerPersona ReadPersona(string description)
    {
        if (BuyerTitles.TryRead(description, out var persona))
        {
            return persona;
        }

        var parsed = MarketDescriptionParser.Parse(description).Personas;
        Assert.NotEmpty(parsed);
        return parsed[0];
    }
}
