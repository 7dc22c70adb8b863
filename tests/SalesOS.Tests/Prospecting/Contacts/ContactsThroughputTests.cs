using System.Diagnostics;
using SalesOS.Prospecting.Contacts;
using Xunit.Abstractions;
using Phones = SalesOS.Prospecting.Contacts.PhoneNumbers;

namespace SalesOS.Tests.Prospecting.Contacts;

/// <summary>The per-contact checks run for every person of 100,000 companies: they must be cheap, the list lookups allocation-free.</summary>
public sealed class ContactsThroughputTests(ITestOutputHelper output)
{
    private static readonly string[] Addresses = ["jane.doe@acme.com", "info@acme.co.uk", "x@sub.mailinator.com", "bob@gmail.com", "\"odd one\"@example.org"];
    private static readonly string[] Titles = ["VP of Sales", "Sr. Director Demand Gen", "Co-Founder & CEO", "Vertriebsleiter", "Software Engineer", "Directeur commercial"];

    [Fact]
    public void SyntaxAndListChecks_AllocateNothing()
    {
        foreach (var address in Addresses)
        {
            EmailAddressSyntax.Check(address);
            DisposableDomains.Match(address);
            RoleAccounts.Match(address);
            FreeMailDomains.IsFreeMail(address);
        }

        Assert.Equal(0, AllocatedBy(a => EmailAddressSyntax.Check(a)));
        Assert.Equal(0, AllocatedBy(a => DisposableDomains.Match(a)));
        Assert.Equal(0, AllocatedBy(a => RoleAccounts.Match(a)));
        Assert.Equal(0, AllocatedBy(a => FreeMailDomains.IsFreeMail(a)));
    }

    private static long AllocatedBy(Action<string> check)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            check(Addresses[i % Addresses.Length]);
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void PerContactWork_RunsAtHundredsOfThousandsPerSecond()
    {
        const int n = 100_000;
        var syntax = Measure(n, i => EmailAddressSyntax.Check(Addresses[i % Addresses.Length]));
        var lists = Measure(n, i =>
        {
            var a = Addresses[i % Addresses.Length];
            _ = DisposableDomains.IsDisposable(a) || RoleAccounts.IsRole(a) || FreeMailDomains.IsFreeMail(a);
        });
        var titles = Measure(n, i => TitleClassifier.Classify(Titles[i % Titles.Length]));
        var patterns = Measure(n / 10, i => EmailPatterns.Generate("{first}.{last}", "Jürgen", "Müller-Lüdenscheidt", "acme.de"));
        var phones = Measure(n / 10, i => Phones.TryNormalize("+49 30 12345678", null, out _, out _));

        output.WriteLine($"syntax {syntax:N0}/s, lists {lists:N0}/s, titles {titles:N0}/s, address generation {patterns:N0}/s, phones {phones:N0}/s");
        Assert.True(syntax > 200_000, $"syntax {syntax:N0}/s");
        Assert.True(lists > 200_000, $"lists {lists:N0}/s");
        Assert.True(titles > 20_000, $"titles {titles:N0}/s");
        Assert.True(patterns > 20_000, $"patterns {patterns:N0}/s");
        Assert.True(phones > 5_000, $"phones {phones:N0}/s");
    }

    private static double Measure(int n, Action<int> work)
    {
        for (var i = 0; i < 1000; i++)
        {
            work(i);
        }

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            work(i);
        }

        return n / clock.Elapsed.TotalSeconds;
    }
}
