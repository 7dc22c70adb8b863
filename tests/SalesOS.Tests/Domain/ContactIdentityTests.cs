using SalesOS.Domain.Identity;

namespace SalesOS.Tests.Domain;

/// <summary>The dedupe key of a contact: every email and LinkedIn normalisation rule, and every refusal.</summary>
public sealed class ContactIdentityTests
{
    [Theory]
    [InlineData("jane@acme.com", "jane@acme.com")]
    [InlineData("  Jane.Doe@Acme.COM ", "jane.doe@acme.com")]
    [InlineData("JANE+NEWSLETTER@ACME.COM", "jane+newsletter@acme.com")]
    [InlineData("mailto:Jane@Acme.com", "jane@acme.com")]
    [InlineData("mailto:jane@acme.com?subject=Hello", "jane@acme.com")]
    [InlineData("<jane@acme.com>", "jane@acme.com")]
    [InlineData("jane@acme.com.", "jane@acme.com")]
    [InlineData("jane@Bücher.de", "jane@xn--bcher-kva.de")]
    [InlineData("o'brien@acme.co.uk", "o'brien@acme.co.uk")]
    public void TryFromEmail_LowercasesAndTrims(string input, string expected)
    {
        Assert.True(ContactIdentity.TryFromEmail(input, out var identity, out var reason));

        Assert.Equal("", reason);
        Assert.Equal(expected, identity.Email);
        Assert.Equal("email:" + expected, identity.Key);
        Assert.Null(identity.LinkedIn);
    }

    [Fact]
    public void PlusTags_AreDistinctMailboxes()
    {
        Assert.True(ContactIdentity.TryFromEmail("jane+sales@acme.com", out var tagged, out _));
        Assert.True(ContactIdentity.TryFromEmail("jane@acme.com", out var plain, out _));

        Assert.NotEqual(plain.Key, tagged.Key);
        Assert.Equal("email:jane+sales@acme.com", tagged.Key);
    }

    [Fact]
    public void TheEmailDomain_KeepsWww_BecauseItIsAnotherMailHost()
    {
        Assert.True(ContactIdentity.TryFromEmail("jane@www.acme.com", out var identity, out _));

        Assert.Equal("www.acme.com", identity.EmailDomain);
        Assert.Equal("acme.com", CompanyDomain.Normalize(identity.EmailDomain!));
    }

    [Fact]
    public void EverySpellingOfOneAddress_MergesIntoOneKey()
    {
        string[] spellings = ["jane@acme.com", "JANE@ACME.COM", " Jane@Acme.com ", "mailto:jane@acme.com", "<Jane@acme.com>", "jane@acme.com."];

        var keys = spellings.Select(s => ContactIdentity.TryFromEmail(s, out var identity, out _) ? identity.Key : "refused").Distinct();

        Assert.Equal(["email:jane@acme.com"], keys);
    }

