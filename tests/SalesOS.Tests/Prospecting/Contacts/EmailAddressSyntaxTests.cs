using System.Text.Json;
using SalesOS.Domain.Identity;
using SalesOS.Prospecting.Contacts;
using SalesOS.Testing;
using Xunit.Abstractions;

namespace SalesOS.Tests.Prospecting.Contacts;

/// <summary>The syntax check measured on isemail's 443 vectors, plus the rules the vectors do not reach.</summary>
public sealed class EmailAddressSyntaxTests(ITestOutputHelper output)
{
    // isemail categories whose addresses SalesOS would send to (see EmailAddressSyntax's remarks for why).
    private static readonly HashSet<string> AcceptableDiagnoses = new(StringComparer.Ordinal)
    {
        "ISEMAIL_VALID",
        "ISEMAIL_DNSWARN_NO_MX_RECORD",
        "ISEMAIL_DNSWARN_NO_RECORD",
        "ISEMAIL_RFC5321_QUOTEDSTRING",
    };

    // Vectors where SalesOS answers differently from the mapping above, each with why.
    private static readonly Dictionary<string, string> Exceptions = new(StringComparer.Ordinal)
    {
        ["isemail-tests-v3.05#5"] = "test@io: VALID for isemail only because the TLD io had DNS records; no company mailbox lives on a bare TLD, "
            + "and ISEMAIL_RFC5321_TLD (test@org) is refused for the same reason",
    };

    private sealed record Vector(string Set, string Id, string Address, string Category, string Diagnosis)
    {
        public string Key => $"{Set}#{Id}";
    }

    private static List<Vector> LoadVectors()
    {
        var path = Path.Combine(RepositoryPaths.Root, "tests", "SalesOS.Tests", "Prospecting", "Contacts", "Corpus", "isemail-addresses.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.GetProperty("tests").EnumerateArray()
            .Select(t => new Vector(
                t.GetProperty("set").GetString()!,
                t.GetProperty("id").GetString()!,
                t.GetProperty("address_with_control_chars").GetString()!,
                t.GetProperty("category").GetString()!,
                t.GetProperty("diagnosis").GetString()!))
            .ToList();
    }

    [Fact]
    public void Check_AgreesWithEveryIsemailVector_ExceptTheListedOnes()
    {
        var vectors = LoadVectors();
        Assert.Equal(443, vectors.Count);

        var disagreements = new List<string>();
        var agreed = 0;
        foreach (var vector in vectors)
        {
            var expected = AcceptableDiagnoses.Contains(vector.Diagnosis);
            var result = EmailAddressSyntax.Check(vector.Address);
            if (result.Valid == expected)
            {
                agreed++;
                Assert.False(Exceptions.ContainsKey(vector.Key), $"{vector.Key} is listed as an exception but agrees");
            }
            else if (!Exceptions.ContainsKey(vector.Key))
            {
                disagreements.Add($"{vector.Key} {vector.Diagnosis} {JsonSerializer.Serialize(vector.Address)}: expected {expected}, got {result.Valid} ({result.Reason})");
            }

            Assert.Equal(result.Valid, result.Reason is null);
        }

        output.WriteLine($"agreement with the isemail mapping: {agreed}/{vectors.Count} = {(double)agreed / vectors.Count:P2}; listed exceptions: {Exceptions.Count}");
        Assert.True(disagreements.Count == 0, string.Join('\n', disagreements));
        Assert.Equal(vectors.Count - Exceptions.Count, agreed);
    }

    [Theory]
    [InlineData("jane.doe@acme.com")]
    [InlineData("o'brien@acme.co.uk")]
    [InlineData("jane+crm@acme.io")]
    [InlineData("j@x.ai")]
    [InlineData("jane@bücher.de")]
    [InlineData("\"jane doe\"@acme.com")]
    [InlineData("jane@xn--bcher-kva.de")]
    public void Check_AcceptsRealAddresses(string address)
    {
        var result = EmailAddressSyntax.Check(address);

        Assert.True(result.Valid, result.Reason);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("jane", "no @")]
    [InlineData("@acme.com", "nothing before the @")]
    [InlineData("jane@", "no domain")]
    [InlineData("jane.@acme.com", "ends the part before the @ with a dot")]
    [InlineData(".jane@acme.com", "starts with a dot")]
    [InlineData("ja..ne@acme.com", "two dots in a row")]
    [InlineData("jane doe@acme.com", "whitespace")]
    [InlineData(" jane@acme.com", "whitespace")]
    [InlineData("jane(work)@acme.com", "comment")]
    [InlineData("jane@[10.0.0.1]", "IP literal")]
    [InlineData("jane@acme", "without a dot")]
    [InlineData("jane@10.0.0.1", "numeric top-level domain")]
    [InlineData("jane@-acme.com", "hyphen")]
    [InlineData("jane@acme..com", "empty part")]
    [InlineData("jane@acme.com.", "empty part")]
    [InlineData("jane@acme_corp.com", "in the domain")]
    [InlineData("jané@acme.com", "SMTPUTF8")]
    [InlineData("jane@team@acme.com", "more than one @")]
    [InlineData("\"jane@acme.com", "unclosed quote")]
    [InlineData("\"jane\"x@acme.com", "right after a quoted")]
    public void Check_RefusesWithAReason(string address, string reasonPart)
    {
        var result = EmailAddressSyntax.Check(address);

        Assert.False(result.Valid);
        Assert.Contains(reasonPart, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void LengthLimits_Are64BeforeTheAtAnd254InAll()
    {
        Assert.True(EmailAddressSyntax.Check(new string('j', 64) + "@acme.com").Valid);
        Assert.Contains("at most 64", EmailAddressSyntax.Check(new string('j', 65) + "@acme.com").Reason, StringComparison.Ordinal);

        var domain = $"{new string('a', 63)}.{new string('b', 63)}.{new string('c', 60)}.com";
        Assert.True(EmailAddressSyntax.Check(new string('j', 254 - 1 - domain.Length) + "@" + domain).Valid);
        Assert.Contains("at most 254", EmailAddressSyntax.Check(new string('j', 255 - 1 - domain.Length) + "@" + domain).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jane@acme.com")]
    [InlineData("JANE+NEWSLETTER@ACME.COM")]
    [InlineData("o'brien@acme.co.uk")]
    [InlineData("jane@Bücher.de")]
    public void EveryAddressTheContactIdentityNormalises_IsAcceptableAfterNormalising(string input)
    {
        Assert.True(ContactIdentity.TryFromEmail(input, out var identity, out _));

        Assert.True(EmailAddressSyntax.Check(identity.Email).Valid);
    }
}
