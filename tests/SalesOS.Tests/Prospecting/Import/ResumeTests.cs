using SalesOS.Prospecting.Import;

namespace SalesOS.Tests.Prospecting.Import;

public sealed class ResumeTests
{
    public static TheoryData<string, int> SamplesAndSkips()
    {
        var data = new TheoryData<string, int>();
        foreach (var (name, rows) in new[] { ("hubspot-contacts.csv", 6), ("salesforce-leads.csv", 5), ("quoted-newlines.csv", 6), ("german-excel.csv", 3), ("excel-unicode-text.txt", 3), ("leads.json", 4), ("leads.ndjson", 3) })
        {
            foreach (var skip in new[] { 0, 1, rows / 2, rows - 1, rows, rows + 3 })
            {
                data.Add(name, skip);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SamplesAndSkips))]
    public async Task SkipRows_YieldsExactlyTheRowsAfterIt(string sample, int skipRows)
    {
        var (_, all) = await LeadSamples.ReadAsync(sample);
        var (_, resumed) = await LeadSamples.ReadAsync(sample, skipRows);

        Assert.Equal(all.Where(r => r.RowNumber > skipRows).Select(Describe), resumed.Select(Describe));
    }

    [Fact]
    public async Task SkipRows_Negative_IsRefused()
    {
        await using var stream = LeadSamples.Open("tab-separated.tsv");
        await using var reader = await LeadFileReader.OpenAsync(stream);

        Assert.Throws<ArgumentOutOfRangeException>(() => reader.ReadRowsAsync(-1));
    }

    [Fact]
    public async Task ReadRows_Twice_IsRefused()
    {
        await using var stream = LeadSamples.Open("tab-separated.tsv");
        await using var reader = await LeadFileReader.OpenAsync(stream);
        _ = reader.ReadRowsAsync();

        Assert.Throws<InvalidOperationException>(() => reader.ReadRowsAsync());
    }

    private static string Describe(LeadRow row)
        => $"{row.RowNumber}@{row.LineNumber}: {row.Lead?.Domain} {row.Lead?.CompanyName} {row.Lead?.Contact?.Identity.Key} {row.RejectedField} {row.RejectReason} [{string.Join(" | ", row.Warnings)}]";
}
