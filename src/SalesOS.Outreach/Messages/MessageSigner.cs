using System.Collections.Concurrent;
using System.Security.Cryptography;
using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Security;

namespace SalesOS.Outreach.Messages;

/// <summary>A DKIM key as PEM, and the TXT value to publish at <c>{selector}._domainkey.{domain}</c>.</summary>
public sealed record DkimKeyPair(string PrivateKeyPem, string PublicKeyPem, string DnsRecord);

/// <summary>
/// Signs outbound messages with DKIM (RSA-SHA256, relaxed/relaxed) for one domain and selector. The key is RSA
/// PEM text, PKCS#1 ("RSA PRIVATE KEY") or PKCS#8 ("PRIVATE KEY"), at least 1,024 bits (2,048 recommended).
/// </summary>
public sealed class MessageSigner : IDisposable
{
    /// <summary>The headers signed when present. From is always present; the List-Unsubscribe pair is signed so no relay can alter it.</summary>
    public static IReadOnlyList<string> SignedHeaders { get; } =
    [
        "From", "To", "Subject", "Date", "Message-ID", "In-Reply-To", "References", "MIME-Version", "Content-Type",
        "List-Unsubscribe", "List-Unsubscribe-Post",
    ];

    private const int MinimumKeyBits = 1024;

    private readonly AsymmetricKeyParameter privateKey;
    private readonly RSAParameters rsaParameters;

    // Importing an RSA key costs milliseconds (OpenSSL checks it); signing with it a fraction of one. Each thread
    // that signs takes an imported key from here and puts it back, so none is shared while in use.
    private readonly ConcurrentBag<RSA> keys = [];
    private bool disposed;

    public MessageSigner(string privateKeyPem, string domain, string selector)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        ArgumentException.ThrowIfNullOrWhiteSpace(selector);
        var rsa = ImportRsa(privateKeyPem, requirePrivate: true);
        rsaParameters = rsa.ExportParameters(includePrivateParameters: true);
        privateKey = DotNetUtilities.GetRsaKeyPair(rsaParameters).Private;
        keys.Add(rsa);
        Domain = domain.Trim().TrimEnd('.').ToLowerInvariant();
        Selector = selector.Trim();
        DnsRecordValue = DnsRecord(privateKeyPem);
    }

    public string Domain { get; }

    public string Selector { get; }

    /// <summary>Where the public key is published: "{selector}._domainkey.{domain}".</summary>
    public string DnsRecordName => $"{Selector}._domainkey.{Domain}";

    /// <summary>The TXT value for <see cref="DnsRecordName"/>.</summary>
    public string DnsRecordValue { get; }

    /// <summary>Adds a DKIM-Signature header. Sign last: any change to a signed header or to the body afterwards breaks the signature.</summary>
    public void Sign(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.From.Mailboxes.FirstOrDefault() is null)
        {
            throw new ArgumentException("A message is signed for its From address; this one has none.", nameof(message));
        }

        ObjectDisposedException.ThrowIf(disposed, this);
        var rsa = keys.TryTake(out var pooled) ? pooled : RSA.Create(rsaParameters);
        try
        {
            // A signer per message: it is a few fields, and holds the per-message settings.
            var signer = new PlatformRsaDkimSigner(privateKey, rsa, Domain, Selector)
            {
                HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
                BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
            };
            // Content-Type lives on the body and MIME-Version is written with it; the optional headers are signed when present.
            var headers = SignedHeaders.Where(h => h is "From" or "Content-Type" or "MIME-Version" || message.Headers.Contains(h)).ToList();
            signer.Sign(message, headers);
        }
        finally
        {
            keys.Add(rsa);
        }
    }

    public void Dispose()
    {
        disposed = true;
        while (keys.TryTake(out var rsa))
        {
            rsa.Dispose();
        }
    }

    /// <summary>The DKIM TXT record value ("v=DKIM1; k=rsa; p=...") for an RSA key given as public or private PEM.</summary>
    public static string DnsRecord(string publicKeyPem)
    {
        using var rsa = ImportRsa(publicKeyPem, requirePrivate: false);
        return "v=DKIM1; k=rsa; p=" + Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo());
    }

    /// <summary>A new RSA key pair for a mailbox's domain (2,048 bits unless told): the private key as PKCS#8 PEM.</summary>
    public static DkimKeyPair GenerateKeyPair(int bits = 2048)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bits, MinimumKeyBits);
        using var rsa = RSA.Create(bits);
        var publicPem = rsa.ExportSubjectPublicKeyInfoPem();
        return new DkimKeyPair(rsa.ExportPkcs8PrivateKeyPem(), publicPem, DnsRecord(publicPem));
    }

    /// <summary>
    /// MimeKit's DKIM signer with the RSA signature made by the platform (OpenSSL on Linux) instead of BouncyCastle's
    /// managed RSA, which is about twenty times slower here. The canonicalization and the header are MimeKit's.
    /// </summary>
    private sealed class PlatformRsaDkimSigner(AsymmetricKeyParameter key, RSA rsa, string domain, string selector)
        : DkimSigner(key, domain, selector, DkimSignatureAlgorithm.RsaSha256)
    {
        protected override ISigner CreateSigningContext() => new RsaSha256Signature(rsa);
    }

    /// <summary>A BouncyCastle signer facade over a platform RSA key: hashes what it is fed, signs PKCS#1 v1.5 with SHA-256.</summary>
    private sealed class RsaSha256Signature(RSA rsa) : ISigner
    {
        private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public string AlgorithmName => "SHA-256withRSA";

        public void Init(bool forSigning, ICipherParameters parameters)
        {
            if (!forSigning)
            {
                throw new NotSupportedException("This signer only signs.");
            }
        }

        public void Update(byte input) => hash.AppendData([input]);

        public void BlockUpdate(byte[] input, int inOff, int inLen) => hash.AppendData(input, inOff, inLen);

        public void BlockUpdate(ReadOnlySpan<byte> input) => hash.AppendData(input);

        public int GetMaxSignatureSize() => (rsa.KeySize + 7) / 8;

        public byte[] GenerateSignature()
        {
            var digest = hash.GetHashAndReset();
            hash.Dispose();
            return rsa.SignHash(digest, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }

        public bool VerifySignature(byte[] signature) => throw new NotSupportedException("This signer only signs.");

        public void Reset() => hash.GetHashAndReset();
    }

    private static RSA ImportRsa(string pem, bool requirePrivate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pem);
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            if (requirePrivate && !HasPrivateKey(rsa))
            {
                throw new ArgumentException("The DKIM key must be a private key (\"RSA PRIVATE KEY\" or \"PRIVATE KEY\" PEM).", nameof(pem));
            }

            if (rsa.KeySize < MinimumKeyBits)
            {
                throw new ArgumentException($"A {rsa.KeySize}-bit DKIM key is refused by receivers; use at least {MinimumKeyBits} bits (2,048 recommended).", nameof(pem));
            }

            return rsa;
        }
        catch (CryptographicException e)
        {
            rsa.Dispose();
            throw new ArgumentException($"The DKIM key is not an RSA key in PEM form: {e.Message}", nameof(pem), e);
        }
        catch (ArgumentException)
        {
            rsa.Dispose();
            throw;
        }
    }

    private static bool HasPrivateKey(RSA rsa)
    {
        try
        {
            rsa.ExportParameters(includePrivateParameters: true);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
