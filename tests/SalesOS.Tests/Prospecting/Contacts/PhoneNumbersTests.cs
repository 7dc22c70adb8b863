// The class shares its name with libphonenumber's namespace, which wins outside SalesOS.Prospecting.Contacts.
using Phones = SalesOS.Prospecting.Contacts.PhoneNumbers;

namespace SalesOS.Tests.Prospecting.Contacts;

/// <summary>Phone numbers from several countries, written the ways people write them, to E.164.</summary>
public sealed class PhoneNumbersTests
{
    [Theory]
    [InlineData("(415) 555-2671", "US", "+14155552671")]
    [InlineData("415.555.2671", "US", "+14155552671")]
    [InlineData("+1 415 555 2671", null, "+14155552671")]
    [InlineData("001 415 555 2671", "DE", "+14155552671")]
    [InlineData("030 12345678", "DE", "+493012345678")]
    [InlineData("+49 (0)30 12345678", null, "+493012345678")]
    [InlineData("0171 1234567", "de", "+491711234567")]
    [InlineData("020 7946 0018", "GB", "+442079460018")]
    [InlineData("020 7946 0018", "UK", "+442079460018")]
    [InlineData("07911 123456", "GB", "+447911123456")]
    [InlineData("01 42 68 53 00", "FR", "+33142685300")]
    [InlineData("+33 6 12 34 56 78", "US", "+33612345678")]
    [InlineData("91 123 45 67", "ES", "+34911234567")]
    [InlineData("(02) 9374 4000", "AU", "+61293744000")]
    [InlineData("416-555-0123", "CA", "+14165550123")]
    [InlineData("+91 98765 43210", null, "+919876543210")]
    [InlineData("03-1234-5678", "JP", "+81312345678")]
    [InlineData("tel:+1-415-555-2671", null, "+14155552671")]
    public void TryNormalize_WritesE164(string raw, string? region, string expected)
    {
        Assert.True(Phones.TryNormalize(raw, region, out var e164, out var reason), reason);

        Assert.Equal(expected, e164);
        Assert.Equal("", reason);
    }

    [Theory]
    [InlineData("+1 415 555 2671 ext. 204", null, "204")]
    [InlineData("(415) 555-2671 x204", "US", "204")]
    [InlineData("030 12345678 Durchwahl 12", "DE", null)]
    public void TryNormalize_SetsExtensionsAside(string raw, string? region, string? extension)
    {
        var ok = Phones.TryNormalize(raw, region, out var e164, out var reason);

        if (extension is null)
        {
            // Words libphonenumber does not know as an extension marker make the text unreadable, not a wrong number.
            Assert.False(ok);
            return;
        }

        Assert.True(ok, reason);
        Assert.StartsWith("+", e164, StringComparison.Ordinal);
        Assert.DoesNotContain(extension, e164[^3..], StringComparison.Ordinal);
        Assert.Contains($"extension {extension}", reason, StringComparison.Ordinal);
        Assert.Equal(extension, Phones.ExtensionOf(raw, region));
    }

    [Theory]
    [InlineData("", "US", "is empty")]
    [InlineData("   ", "US", "is empty")]
    [InlineData("call me maybe", "US", "not a phone number")]
    [InlineData("415 555 2671", null, "no country code")]
    [InlineData("415 555 2671", "XX", "not a known ISO country code")]
    [InlineData("+999 1234 5678", null, "unknown country code")]
    [InlineData("12", "DE", "too short")]
    [InlineData("1234", "US", "US")]
    [InlineData("+1 415 555 26719999", null, "too long")]
    [InlineData("(123) 456-7890", "US", "not a valid number in US")]
    [InlineData("+44 20 1234", null, "GB")]
    public void TryNormalize_RefusesWithAReason(string raw, string? region, string reasonPart)
    {
        Assert.False(Phones.TryNormalize(raw, region, out var e164, out var reason));

        Assert.Equal("", e164);
        Assert.Contains(reasonPart, reason, StringComparison.Ordinal);
    }
}
