using SalesOS.Domain.Identity;

namespace SalesOS.Tests.Domain;

/// <summary>Every rule that makes two spellings of one company's domain land on one identity, and every refusal.</summary>
public sealed class CompanyDomainTests
{
    [Theory]
    [InlineData("acme.com", "acme.com")]
    [InlineData("https://www.Acme.com/pricing?x=1", "acme.com")]
    [InlineData("http://acme.com", "acme.com")]
    [InlineData("ftp://files.acme.com", "files.acme.com")]
    [InlineData("//acme.com/about", "acme.com")]
    [InlineData("https://jane:secret@acme.com/login", "acme.com")]
    [InlineData("http://acme.com:8080", "acme.com")]
    [InlineData("acme.com:443/path", "acme.com")]
    [InlineData("acme.com/pricing/enterprise", "acme.com")]
    [InlineData("acme.com?utm_source=linkedin", "acme.com")]
    [InlineData("acme.com#team", "acme.com")]
    [InlineData("acme.com\\careers", "acme.com")]
    [InlineData("acme.com.", "acme.com")]
    [InlineData("WWW.ACME.COM", "acme.com")]
    [InlineData("  acme.com  ", "acme.com")]
    public void Normalize_StripsEverythingButTheHost(string input, string expected)
        => Assert.Equal(expected, CompanyDomain.Normalize(input));

    [Theory]
    [InlineData("www.acme.com", "acme.com")]
    [InlineData("www2.acme.com", "acme.com")]
    [InlineData("www3.acme.co.uk", "acme.co.uk")]
    [InlineData("www4.acme.com", "www4.acme.com")]
    [InlineData("wwwacme.com", "wwwacme.com")]
    [InlineData("app.acme.com", "app.acme.com")]
    [InlineData("www.com", "www.com")]
    [InlineData("www.localhost", "www.localhost")]
    public void Normalize_DropsOnlyAWebPrefix_AndOnlyWhenADomainRemains(string input, string expected)
        => Assert.Equal(expected, CompanyDomain.Normalize(input));

    [Theory]
    [InlineData("bücher.de", "xn--bcher-kva.de")]
    [InlineData("https://www.Bücher.de/shop", "xn--bcher-kva.de")]
    [InlineData("BÜCHER.DE", "xn--bcher-kva.de")]
    [InlineData("xn--bcher-kva.de", "xn--bcher-kva.de")]
    [InlineData("münchen.example", "xn--mnchen-3ya.example")]
    [InlineData("acme\u3002com", "acme.com")]
    public void Normalize_WritesInternationalNamesInPunycode(string input, string expected)
        => Assert.Equal(expected, CompanyDomain.Normalize(input));

    [Fact]
    public void EverySpellingOfOneCompany_MergesIntoOneDomain()
    {
        string[] spellings = ["acme.com", "ACME.COM", "www.acme.com", "https://www.acme.com/", "http://acme.com:80/pricing?plan=pro#faq", "acme.com.", "https://user@www.Acme.com"];

        Assert.Single(spellings.Select(CompanyDomain.Normalize).Distinct());
    }

    [Theory]
    [InlineData("https://www.Acme.com/pricing?x=1")]
    [InlineData("bücher.de")]
    [InlineData("www2.shop.acme.co.uk.")]
    public void Normalize_IsIdempotent(string input)
    {
        var once = CompanyDomain.Normalize(input);

        Assert.Equal(once, CompanyDomain.Normalize(once));
    }

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("", "is required")]
    [InlineData("   ", "is required")]
    [InlineData("acme .com", "must not contain spaces")]
    [InlineData("acme.com/about us", "must not contain spaces")]
    [InlineData("mailto:bob@acme.com", "not an email address")]
    [InlineData("bob@acme.com", "not an email address")]
    [InlineData("192.168.0.1", "not an IP address")]
    [InlineData("http://10.0.0.1:8080/admin", "not an IP address")]
    [InlineData("[::1]", "not an IP address")]
    [InlineData("http://[2001:db8::1]/", "not an IP address")]
    [InlineData("2001:db8::1", "not an IP address")]
    [InlineData("localhost", "must contain a dot")]
    [InlineData("http://intranet/home", "must contain a dot")]
    [InlineData("acme..com", "empty parts between dots")]
    [InlineData(".acme.com", "empty parts between dots")]
    [InlineData("acme_corp.com", "only letters, digits, hyphens and dots")]
    [InlineData("acme!.com", "only letters, digits, hyphens and dots")]
    [InlineData("acme%20corp.com", "only letters, digits, hyphens and dots")]
    [InlineData("-acme.com", "hyphen")]
    [InlineData("acme-.com", "hyphen")]
    [InlineData("acme.123", "not a number")]
    [InlineData("acme.com:http", "not a port number")]
    [InlineData("xn--zz.de", "not valid punycode")]
    [InlineData("https://", "must be a web domain")]
    public void TryNormalize_RefusesWhatIsNotADomain_WithAReason(string? input, string reasonPart)
    {
        var accepted = CompanyDomain.TryNormalize(input, out var domain, out var reason);

        Assert.False(accepted);
        Assert.Equal("", domain);
        Assert.Contains(reasonPart, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Labels_MayBe63CharactersLong_ButNot64()
    {
        var longest = new string('a', 63) + ".com";
        var tooLong = new string('a', 64) + ".com";

        Assert.Equal(longest, CompanyDomain.Normalize(longest));
        Assert.False(CompanyDomain.TryNormalize(tooLong, out _, out var reason));
        Assert.Contains("longer than 63", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Domains_MayBe253CharactersLong_ButNot254()
    {
        var label = new string('a', 63);
        var longest = $"{label}.{label}.{label}.{new string('b', 61)}";
        var tooLong = $"{label}.{label}.{label}.{new string('b', 62)}";

        Assert.Equal(253, longest.Length);
        Assert.Equal(longest, CompanyDomain.Normalize(longest));
        Assert.False(CompanyDomain.TryNormalize(tooLong, out _, out var reason));
        Assert.Contains("at most 253", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_ThrowsWithTheReason()
    {
        var error = Assert.Throws<ArgumentException>(() => CompanyDomain.Normalize("localhost"));

        Assert.Equal("input", error.ParamName);
        Assert.Contains("must contain a dot", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASuccessfulNormalisation_HasNoReason()
    {
        Assert.True(CompanyDomain.TryNormalize("acme.com", out _, out var reason));
        Assert.Equal("", reason);
    }
}
