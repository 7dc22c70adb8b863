using SalesOS.Outreach.Sequences;
using SalesOS.Prospecting.Import;

namespace SalesOS.Tests.Outreach.Sequences;

/// <summary>Which clock a prospect's send windows are counted on.</summary>
public sealed class ProspectTimeZonesTests
{
    [Theory]
    [InlineData("DE", "Asia/Tokyo", "Asia/Tokyo")]
    [InlineData("US", "europe/berlin", "Europe/Berlin")]
    [InlineData(null, " America/Chicago ", "America/Chicago")]
    [InlineData("DE", "W. Europe Standard Time", "Europe/Berlin")]
    public void Resolve_AValidOverride_Wins(string? country, string overrideZone, string expected)
    {
        var resolved = ProspectTimeZones.Resolve(country, "California", "Seattle", overrideZone);

        Assert.Equal(expected, resolved.Zone.Id);
        Assert.Equal(ZoneEvidence.Override, resolved.Evidence);
        Assert.Equal("override " + expected, resolved.Source);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/localtime")]
    [InlineData("Europe")]
    public void Resolve_AnUnknownOverride_IsReported_AndTheCountryDecides(string overrideZone)
    {
        var resolved = ProspectTimeZones.Resolve("Germany", null, null, overrideZone);

        Assert.Equal("Europe/Berlin", resolved.Zone.Id);
        Assert.Equal(ZoneEvidence.Country, resolved.Evidence);
        Assert.StartsWith($"override \"{overrideZone}\" is not a known time zone; country Germany → Europe/Berlin", resolved.Source, StringComparison.Ordinal);
        Assert.False(ProspectTimeZones.TryParseZone(overrideZone, out _));
    }

    [Theory]
    [InlineData("US", "CA", null, "America/Los_Angeles")]
    [InlineData("United States", "California", null, "America/Los_Angeles")]
    [InlineData("USA", "US-TX", null, "America/Chicago")]
    [InlineData("US", "Arizona", null, "America/Phoenix")]
    [InlineData("US", "new york", null, "America/New_York")]
    [InlineData("US", "Washington", "Seattle", "America/Los_Angeles")]
    [InlineData("US", "Georgia", null, "America/New_York")]
    [InlineData("US", "HI", null, "Pacific/Honolulu")]
    [InlineData("CA", "BC", null, "America/Vancouver")]
    [InlineData("Canada", "Québec", null, "America/Toronto")]
    [InlineData("Canada", "Newfoundland and Labrador", null, "America/St_Johns")]
    [InlineData("AU", "WA", null, "Australia/Perth")]
    [InlineData("Australia", "Queensland", null, "Australia/Brisbane")]
    [InlineData("BR", "SP", null, "America/Sao_Paulo")]
    [InlineData("Brasil", "Amazonas", null, "America/Manaus")]
    [InlineData("MX", "Baja California", null, "America/Tijuana")]
    [InlineData("Mexico", "Quintana Roo", null, "America/Cancun")]
    [InlineData("RU", "Novosibirsk Oblast", null, "Asia/Novosibirsk")]
    [InlineData("Russia", "Sverdlovsk", null, "Asia/Yekaterinburg")]
    [InlineData("ID", "Bali", null, "Asia/Makassar")]
    [InlineData("Indonesia", "Papua", null, "Asia/Jayapura")]
    [InlineData("ES", "Canary Islands", null, "Atlantic/Canary")]
    public void Resolve_ByRegion_InCountriesWithSeveralZones(string country, string region, string? city, string expected)
    {
        var resolved = ProspectTimeZones.Resolve(country, region, city, null);

        Assert.Equal(expected, resolved.Zone.Id);
        Assert.Equal(ZoneEvidence.Region, resolved.Evidence);
        Assert.StartsWith("region ", resolved.Source, StringComparison.Ordinal);
        Assert.EndsWith("→ " + expected, resolved.Source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("US", "Seattle", "America/Los_Angeles")]
    [InlineData("US", "Chicago", "America/Chicago")]
    [InlineData("CA", "Calgary", "America/Edmonton")]
    [InlineData("AU", "Perth", "Australia/Perth")]
    [InlineData("BR", "Manaus", "America/Manaus")]
    [InlineData("MX", "Tijuana", "America/Tijuana")]
    [InlineData("RU", "Yekaterinburg", "Asia/Yekaterinburg")]
    [InlineData("RU", "Saint Petersburg", "Europe/Moscow")]
    [InlineData("ID", "Jayapura", "Asia/Jayapura")]
    public void Resolve_ByCity_WhenTheRegionIsMissing(string country, string city, string expected)
    {
        var resolved = ProspectTimeZones.Resolve(country, null, city, null);

        Assert.Equal(expected, resolved.Zone.Id);
        Assert.Equal(ZoneEvidence.City, resolved.Evidence);
    }

    [Fact]
    public void Resolve_ByCountry_SaysWhichCountryAndZone()
    {
        var resolved = ProspectTimeZones.Resolve("DE", null, null, null);

        Assert.Equal("Europe/Berlin", resolved.Zone.Id);
        Assert.Equal(ZoneEvidence.Country, resolved.Evidence);
        Assert.Equal("country Germany → Europe/Berlin", resolved.Source);
    }

    [Theory]
    [InlineData("Deutschland", "Europe/Berlin")]
    [InlineData("India", "Asia/Kolkata")]
    [InlineData("IN", "Asia/Kolkata")]
    [InlineData("JPN", "Asia/Tokyo")]
    [InlineData("U.K.", "Europe/London")]
    [InlineData("New Zealand", "Pacific/Auckland")]
    [InlineData("Kosovo", "Europe/Belgrade")]
    public void Resolve_ByCountry_AcceptsNamesAndCodes(string country, string expected)
    {
        Assert.Equal(expected, ProspectTimeZones.Resolve(country, null, "Somewhere Small", null).Zone.Id);
    }

    [Fact]
    public void Resolve_AnUnknownRegion_FallsBackToTheMainZone_AndSaysSo()
    {
        var resolved = ProspectTimeZones.Resolve("US", "Narnia", null, null);

        Assert.Equal("America/New_York", resolved.Zone.Id);
        Assert.Equal(ZoneEvidence.Country, resolved.Evidence);
        Assert.Equal("country United States → America/New_York (main zone; \"Narnia\" is not a place known here)", resolved.Source);
    }

    [Theory]
    [InlineData("Atlantis", "country \"Atlantis\" is not known: UTC is a guess")]
    [InlineData(null, "no country: UTC is a guess")]
    [InlineData("  ", "no country: UTC is a guess")]
    public void Resolve_WithoutAKnownCountry_GuessesUtc_AndSaysItIsAGuess(string? country, string source)
    {
        var resolved = ProspectTimeZones.Resolve(country, "CA", "Chicago", null);

        Assert.Equal(TimeZoneInfo.Utc, resolved.Zone);
        Assert.Equal(ZoneEvidence.Guess, resolved.Evidence);
        Assert.Equal(source, resolved.Source);
    }

    [Fact]
    public void EveryCountryWeKnow_HasAMainZone_ThisMachineCanLoad()
    {
        Assert.Subset(ProspectTimeZones.CountriesWithZones.ToHashSet(), Countries.Codes.ToHashSet());
        foreach (var code in Countries.Codes)
        {
            var resolved = ProspectTimeZones.Resolve(code, null, null, null);
            Assert.True(resolved.Evidence == ZoneEvidence.Country, $"{code}: {resolved.Source}");
        }

        foreach (var id in ProspectTimeZones.ZonesInUse)
        {
            Assert.True(ProspectTimeZones.TryParseZone(id, out var zone), id);
            Assert.Equal(id, zone.Id);
        }
    }
}
