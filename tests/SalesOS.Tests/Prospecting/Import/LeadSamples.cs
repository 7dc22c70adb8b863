using SalesOS.Prospecting.Import;

namespace SalesOS.Tests.Prospecting.Import;

/// <summary>Opens the sample exports copied next to the test assembly and reads them whole.</summary>
internal static class LeadSamples
{
    public static Stream Open(string name)
        => File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Prospecting", "Import", "Samples", name));

    public static async Task<(LeadFileReader Reader, List<LeadRow> Rows)> ReadAsync(string name, int skipRows = 0, LeadFileOptions? options = null)
    {
        await using var stream = Open(name);
        return await ReadAsync(stream, skipRows, options);
    }

    public static async Task<(LeadFileReader Reader, List<LeadRow> Rows)> ReadAsync(Stream stream, int skipRows = 0, LeadFileOptions? options = null)
    {
        var reader = await LeadFileReader.OpenAsync(stream, options);
        await using (reader)
        {
            var rows = new List<LeadRow>();
            await foreach (var row in reader.ReadRowsAsync(skipRows))
            {
                rows.Add(row);
            }

            return (reader, rows);
        }
    }

    public static LeadRecord Lead(this List<LeadRow> rows, int rowNumber)
    {
        var row = rows.Single(r => r.RowNumber == rowNumber);
        Assert.True(row.Lead is not null, $"row {rowNumber} was rejected: {row.RejectedField} {row.RejectReason}");
        return row.Lead!;
    }

    public static LeadRow Rejected(this List<LeadRow> rows, int rowNumber)
    {
        var row = rows.Single(r => r.RowNumber == rowNumber);
        Assert.True(row.IsRejected, $"row {rowNumber} was expected to be rejected");
        return row;
    }

    public static LeadField? FieldOf(this LeadFileReader reader, string header)
        => reader.Columns.First(c => c.Header == header).Field;
}
