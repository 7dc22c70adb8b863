using Microsoft.Extensions.Options;
using SalesOS.Integrations.Telephony;
using SalesOS.Testing.VendorServers;

namespace SalesOS.Tests.Outreach.Telephony;

public sealed class TwilioSignatureValidatorTests
{
    /// <summary>The example Twilio's security documentation and helper libraries publish: auth token 12345.</summary>
    private const string DocumentedUrl = "https://mycompany.com/myapp.php?foo=1&bar=2";

    private const string DocumentedSignature = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

    private static readonly KeyValuePair<string, string>[] DocumentedForm =
    [
        new("CallSid", "CA1234567890ABCDE"),
        new("Caller", "+14158675309"),
        new("Digits", "1234"),
        new("From", "+14158675309"),
        new("To", "+18005551212"),
    ];

    private static TwilioSignatureValidator Validator(string? authToken = "12345") =>
        new(new StaticOptions(new TwilioOptions { AccountSid = "AC1", AuthToken = authToken }));

    [Fact]
    public void TheDocumentedExample_IsValid()
    {
        Assert.Equal(DocumentedSignature, TwilioSignatureValidator.Sign("12345", DocumentedUrl, DocumentedForm));
        Assert.True(Validator().IsValid(new Uri(DocumentedUrl), DocumentedForm, DocumentedSignature));
    }

    [Fact]
    public void FormOrder_DoesNotMatter_KeysAreSortedOrdinally()
    {
        var shuffled = DocumentedForm.Reverse().ToList();

        Assert.True(Validator().IsValid(new Uri(DocumentedUrl), shuffled, DocumentedSignature));
        // Ordinal order puts "B" before "a"; a culture-aware sort would not.
        var form = new KeyValuePair<string, string>[] { new("a", "1"), new("B", "2") };
        Assert.Equal(TwilioServer.Sign("12345", DocumentedUrl, form), TwilioSignatureValidator.Sign("12345", DocumentedUrl, form));
    }

    [Theory]
    [InlineData("Digits", "1235")]
    [InlineData("To", "+18005551213")]
    [InlineData("Extra", "1")]
    public void TamperedForm_IsInvalid(string key, string value)
    {
        var tampered = DocumentedForm.Where(p => p.Key != key).Append(new(key, value)).ToList();

        Assert.False(Validator().IsValid(new Uri(DocumentedUrl), tampered, DocumentedSignature));
    }

    [Theory]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=3")]
    [InlineData("https://mycompany.com/myapp.php?foo=1")]
    [InlineData("http://mycompany.com/myapp.php?foo=1&bar=2")]
    [InlineData("https://evil.example/myapp.php?foo=1&bar=2")]
    public void TamperedUrl_IsInvalid(string url) =>
        Assert.False(Validator().IsValid(new Uri(url), DocumentedForm, DocumentedSignature));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("RSOYDt4T1cUTdK1PDd93/VVr8B9=")]
    [InlineData("not base64 at all")]
    public void MissingOrWrongSignature_IsInvalid(string? signature) =>
        Assert.False(Validator().IsValid(new Uri(DocumentedUrl), DocumentedForm, signature));

    [Fact]
    public void AnotherAuthToken_OrNone_IsInvalid()
    {
        Assert.False(Validator("54321").IsValid(new Uri(DocumentedUrl), DocumentedForm, DocumentedSignature));
        Assert.False(Validator(null).IsValid(new Uri(DocumentedUrl), DocumentedForm, DocumentedSignature));
    }

    [Theory]
    [InlineData("https://mycompany.com:443/myapp.php?foo=1&bar=2", "https://mycompany.com/myapp.php?foo=1&bar=2")]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2", "https://mycompany.com:443/myapp.php?foo=1&bar=2")]
    [InlineData("http://user:pass@mycompany.com:80/hook", "http://user:pass@mycompany.com/hook")]
    public void SignedWithOrWithoutTheDefaultPort_IsValidEitherWay(string signedUrl, string receivedUrl)
    {
        var signature = TwilioServer.Sign("12345", signedUrl, DocumentedForm);

        Assert.True(Validator().IsValid(new Uri(receivedUrl), DocumentedForm, signature));
    }

    [Fact]
    public void AnotherPort_IsNotTheDefault_AndStaysInvalid()
    {
        var signature = TwilioServer.Sign("12345", "https://mycompany.com:8443/myapp.php", DocumentedForm);

        Assert.False(Validator().IsValid(new Uri("https://mycompany.com/myapp.php"), DocumentedForm, signature));
    }

    private sealed class StaticOptions(TwilioOptions value) : IOptionsMonitor<TwilioOptions>
    {
        public TwilioOptions CurrentValue => value;

        public TwilioOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<TwilioOptions, string?> listener) => null;
    }
}