    [Theory]
    [InlineData("jane@acme.com", "acme.com")]
    [InlineData("Jane@Mail.Acme.co.uk", "mail.acme.co.uk")]
    public void EmailDomain_IsThePartAfterTheAt(string input, string domain)
    {
        Assert.True(ContactIdentity.TryFromEmail(input, out var identity, out _));

        Assert.Equal(domain, identity.EmailDomain);
    }

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("", "is required")]
    [InlineData("   ", "is required")]
    [InlineData("mailto:", "is required")]
    [InlineData("jane doe@acme.com", "must not contain spaces")]
    [InlineData("jane@acme .com", "must not contain spaces")]
    [InlineData("Jane Doe <jane@acme.com>", "must not contain spaces")]
    [InlineData("jane.acme.com", "exactly one @")]
    [InlineData("jane@@acme.com", "exactly one @")]
    [InlineData("jane@team@acme.com", "exactly one @")]
    [InlineData("@acme.com", "mailbox name before the @")]
    [InlineData("jane@", "valid domain after the @")]
    [InlineData("jane@localhost", "must contain a dot")]
    [InlineData("jane@192.168.0.1", "not an IP address")]
    [InlineData("jane@[10.0.0.1]", "without port or path")]
    [InlineData("jane@acme.com:25", "without port or path")]
    [InlineData("jane@acme.com/inbox", "without port or path")]
    [InlineData("jane@acme.com?subject=hi", "without port or path")]
    [InlineData("jane@acme_corp.com", "only letters, digits, hyphens and dots")]
    [InlineData("jane@acme..com", "empty parts between dots")]
    [InlineData("jane@-acme.com", "hyphen")]
    public void TryFromEmail_RefusesObviousNonAddresses_WithAReason(string? input, string reasonPart)
    {
        Assert.False(ContactIdentity.TryFromEmail(input, out _, out var reason));

        Assert.Contains(reasonPart, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TheMailboxName_MayBe64CharactersLong_ButNot65()
    {
        Assert.True(ContactIdentity.TryFromEmail(new string('j', 64) + "@acme.com", out _, out _));
        Assert.False(ContactIdentity.TryFromEmail(new string('j', 65) + "@acme.com", out _, out var reason));
        Assert.Contains("at most 64", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TheWholeAddress_MayBeAtMost254Characters()
    {
        var domain = $"{new string('a', 63)}.{new string('b', 63)}.{new string('c', 60)}.com";

        Assert.True(ContactIdentity.TryFromEmail(new string('j', 254 - 1 - domain.Length) + "@" + domain, out _, out _));
        Assert.False(ContactIdentity.TryFromEmail(new string('j', 255 - 1 - domain.Length) + "@" + domain, out _, out var reason));
        Assert.Contains("at most 254", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://www.linkedin.com/in/Jane-Doe-123/?trk=x", "linkedin.com/in/jane-doe-123")]
    [InlineData("https://linkedin.com/in/jane-doe-123", "linkedin.com/in/jane-doe-123")]
    [InlineData("http://www.linkedin.com/in/jane-doe-123", "linkedin.com/in/jane-doe-123")]
    [InlineData("www.linkedin.com/in/jane-doe-123/", "linkedin.com/in/jane-doe-123")]
    [InlineData("linkedin.com/in/jane-doe-123", "linkedin.com/in/jane-doe-123")]
    [InlineData("https://uk.linkedin.com/in/jane-doe-123", "linkedin.com/in/jane-doe-123")]
    [InlineData("https://de.linkedin.com/in/jane-doe-123?locale=de_DE", "linkedin.com/in/jane-doe-123")]
    [InlineData("https://m.linkedin.com/in/jane-doe-123#experience", "linkedin.com/in/jane-doe-123")]
    [InlineData("https://WWW.LINKEDIN.COM/IN/JANE-DOE-123", "linkedin.com/in/jane-doe-123")]
    [InlineData("https://www.linkedin.com/in/jane-doe-123/details/experience/", "linkedin.com/in/jane-doe-123")]
    [InlineData("https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller", "linkedin.com/in/jürgen-müller")]
    [InlineData("https://www.linkedin.com/pub/jane-doe/1a/2b3/4c5", "linkedin.com/pub/jane-doe/1a/2b3/4c5")]
    [InlineData("https://www.linkedin.com/pub/Jane-Doe/1A/2B3/4C5/", "linkedin.com/pub/jane-doe/1a/2b3/4c5")]
    public void TryFromLinkedIn_KeepsOnlyTheProfilePath(string input, string expected)
    {
        Assert.True(ContactIdentity.TryFromLinkedIn(input, out var identity, out var reason));

        Assert.Equal("", reason);
        Assert.Equal(expected, identity.LinkedIn);
        Assert.Equal("linkedin:" + expected, identity.Key);
        Assert.Null(identity.Email);
        Assert.Null(identity.EmailDomain);
    }

    [Fact]
    public void PublicProfiles_WithTheSameName_StayApart()
    {
        Assert.True(ContactIdentity.TryFromLinkedIn("linkedin.com/pub/jane-doe/1a/2b3/4c5", out var first, out _));
        Assert.True(ContactIdentity.TryFromLinkedIn("linkedin.com/pub/jane-doe/9f/8e7/6d5", out var second, out _));

        Assert.NotEqual(first.Key, second.Key);
    }

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("", "is required")]
    [InlineData("https://www.linkedin.com/company/acme", "not another LinkedIn page")]
    [InlineData("https://www.linkedin.com/school/mit", "not another LinkedIn page")]
    [InlineData("https://www.linkedin.com/jobs/view/123", "not another LinkedIn page")]
    [InlineData("https://www.linkedin.com/feed/", "not another LinkedIn page")]
    [InlineData("https://www.linkedin.com/", "not another LinkedIn page")]
    [InlineData("https://www.linkedin.com/in/", "must name the profile after /in/")]
    [InlineData("https://www.linkedin.com/pub/", "must name the profile after /pub/")]
    [InlineData("https://www.facebook.com/in/jane-doe", "must be a LinkedIn profile URL")]
    [InlineData("https://linkedin.com.evil.example/in/jane-doe", "must be a LinkedIn profile URL")]
    [InlineData("https://notlinkedin.com/in/jane-doe", "must be a LinkedIn profile URL")]
    [InlineData("ftp://linkedin.com/in/jane-doe", "must be a LinkedIn profile URL")]
    [InlineData("https://www.linkedin.com/in/jane doe", "must be a LinkedIn profile URL")]
    [InlineData("jane-doe", "must be a LinkedIn profile URL")]
    public void TryFromLinkedIn_RefusesWhatIsNotAPersonsProfile(string? input, string reasonPart)
    {
        Assert.False(ContactIdentity.TryFromLinkedIn(input, out _, out var reason));

        Assert.Contains(reasonPart, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void EmailAndLinkedInKeys_NeverCollide()
    {
        Assert.True(ContactIdentity.TryFromEmail("jane@linkedin.com", out var byEmail, out _));
        Assert.True(ContactIdentity.TryFromLinkedIn("linkedin.com/in/jane", out var byProfile, out _));

        Assert.StartsWith(ContactIdentity.EmailPrefix, byEmail.Key, StringComparison.Ordinal);
        Assert.StartsWith(ContactIdentity.LinkedInPrefix, byProfile.Key, StringComparison.Ordinal);
        Assert.NotEqual(byEmail.Key, byProfile.Key);
    }
}
