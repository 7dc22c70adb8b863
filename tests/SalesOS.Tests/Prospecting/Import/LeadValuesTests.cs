using SalesOS.Prospecting.Import;

namespace SalesOS.Tests.Prospecting.Import;

public sealed class LeadValuesTests
{
    [Theory]
    [InlineData("1,200", 1200)]
    [InlineData("1.200", 1200)]
    [InlineData("1 200", 1200)]
    [InlineData("250", 250)]
    [InlineData("51-200", 125)]
    [InlineData("51 - 200", 125)]
    [InlineData("51 to 200", 125)]
    [InlineData("51–200", 125)]
    [InlineData("10001+", 10001)]
    [InlineData("10,001+", 10001)]
    [InlineData("2.5k", 2500)]
    [InlineData("1-10", 5)]
    public void TryParseEmployeeCount_ReadsNumbersRangesAndOpenRanges(string text, int expected)
    {
        Assert.True(LeadValues.TryParseEmployeeCount(text, out var count));
        Assert.Equal(expected, count);
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("Self-employed")]
    [InlineData("99999999999")]
    [InlineData("")]
    public void TryParseEmployeeCount_RefusesWhatIsNoCount(string text)
        => Assert.False(LeadValues.TryParseEmployeeCount(text, out _));

    [Theory]
    [InlineData("$5M", 5_000_000, "USD")]
    [InlineData("5,000,000", 5_000_000, null)]
    [InlineData("€2.5m", 2_500_000, "EUR")]
    [InlineData("1B", 1_000_000_000, null)]
    [InlineData("2,5 Mio. €", 2_500_000, "EUR")]
    [InlineData("1.250.000,50 €", 1_250_000.50, "EUR")]
    [InlineData("USD 12,500,000.00", 12_500_000, "USD")]
    [InlineData("12500000 EUR", 12_500_000, "EUR")]
    [InlineData("£750k", 750_000, "GBP")]
    [InlineData("$1M-$10M", 5_500_000, "USD")]
    [InlineData("1-10M", 5_500_000, null)]
    [InlineData("3 Mrd.", 3_000_000_000, null)]
    [InlineData("$2 billion", 2_000_000_000, "USD")]
    public void TryParseRevenue_ReadsSymbolsScalesAndBothNumberConventions(string text, double expected, string? currency)
    {
        Assert.True(LeadValues.TryParseRevenue(text, out var amount, out var actualCurrency));
        Assert.Equal((decimal)expected, amount);
        Assert.Equal(currency, actualCurrency);
    }

    [Theory]
    [InlineData("United States", "US")]
    [InlineData("USA", "US")]
    [InlineData("U.S.A.", "US")]
    [InlineData("us", "US")]
    [InlineData("UK", "GB")]
    [InlineData("United Kingdom", "GB")]
    [InlineData("England", "GB")]
    [InlineData("Deutschland", "DE")]
    [InlineData("germany", "DE")]
    [InlineData("DEU", "DE")]
    [InlineData("Österreich", "AT")]
    [InlineData("Schweiz", "CH")]
    [InlineData("Côte d’Ivoire", "CI")]
    [InlineData("Trinidad and Tobago", "TT")]
    [InlineData("Saint Lucia", "LC")]
    [InlineData("The Netherlands", "NL")]
    [InlineData("España", "ES")]
    [InlineData("South Korea", "KR")]
    public void Countries_ResolveNamesAndCodesToAlpha2(string text, string code)
    {
        Assert.True(Countries.TryResolve(text, out var actual));
        Assert.Equal(code, actual);
    }

    [Theory]
    [InlineData("Narnia")]
    [InlineData("EMEA")]
    [InlineData("")]
    public void Countries_RefuseWhatIsNoCountry(string text) => Assert.False(Countries.TryResolve(text, out _));

    [Theory]
    [InlineData("Jane Doe", "Jane", "Doe")]
    [InlineData("Doe, Jane", "Jane", "Doe")]
    [InlineData("Dr. Mary Ann Smith", "Mary Ann", "Smith")]
    [InlineData("Cher", "Cher", null)]
    public void SplitFullName_SplitsFirstAndLast(string full, string? first, string? last)
        => Assert.Equal((first, last), LeadValues.SplitFullName(full));

    [Theory]
    [InlineData("  Acme  ", "Acme")]
    [InlineData("N/A", null)]
    [InlineData("n/a", null)]
    [InlineData("-", null)]
    [InlineData("null", null)]
    [InlineData("#N/A", null)]
    [InlineData("   ", null)]
    [InlineData("", null)]
    [InlineData("NA", "NA")]
    [InlineData("Na", "Na")]
    public void Clean_TrimsAndEmptiesPlaceholders(string text, string? expected) => Assert.Equal(expected, LeadValues.Clean(text));

    [Fact]
    public void SplitTechnologies_SplitsOnEverySeparatorAndDropsRepeats()
        => Assert.Equal(["React", "AWS", "Go", "Slack"], LeadValues.SplitTechnologies("React; AWS, Go | Slack ;react"));

    [Theory]
    [InlineData("Company Name", LeadField.CompanyName)]
    [InlineData("company_name", LeadField.CompanyName)]
    [InlineData("COMPANY-NAME", LeadField.CompanyName)]
    [InlineData("Country/Region", LeadField.Country)]
    [InlineData("country_region", LeadField.Country)]
    [InlineData("# Employees", LeadField.EmployeeCount)]
    [InlineData("E-Mail", LeadField.Email)]
    [InlineData("Person Linkedin Url", LeadField.LinkedInUrl)]
    [InlineData("Lead Source", LeadField.Source)]
    [InlineData("Contact owner", LeadField.Owner)]
    public void TryMatch_IgnoresCaseSpacesUnderscoresAndPunctuation(string header, LeadField field)
    {
        Assert.True(LeadHeaders.TryMatch(header, out var actual, out _));
        Assert.Equal(field, actual);
    }

    [Fact]
    public void FreeMailDomains_KnowTheCommonProviders()
    {
        Assert.All(["gmail.com", "outlook.com", "yahoo.com", "hotmail.com", "icloud.com", "gmx.de", "web.de"], d => Assert.True(SalesOS.Prospecting.Contacts.FreeMailDomains.IsFreeMail(d)));
        Assert.False(SalesOS.Prospecting.Contacts.FreeMailDomains.IsFreeMail("acme.com"));
    }
}
