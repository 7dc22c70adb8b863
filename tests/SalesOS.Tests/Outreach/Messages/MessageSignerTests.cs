using System.Security.Cryptography;
using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;
using SalesOS.Outreach.Messages;

namespace SalesOS.Tests.Outreach.Messages;

/// <summary>
/// Serves the public key of one test selector from its TXT record text, as DNS would: the verifier reads the very
/// record <see cref="MessageSigner.DnsRecord"/> produces, and no lookup leaves the process.
/// </summary>
internal sealed class TestDkimKeyLocator(string keyDomain, string keySelector, string txtRecord) : DkimPublicKeyLocatorBase
{
    public int Lookups { get; private set; }

    public override AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default)
    {
        Lookups++;
        if (!string.Equals(domain, keyDomain, StringComparison.OrdinalIgnoreCase) || selector != keySelector)
        {
            throw new InvalidOperationException($"No DKIM record at {selector}._domainkey.{domain}.");
        }

        return GetPublicKey(txtRecord);
    }

    public override Task<AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
        Task.FromResult(LocatePublicKey(methods, domain, selector, cancellationToken));
}

public sealed class MessageSignerTests
{
    private const string Domain = "salesos.example";
    private const string Selector = "s2026";

    private static readonly Lazy<DkimKeyPair> Key = new(() => MessageSigner.GenerateKeyPair());

    private static MimeMessage SignedMessage(string privateKeyPem, MessageTracking? tracking = null)
    {
        var message = OutboundEmail.Build(OutboundEmailTests.Spec(tracking, inReplyTo: "first-1@mail.salesos.example"));
        using var signer = new MessageSigner(privateKeyPem, Domain, Selector);
        signer.Sign(message);
        return message;
    }

    private static MimeMessage Reparse(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        stream.Position = 0;
        return MimeMessage.Load(stream);
    }

    private static bool Verifies(MimeMessage message, string? txtRecord = null)
    {
        var locator = new TestDkimKeyLocator(Domain, Selector, txtRecord ?? Key.Value.DnsRecord);
        var verifier = new DkimVerifier(locator);
        var signature = message.Headers.Single(h => h.Id == HeaderId.DkimSignature);
        return verifier.Verify(message, signature);
    }

    [Fact]
    public void Sign_ThenVerifyAfterTransport_Passes()
    {
        var message = Reparse(SignedMessage(Key.Value.PrivateKeyPem, OutboundEmailTests.Tracking()));
        Assert.True(Verifies(message));
    }

    [Fact]
    public void Signature_UsesRelaxedCanonicalizationAndSignsTheListedHeaders()
    {
        var message = SignedMessage(Key.Value.PrivateKeyPem);
        var signature = message.Headers[HeaderId.DkimSignature]!.Replace(" ", "", StringComparison.Ordinal).Replace("\t", "", StringComparison.Ordinal)
            .Replace("\r\n", "", StringComparison.Ordinal);
        Assert.Contains("a=rsa-sha256", signature, StringComparison.Ordinal);
        Assert.Contains("c=relaxed/relaxed", signature, StringComparison.Ordinal);
        Assert.Contains($"d={Domain}", signature, StringComparison.Ordinal);
        Assert.Contains($"s={Selector}", signature, StringComparison.Ordinal);
        var signed = signature.Split(';').Single(t => t.StartsWith("h=", StringComparison.Ordinal))[2..].Split(':').Select(h => h.ToLowerInvariant()).ToHashSet();
        var expected = new[] { "from", "to", "subject", "date", "message-id", "in-reply-to", "references", "mime-version", "content-type", "list-unsubscribe", "list-unsubscribe-post" };
        var unsigned = expected.Where(h => !signed.Contains(h)).ToList();
        Assert.True(unsigned.Count == 0, $"not signed: {string.Join(", ", unsigned)}; h={string.Join(":", signed)}");
    }

    [Fact]
    public void Verify_BodyChangedAfterSigning_Fails()
    {
        var message = Reparse(SignedMessage(Key.Value.PrivateKeyPem));
        var plain = (TextPart)((MultipartAlternative)message.Body!)[0];
        plain.SetText("utf-8", plain.Text.Replace("hiring 4", "hiring 5", StringComparison.Ordinal));
        Assert.False(Verifies(Reparse(message)));
    }

