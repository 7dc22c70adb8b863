using System.Net;
using Microsoft.Extensions.Options;
using SalesOS.Integrations.Dns;
using SalesOS.Prospecting.Contacts;
using SalesOS.Prospecting.Ports;
using SalesOS.Testing;

namespace SalesOS.Tests.Prospecting.Contacts;

/// <summary>Every combination of the verifier's checks, with MX answers from a real DNS server on 127.0.0.1.</summary>
public sealed class ContactVerifierTests : IAsyncLifetime
{
    private readonly LoopbackDnsServer dns = LoopbackDnsServer.Start();

    /// <summary>A verification provider answering from a table, as a vendor's API would; it counts the credits spent.</summary>
    private sealed class TableVerificationProvider(Dictionary<string, EmailVerification> answers, bool configured = true) : IEmailVerificationProvider
    {
        public string Name => "table";

        public bool IsConfigured => configured;

        public int Calls { get; private set; }

        public Exception? Throw { get; init; }

        public Task<ProviderAnswer<EmailVerification>> VerifyEmailAsync(string email, CancellationToken cancellationToken)
        {
            Calls++;
            if (Throw is not null)
            {
                throw Throw;
            }

            return Task.FromResult(answers.TryGetValue(email, out var answer)
                ? new ProviderAnswer<EmailVerification>(Name, answer, 0.01m)
                : new ProviderAnswer<EmailVerification>(Name, null, 0m, "mailbox unknown to the vendor", Transient: true));
        }
    }

