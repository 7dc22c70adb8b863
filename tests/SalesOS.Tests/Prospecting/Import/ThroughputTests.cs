using System.Diagnostics;
using System.Globalization;
using System.Text;
using SalesOS.Prospecting.Import;
using Xunit.Abstractions;

namespace SalesOS.Tests.Prospecting.Import;

/// <summary>Reports how fast 100,000 rows go through the reader; the figure is printed, not asserted.</summary>
public sealed class ThroughputTests(ITestOutputHelper output)
{
    private const int Rows = 100_000;

    [Fact]
    public async Task HundredThousandCsvRows_AreReadAndReported()
    {
        var csv = new StringBuilder("Record ID,First Name,Last Name,Email,Job Title,Company Name,Website URL,Number of Employees,Annual Revenue,Country/Region,City,Industry,Technologies,Lifecycle Stage\n");
        for (var i = 0; i < Rows; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{i},Jane{i},Doe,jane{i}@company{i}.com,VP Sales,\"Company {i}, Inc.\",https://www.company{i}.com,\"1,{i % 1000:D3}\",${i % 50 + 1}M,{(i % 3 == 0 ? "United States" : "Germany")},Berlin,Software,\"React; AWS\",Lead\n");
        }

        var bytes = Encoding.UTF8.GetBytes(csv.ToString());
        await Measure("CSV", bytes);
    }

    [Fact]
    public async Task HundredThousandJsonLines_AreReadAndReported()
    {
        var json = new StringBuilder();
        for (var i = 0; i < Rows; i++)
        {
            json.Append(CultureInfo.InvariantCulture, $"{{\"company_name\":\"Company {i}\",\"website\":\"company{i}.com\",\"employees\":\"51-200\",\"country\":\"DE\",\"email\":\"jane{i}@company{i}.com\",\"first_name\":\"Jane\",\"last_name\":\"Doe\"}}\n");
        }

        await Measure("NDJSON", Encoding.UTF8.GetBytes(json.ToString()));
    }

    private async Task Measure(string format, byte[] bytes)
    {
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var leads = 0;
        var lastRow = 0;
        await using (var reader = await LeadFileReader.OpenAsync(new MemoryStream(bytes)))
        {
            await foreach (var row in reader.ReadRowsAsync())
            {
                leads += row.Lead is null ? 0 : 1;
                lastRow = row.RowNumber;
            }
        }

        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Assert.Equal((Rows, Rows), (lastRow, leads));
        output.WriteLine($"{format}: {Rows:N0} rows ({bytes.Length / 1024.0 / 1024.0:F1} MB) in {watch.Elapsed.TotalMilliseconds:F0} ms = {Rows / watch.Elapsed.TotalSeconds:N0} rows/s; {allocated / (double)Rows:N0} bytes allocated per row (all threads)");
    }
}