    [Fact]
    public void Verify_SubjectChangedAfterSigning_Fails()
    {
        var message = Reparse(SignedMessage(Key.Value.PrivateKeyPem));
        message.Subject = "Re: Ramp time at Acme!";
        Assert.False(Verifies(Reparse(message)));
    }

    [Fact]
    public void Verify_UnsubscribeHeaderChangedAfterSigning_Fails()
    {
        var message = Reparse(SignedMessage(Key.Value.PrivateKeyPem));
        message.Headers["List-Unsubscribe"] = "<https://evil.example/u>";
        Assert.False(Verifies(Reparse(message)));
    }

    [Fact]
    public void Verify_WithAnotherDomainsKey_Fails()
    {
        var message = Reparse(SignedMessage(Key.Value.PrivateKeyPem));
        Assert.False(Verifies(message, MessageSigner.GenerateKeyPair().DnsRecord));
    }

    [Fact]
    public void Sign_Pkcs1AndPkcs8Keys_BothVerify()
    {
        using var rsa = RSA.Create(2048);
        var record = MessageSigner.DnsRecord(rsa.ExportSubjectPublicKeyInfoPem());
        var pkcs1 = rsa.ExportRSAPrivateKeyPem();
        var pkcs8 = rsa.ExportPkcs8PrivateKeyPem();
        Assert.StartsWith("-----BEGIN RSA PRIVATE KEY-----", pkcs1, StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", pkcs8, StringComparison.Ordinal);
        Assert.True(Verifies(Reparse(SignedMessage(pkcs1)), record));
        Assert.True(Verifies(Reparse(SignedMessage(pkcs8)), record));
        // The record can also be made from the private key, and from the PKCS#1 public key.
        Assert.Equal(record, MessageSigner.DnsRecord(pkcs1));
        Assert.Equal(record, MessageSigner.DnsRecord(rsa.ExportRSAPublicKeyPem()));
    }

    [Fact]
    public void DnsRecord_IsTheTxtValueToPublish()
    {
        var pair = Key.Value;
        Assert.StartsWith("v=DKIM1; k=rsa; p=", pair.DnsRecord, StringComparison.Ordinal);
        var p = Convert.FromBase64String(pair.DnsRecord["v=DKIM1; k=rsa; p=".Length..]);
        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(p, out _);
        Assert.Equal(2048, rsa.KeySize);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", pair.PrivateKeyPem, StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", pair.PublicKeyPem, StringComparison.Ordinal);

        using var signer = new MessageSigner(pair.PrivateKeyPem, "SalesOS.Example.", Selector);
        Assert.Equal($"{Selector}._domainkey.salesos.example", signer.DnsRecordName);
        Assert.Equal(pair.DnsRecord, signer.DnsRecordValue);
    }

    [Fact]
    public void MessageSigner_RefusesWhatIsNotAUsablePrivateKey()
    {
        Assert.Throws<ArgumentException>(() => new MessageSigner("not a key", Domain, Selector));
        Assert.Throws<ArgumentException>(() => new MessageSigner(Key.Value.PublicKeyPem, Domain, Selector));
        using var small = RSA.Create(512);
        Assert.Throws<ArgumentException>(() => new MessageSigner(small.ExportPkcs8PrivateKeyPem(), Domain, Selector));
        using var ec = ECDsa.Create();
        Assert.Throws<ArgumentException>(() => new MessageSigner(ec.ExportPkcs8PrivateKeyPem(), Domain, Selector));
    }

    [Fact]
    public void Sign_FromManyThreads_EveryMessageVerifies()
    {
        using var signer = new MessageSigner(Key.Value.PrivateKeyPem, Domain, Selector);
        var messages = Enumerable.Range(0, 16).Select(i => OutboundEmail.Build(OutboundEmailTests.Spec(subject: $"Message {i}"))).ToArray();
        Parallel.ForEach(messages, new ParallelOptions { MaxDegreeOfParallelism = 4 }, signer.Sign);
        Assert.All(messages, m => Assert.True(Verifies(Reparse(m))));
    }
}
