using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using SalesOS.Prospecting.Import;

namespace SalesOS.Tests.Prospecting.Import;

/// <summary>Random leads written by CsvHelper in random dialects and encodings read back to the same values.</summary>
public sealed class RoundTripTests
{
    private const string NameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,;|\t\"'\n&.-üößéñ東京Ω";

    private static readonly string[][] HeaderStyles =
    [
        ["Company Name", "Company Domain Name", "Number of Employees", "Country/Region", "City", "Technologies", "Email", "First Name", "Last Name", "Notes"],
        ["Company", "Website", "# Employees", "Company Country", "Company City", "Technologies", "Email", "First Name", "Last Name", "Notes"],
        ["company_name", "domain", "employee_count", "country", "city", "tech_stack", "work_email", "first_name", "last_name", "notes"],
    ];

    private static readonly Encoding[] Encodings = [new UTF8Encoding(false), new UTF8Encoding(true), new UnicodeEncoding(false, true), new UnicodeEncoding(true, true)];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public async Task RandomRows_WrittenWithCsvHelper_ReadBackEqual(int seed)
    {
        var random = new Random(seed);
        var delimiter = CsvDelimiterSniffer.Candidates[random.Next(CsvDelimiterSniffer.Candidates.Length)];
        var headers = HeaderStyles[random.Next(HeaderStyles.Length)];
        var encoding = Encodings[random.Next(Encodings.Length)];

        var countries = Countries.Codes.ToArray();
        var expected = Enumerable.Range(0, 150).Select(_ => RandomLead(random, countries)).ToList();

        var bytes = Write(expected, headers, delimiter, encoding, random);
        var (reader, rows) = await LeadSamples.ReadAsync(new MemoryStream(bytes));

        Assert.Equal(delimiter, reader.Delimiter);
        Assert.Equal(encoding.CodePage, reader.Encoding.CodePage);
        Assert.Equal("notes", Assert.Single(reader.IgnoredColumns), ignoreCase: true);
        Assert.Equal(expected.Count, rows.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var want = expected[i];
            var row = rows[i];
            Assert.Equal(i + 1, row.RowNumber);
            var got = row.Lead;
            Assert.True(got is not null, $"seed {seed} row {i + 1}: {row.RejectReason}");
            Assert.Empty(row.Warnings);
            Assert.Equal(want.Name, got!.CompanyName);
            Assert.Equal(want.Domain, got.Domain);
            Assert.Equal(want.Employees, got.EmployeeCount);
            Assert.Equal(want.Country, got.Country);
            Assert.Equal(want.City, got.City);
            Assert.Equal(want.Technologies, got.Technologies);
            Assert.Equal("email:" + want.Email, got.Contact!.Identity.Key);
            Assert.Equal((want.First, want.Last), (got.Contact.FirstName, got.Contact.LastName));
            Assert.Equal(want.Notes, got.ExtraFields.SingleOrDefault().Value);
        }
    }

    private static byte[] Write(List<Generated> leads, string[] headers, char delimiter, Encoding encoding, Random random)
    {
        var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, encoding, leaveOpen: true))
        using (var csv = new CsvWriter(writer, Configuration(delimiter, lineFeedOnly: random.Next(2) == 0)))
        {
            foreach (var header in headers)
            {
                csv.WriteField(header);
            }

            csv.NextRecord();
            foreach (var lead in leads)
            {
                var employees = random.Next(3) switch
                {
                    0 => lead.Employees.ToString(CultureInfo.InvariantCulture),
                    1 => lead.Employees.ToString("N0", CultureInfo.InvariantCulture),
                    _ => lead.Employees.ToString("N0", CultureInfo.GetCultureInfo("de-DE")),
                };
                var website = random.Next(2) == 0 ? lead.Domain : $"https://www.{lead.Domain}/about";
                csv.WriteField(lead.Name);
                csv.WriteField(website);
                csv.WriteField(employees);
                csv.WriteField(lead.Country);
                csv.WriteField(lead.City);
                csv.WriteField(string.Join(random.Next(2) == 0 ? "; " : " | ", lead.Technologies));
                csv.WriteField(random.Next(2) == 0 ? lead.Email : lead.Email.ToUpperInvariant());
                csv.WriteField(lead.First);
                csv.WriteField(lead.Last);
                csv.WriteField(lead.Notes);
                csv.NextRecord();
            }
        }

        return buffer.ToArray();
    }

    // CsvHelper's default line ending is CRLF and then quotes any value holding \r or \n; told to end lines with
    // exactly "\r\n" it would quote only values holding that pair and write a lone \n bare, breaking the file.
    private static CsvConfiguration Configuration(char delimiter, bool lineFeedOnly)
        => lineFeedOnly
            ? new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = delimiter.ToString(), NewLine = "\n" }
            : new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = delimiter.ToString() };

    private static Generated RandomLead(Random random, string[] countries)
    {
        var domain = $"{Word(random, 3, 12)}-{random.Next(1000)}.{new[] { "com", "de", "io", "co.uk" }[random.Next(4)]}";
        var technologies = Enumerable.Range(0, random.Next(4)).Select(i => $"{Word(random, 2, 8)}{i}").ToArray();
        return new Generated(
            Name: Text(random),
            Domain: domain,
            Employees: random.Next(1, 2_000_000),
            Country: countries[random.Next(countries.Length)],
            City: Text(random),
            Technologies: technologies,
            Email: $"{Word(random, 1, 10)}.{Word(random, 1, 10)}@{domain}",
            First: Word(random, 2, 10),
            Last: Word(random, 2, 10),
            Notes: random.Next(3) == 0 ? null : Text(random));
    }

    /// <summary>Text with delimiters, quotes and line breaks inside, as values have them; never padded or a placeholder.</summary>
    private static string Text(Random random)
    {
        var inner = new string(Enumerable.Range(0, random.Next(0, 20)).Select(_ => NameCharacters[random.Next(NameCharacters.Length)]).ToArray());
        return $"X{inner}Y";
    }

    private static string Word(Random random, int min, int max)
        => new(Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => (char)('a' + random.Next(26))).ToArray());

    private sealed record Generated(string Name, string Domain, int Employees, string Country, string City, string[] Technologies, string Email, string First, string Last, string? Notes);
}
