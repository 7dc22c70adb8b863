using SalesOS.Prospecting.Ports;

namespace SalesOS.Prospecting.Contacts;

/// <summary>What SalesOS believes about an address, how sure it is (0–1), and every reason that went into it.</summary>
public sealed record ContactVerification(EmailVerdict Verdict, double Confidence, IReadOnlyList<string> Reasons)
{
    /// <summary>True when a mailbox provider or the domain's mail setup vouches for the address and nothing argues against it.</summary>
    public bool IsVerified => Verdict == EmailVerdict.Deliverable;
}

/// <summary>
/// Decides whether an address is worth sending to, cheapest checks first: syntax, disposable service, role
/// mailbox, consumer provider, the domain's MX, then (only if still worth the credit) a verification provider.
/// An address refused by syntax, a disposable service, a domain that takes no mail or the provider is
/// Undeliverable. A role or consumer mailbox is at best Risky. A domain that takes mail, without a provider,
/// is Deliverable with moderate confidence (the mailbox itself is unchecked). A failed MX lookup concludes
/// nothing: it never makes an address invalid.
/// </summary>
public sealed class ContactVerifier(IMailExchangeLookup mailExchanges, IEmailVerificationProvider? provider = null)
{
    public const double SyntaxConfidence = 0.99;
    public const double DomainOnlyConfidence = 0.6;

    public async Task<ContactVerification> VerifyAsync(string? email, CancellationToken cancellationToken)
    {
        var reasons = new List<string>(4);
        var address = email?.Trim() ?? "";
        var syntax = EmailAddressSyntax.Check(address);
        if (!syntax.Valid)
        {
            reasons.Add($"the address {syntax.Reason}");
            return new ContactVerification(EmailVerdict.Undeliverable, SyntaxConfidence, reasons);
        }

        var domain = address[(address.LastIndexOf('@') + 1)..].ToLowerInvariant();
        if (DisposableDomains.Match(domain) is { } service)
        {
            reasons.Add($"{service} is a disposable mailbox service");
            return new ContactVerification(EmailVerdict.Undeliverable, 0.95, reasons);
        }

        var risky = false;
        if (RoleAccounts.Match(address) is { } role)
        {
            risky = true;
            reasons.Add($"'{role}' is a role mailbox, read by a team rather than a person");
        }

        if (FreeMailDomains.IsFreeMail(domain))
        {
            risky = true;
            reasons.Add($"{domain} is a consumer mail provider: a personal address, not a company one");
        }

        var mx = await mailExchanges.LookupAsync(domain, cancellationToken).ConfigureAwait(false);
        switch (mx.Status)
        {
            case MailExchangeStatus.NoMail:
                reasons.Add($"{domain} takes no mail: {mx.Reason}");
                return new ContactVerification(EmailVerdict.Undeliverable, 0.95, reasons);
            case MailExchangeStatus.Unknown:
                reasons.Add($"the mail servers of {domain} could not be checked ({mx.Reason}); nothing concluded from that");
                break;
            default:
                reasons.Add($"{domain} takes mail ({mx.Reason})");
                break;
        }

        var answer = await AskProviderAsync(address, reasons, cancellationToken).ConfigureAwait(false);
        return Decide(mx.Status, risky, answer, reasons);
    }

    private static ContactVerification Decide(MailExchangeStatus mx, bool risky, EmailVerification? provider, List<string> reasons)
    {
        if (provider is not null && provider.Verdict != EmailVerdict.Unknown)
        {
            var score = provider.Score is { } s ? (s > 1 ? s / 100.0 : s) : (double?)null;
            return provider.Verdict switch
            {
                EmailVerdict.Undeliverable => new ContactVerification(EmailVerdict.Undeliverable, Math.Max(0.85, score is null ? 0 : 1 - score.Value), reasons),
                EmailVerdict.Deliverable when risky => new ContactVerification(EmailVerdict.Risky, 0.7, reasons),
                EmailVerdict.Deliverable => new ContactVerification(EmailVerdict.Deliverable, Math.Clamp(score ?? 0.9, 0.7, 0.99), reasons),
                _ => new ContactVerification(EmailVerdict.Risky, 0.6, reasons),
            };
        }

        if (risky)
        {
            return new ContactVerification(EmailVerdict.Risky, mx == MailExchangeStatus.AcceptsMail ? 0.7 : 0.5, reasons);
        }

        if (mx == MailExchangeStatus.AcceptsMail)
        {
            reasons.Add("the mailbox itself was not verified");
            return new ContactVerification(EmailVerdict.Deliverable, DomainOnlyConfidence, reasons);
        }

        return new ContactVerification(EmailVerdict.Unknown, 0.3, reasons);
    }

    private async Task<EmailVerification?> AskProviderAsync(string address, List<string> reasons, CancellationToken cancellationToken)
    {
        if (provider is null || !provider.IsConfigured)
        {
            return null;
        }

        ProviderAnswer<EmailVerification> answer;
        try
        {
            answer = await provider.VerifyEmailAsync(address, cancellationToken).ConfigureAwait(false);
        }
        catch (ProviderQuotaExceededException e)
        {
            reasons.Add($"{provider.Name} could not verify: its quota is spent ({e.Message})");
            return null;
        }
        catch (HttpRequestException e)
        {
            reasons.Add($"{provider.Name} could not be reached ({e.Message})");
            return null;
        }

        if (!answer.Succeeded || answer.Value is null)
        {
            reasons.Add($"{provider.Name} could not verify: {answer.Error ?? "no answer"}");
            return null;
        }

        reasons.Add($"{provider.Name} says {answer.Value.Verdict}: {answer.Value.Reason}");
        return answer.Value;
    }
}