    public Task InitializeAsync()
    {
        dns.AddMx("acme.com", 10, "mx.acme.com")
            .AddMx("gmail.com", 5, "gmail-smtp-in.l.google.com")
            .AddMx("mailinator.com", 10, "mail.mailinator.com")
            .AddNullMx("parked.com")
            .AddAddress("small.io", IPAddress.Parse("192.0.2.1"))
            .FailWithServFail("flaky.com")
            .NeverAnswer("slow.com");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await dns.DisposeAsync();

    private ContactVerifier Verifier(IEmailVerificationProvider? provider = null) => new(
        new DnsMailExchangeLookup(Options.Create(new DnsOptions { NameServers = [dns.Address], Timeout = TimeSpan.FromMilliseconds(200), Retries = 0 })),
        provider);

    [Theory]
    [InlineData("jane.doe@acme.com", EmailVerdict.Deliverable, "acme.com takes mail")]
    [InlineData("  jane.doe@acme.com ", EmailVerdict.Deliverable, "not verified")]
    [InlineData("jane@small.io", EmailVerdict.Deliverable, "implicit MX")]
    [InlineData("jane.doe@", EmailVerdict.Undeliverable, "no domain")]
    [InlineData("jane@[10.0.0.1]", EmailVerdict.Undeliverable, "IP literal")]
    [InlineData("jane@mailinator.com", EmailVerdict.Undeliverable, "disposable")]
    [InlineData("jane@x.mailinator.com", EmailVerdict.Undeliverable, "disposable")]
    [InlineData("jane@parked.com", EmailVerdict.Undeliverable, "null MX")]
    [InlineData("jane@gone.com", EmailVerdict.Undeliverable, "NXDOMAIN")]
    [InlineData("info@acme.com", EmailVerdict.Risky, "role mailbox")]
    [InlineData("jane.doe@gmail.com", EmailVerdict.Risky, "consumer mail provider")]
    [InlineData("jane@flaky.com", EmailVerdict.Unknown, "nothing concluded")]
    [InlineData("jane@slow.com", EmailVerdict.Unknown, "nothing concluded")]
    [InlineData("sales@slow.com", EmailVerdict.Risky, "role mailbox")]
    public async Task WithoutProvider_DecidesFromSyntaxListsAndMx(string email, EmailVerdict verdict, string reasonPart)
    {
        var result = await Verifier().VerifyAsync(email, CancellationToken.None);

        Assert.Equal(verdict, result.Verdict);
        Assert.Contains(result.Reasons, r => r.Contains(reasonPart, StringComparison.Ordinal));
        Assert.InRange(result.Confidence, 0.01, 1.0);
    }

    [Fact]
    public async Task UnknownMx_NeverMakesAnAddressInvalid()
    {
        foreach (var email in new[] { "jane@flaky.com", "jane@slow.com" })
        {
            var result = await Verifier().VerifyAsync(email, CancellationToken.None);

            Assert.NotEqual(EmailVerdict.Undeliverable, result.Verdict);
        }
    }

    [Fact]
    public async Task ProviderDeliverable_RaisesConfidence()
    {
        var provider = new TableVerificationProvider(new() { ["jane@acme.com"] = new("jane@acme.com", EmailVerdict.Deliverable, "mailbox exists", 97) });

        var result = await Verifier(provider).VerifyAsync("jane@acme.com", CancellationToken.None);

        Assert.Equal(EmailVerdict.Deliverable, result.Verdict);
        Assert.Equal(0.97, result.Confidence, 3);
        Assert.Contains(result.Reasons, r => r.Contains("table says Deliverable", StringComparison.Ordinal));
        Assert.True(result.IsVerified);
    }

    [Fact]
    public async Task ProviderUndeliverable_Overrules_AnMxThatTakesMail()
    {
        var provider = new TableVerificationProvider(new() { ["nobody@acme.com"] = new("nobody@acme.com", EmailVerdict.Undeliverable, "mailbox does not exist") });

        var result = await Verifier(provider).VerifyAsync("nobody@acme.com", CancellationToken.None);

        Assert.Equal(EmailVerdict.Undeliverable, result.Verdict);
    }

    [Fact]
    public async Task ProviderDeliverable_OnARoleMailbox_StaysRisky()
    {
        var provider = new TableVerificationProvider(new() { ["info@acme.com"] = new("info@acme.com", EmailVerdict.Deliverable, "accepts") });

        var result = await Verifier(provider).VerifyAsync("info@acme.com", CancellationToken.None);

        Assert.Equal(EmailVerdict.Risky, result.Verdict);
    }

    [Fact]
    public async Task ProviderRisky_ForACatchAllDomain_IsRisky()
    {
        var provider = new TableVerificationProvider(new() { ["jane@acme.com"] = new("jane@acme.com", EmailVerdict.Risky, "accept-all domain") });

        var result = await Verifier(provider).VerifyAsync("jane@acme.com", CancellationToken.None);

        Assert.Equal(EmailVerdict.Risky, result.Verdict);
        Assert.Contains(result.Reasons, r => r.Contains("accept-all", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProviderDeliverable_WhenMxIsUnknown_IsDeliverable()
    {
        var provider = new TableVerificationProvider(new() { ["jane@flaky.com"] = new("jane@flaky.com", EmailVerdict.Deliverable, "smtp check passed", 0.92) });

        var result = await Verifier(provider).VerifyAsync("jane@flaky.com", CancellationToken.None);

        Assert.Equal(EmailVerdict.Deliverable, result.Verdict);
        Assert.Equal(0.92, result.Confidence, 3);
    }

    [Fact]
    public async Task ProviderFailures_AreReasons_NotVerdicts()
    {
        var failing = new TableVerificationProvider([]);
        var quota = new TableVerificationProvider([]) { Throw = new ProviderQuotaExceededException("table", "monthly credits spent") };

        var unknownToVendor = await Verifier(failing).VerifyAsync("jane@acme.com", CancellationToken.None);
        var spent = await Verifier(quota).VerifyAsync("jane@acme.com", CancellationToken.None);

        Assert.Equal(EmailVerdict.Deliverable, unknownToVendor.Verdict);
        Assert.Equal(ContactVerifier.DomainOnlyConfidence, unknownToVendor.Confidence);
        Assert.Contains(unknownToVendor.Reasons, r => r.Contains("mailbox unknown to the vendor", StringComparison.Ordinal));
        Assert.Equal(EmailVerdict.Deliverable, spent.Verdict);
        Assert.Contains(spent.Reasons, r => r.Contains("quota is spent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheProvider_IsNotPaid_ForAddressesAlreadyRefused_OrWhenUnconfigured()
    {
        var provider = new TableVerificationProvider([]);
        var unconfigured = new TableVerificationProvider([], configured: false);

        await Verifier(provider).VerifyAsync("bad@@acme.com", CancellationToken.None);
        await Verifier(provider).VerifyAsync("jane@mailinator.com", CancellationToken.None);
        await Verifier(provider).VerifyAsync("jane@parked.com", CancellationToken.None);
        await Verifier(unconfigured).VerifyAsync("jane@acme.com", CancellationToken.None);

        Assert.Equal(0, provider.Calls);
        Assert.Equal(0, unconfigured.Calls);
    }
}
