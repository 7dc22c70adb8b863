using SalesOS.Prospecting.Contacts;

namespace SalesOS.Tests.Prospecting.Contacts;

/// <summary>Disposable services, role mailboxes and consumer providers, each with the near misses that must not match.</summary>
public sealed class MailboxKindTests
{
    [Theory]
    [InlineData("jane@mailinator.com", "mailinator.com")]
    [InlineData("x@anything.mailinator.com", "mailinator.com")]
    [InlineData("MAILINATOR.COM", "mailinator.com")]
    [InlineData("a@guerrillamail.de", "guerrillamail.de")]
    [InlineData("a@10minutemail.com", "10minutemail.com")]
    [InlineData("a@yopmail.fr", "yopmail.fr")]
    [InlineData("a@trashmail.com.", "trashmail.com")]
    [InlineData("temp-mail.org", "temp-mail.org")]
    public void Disposable_MatchesServicesAndTheirSubdomains(string input, string service)
    {
        Assert.Equal(service, DisposableDomains.Match(input));
        Assert.True(DisposableDomains.IsDisposable(input));
    }

    [Theory]
    [InlineData("jane@acme.com")]
    [InlineData("jane@notmailinator.co")]
    [InlineData("jane@mailinator.com.acme.io")]
    [InlineData("jane@gmail.com")]
    [InlineData("jane@mail.com")]
    [InlineData("")]
    public void Disposable_LeavesOtherDomainsAlone(string input)
    {
        Assert.False(DisposableDomains.IsDisposable(input));
    }

    [Fact]
    public void Disposable_ListsAFewHundredServices()
    {
        Assert.InRange(DisposableDomains.Count, 300, 2000);
    }

    [Theory]
    [InlineData("info@acme.com", "info")]
    [InlineData("Sales@acme.com", "sales")]
    [InlineData("support+tickets@acme.com", "support")]
    [InlineData("no-reply@acme.com", "noreply")]
    [InlineData("no_reply@acme.com", "noreply")]
    [InlineData("noreply@acme.com", "noreply")]
    [InlineData("do-not-reply@acme.com", "donotreply")]
    [InlineData("postmaster@acme.com", "postmaster")]
    [InlineData("abuse@acme.com", "abuse")]
    [InlineData("careers@acme.com", "careers")]
    [InlineData("jobs@acme.com", "jobs")]
    [InlineData("hr@acme.com", "hr")]
    [InlineData("marketing@acme.com", "marketing")]
    [InlineData("press@acme.com", "press")]
    [InlineData("billing@acme.com", "billing")]
    [InlineData("hello@acme.com", "hello")]
    [InlineData("contact@acme.com", "contact")]
    [InlineData("team@acme.com", "team")]
    [InlineData("office@acme.com", "office")]
    [InlineData("admin@acme.com", "admin")]
    [InlineData("sales-uk@acme.com", "sales")]
    [InlineData("info.de@acme.com", "info")]
    [InlineData("support2@acme.com", "support")]
    [InlineData("customer.service@acme.com", "customerservice")]
    [InlineData("mailer-daemon@acme.com", "mailerdaemon")]
    [InlineData("sales", "sales")]
    public void Role_RecognisesFunctionalMailboxes(string input, string role)
    {
        Assert.Equal(role, RoleAccounts.Match(input));
        Assert.True(RoleAccounts.IsRole(input));
    }

    [Theory]
    [InlineData("jane.doe@acme.com")]
    [InlineData("info.jane.doe@acme.com")]
    [InlineData("salesforce@acme.com")]
    [InlineData("infodesk.manager.smith@acme.com")]
    [InlineData("jane.sales@acme.com")]
    [InlineData("hristo@acme.com")]
    [InlineData("sales-europe-team@acme.com")]
    [InlineData("ar@acme.com")]
    [InlineData("@acme.com")]
    public void Role_LeavesPeopleAlone(string input)
    {
        Assert.Null(RoleAccounts.Match(input));
    }

    [Theory]
    [InlineData("jane@gmail.com")]
    [InlineData("jane@GoogleMail.com")]
    [InlineData("jane@outlook.com")]
    [InlineData("jane@hotmail.co.uk")]
    [InlineData("jane@hotmail.fr")]
    [InlineData("jane@yahoo.com")]
    [InlineData("jane@yahoo.co.jp")]
    [InlineData("jane@yahoo.com.br")]
    [InlineData("jane@live.de")]
    [InlineData("jane@gmx.de")]
    [InlineData("jane@web.de")]
    [InlineData("jane@icloud.com")]
    [InlineData("jane@proton.me")]
    [InlineData("jane@yandex.ru")]
    [InlineData("jane@qq.com")]
    [InlineData("orange.fr")]
    public void FreeMail_RecognisesConsumerProviders(string input)
    {
        Assert.True(FreeMailDomains.IsFreeMail(input));
    }

    [Theory]
    [InlineData("jane@acme.com")]
    [InlineData("jane@yahooinc.com")]
    [InlineData("jane@yahoo.acme.com")]
    [InlineData("jane@mail.acme.com")]
    [InlineData("jane@gmail.com.evil.io")]
    [InlineData("jane@hotmail.company")]
    [InlineData("jane@live")]
    [InlineData("")]
    public void FreeMail_LeavesCompanyDomainsAlone(string input)
    {
        Assert.False(FreeMailDomains.IsFreeMail(input));
    }
}
