using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace SalesOS.Prospecting.Import;

/// <summary>
/// Reads a lead list (CSV, a JSON array of objects, or JSON lines) from a stream, one row at a time in
/// constant memory. <see cref="OpenAsync"/> reads a sample to detect encoding, format and delimiter and,
/// for CSV, the header row; <see cref="ReadRowsAsync"/> then streams the rows once. JSON files have no
/// header row: their columns are the object keys met so far (nested objects flattened, "company" →
/// "name" reading "company name"), so <see cref="Columns"/> grows while reading.
/// </summary>
public sealed class LeadFileReader : IAsyncDisposable
{
    /// <summary>A field longer than this is an opening quote never closed; failing beats buffering the rest of the file.</summary>
    public const int MaxFieldLength = 1_000_000;

    private const int TextBufferSize = 64 * 1024;

    private readonly LeadHeaderMap map = new();
    private readonly LeadRowMapper mapper;
    private readonly CsvParser? parser;
    private readonly Stream? json;
    private readonly Dictionary<string, int> jsonColumns = new(StringComparer.Ordinal);
    private int headerCount;
    private bool started;
    private bool strayQuote;
    private long lastRawRow;
    private int lastParserRow;

    private LeadFileReader(LeadFileFormat format, Encoding encoding, bool byteOrderMark, char? delimiter, Stream text)
    {
        mapper = new LeadRowMapper(map);
        Format = format;
        Encoding = encoding;
        HasByteOrderMark = byteOrderMark;
        Delimiter = delimiter;
        if (format == LeadFileFormat.Csv)
        {
            var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                Delimiter = delimiter!.Value.ToString(),
                Mode = CsvMode.RFC4180,
                IgnoreBlankLines = true,
                MaxFieldSize = MaxFieldLength,
                BufferSize = TextBufferSize,
                BadDataFound = _ => strayQuote = true,
            };
            parser = new CsvParser(new StreamReader(text, encoding, detectEncodingFromByteOrderMarks: false, TextBufferSize), configuration);
        }
        else
        {
            // System.Text.Json reads UTF-8 only; other encodings are transcoded on the way.
            json = encoding.CodePage == Encoding.UTF8.CodePage ? text : Encoding.CreateTranscodingStream(text, encoding, Encoding.UTF8, leaveOpen: true);
        }
    }

    public LeadFileFormat Format { get; }

    public Encoding Encoding { get; }

    public bool HasByteOrderMark { get; }

    /// <summary>The CSV delimiter; null for JSON.</summary>
    public char? Delimiter { get; }

    /// <summary>Every column with the field it feeds (null: kept as an extra field).</summary>
    public IReadOnlyList<LeadColumn> Columns => map.Columns;

    /// <summary>Headers no canonical field took; their values are kept per row in <see cref="LeadRecord.ExtraFields"/>.</summary>
    public IReadOnlyList<string> IgnoredColumns => map.IgnoredColumns;

    /// <summary>The tool whose export the headers look like.</summary>
    public LeadExportStyle Style => map.Style;

    public static async Task<LeadFileReader> OpenAsync(Stream stream, LeadFileOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= new LeadFileOptions();
        var sample = new byte[Math.Max(options.SampleBytes, 1024)];
        var length = 0;
        int read;
        while (length < sample.Length && (read = await stream.ReadAsync(sample.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        var isWholeFile = length < sample.Length;
        var bom = 0;
        var encoding = options.Encoding ?? LeadTextEncoding.Detect(sample.AsSpan(0, length), isWholeFile, out bom);
        if (options.Encoding is not null && sample.AsSpan(0, length).StartsWith(options.Encoding.Preamble))
        {
            bom = options.Encoding.Preamble.Length;
        }

        var text = encoding.GetString(sample, bom, length - bom);
        var format = options.Format ?? SniffFormat(text);
        char? delimiter = null;
        var hasSeparatorLine = false;
        if (format == LeadFileFormat.Csv)
        {
            // Excel writes "sep=;" as the first line when asked to name the delimiter.
            hasSeparatorLine = text.Length >= 5 && text.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) && (text.Length == 5 || text[5] is '\r' or '\n');
            delimiter = options.Delimiter ?? (hasSeparatorLine ? text[4] : CsvDelimiterSniffer.Sniff(text, isWholeFile));
        }

        var reader = new LeadFileReader(format, encoding, bom > 0, delimiter, new SampledStream(sample, bom, length - bom, stream));
        if (format == LeadFileFormat.Csv)
        {
            await reader.ReadHeaderAsync(hasSeparatorLine);
        }

        return reader;
    }

    /// <summary>
    /// The data rows in file order, each numbered from 1; rows up to and including <paramref name="skipRows"/>
    /// are read past without being mapped (to resume after the last row a crashed import finished).
    /// Can be enumerated once.
    /// </summary>
    public IAsyncEnumerable<LeadRow> ReadRowsAsync(int skipRows = 0, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skipRows);
        if (started)
        {
            throw new InvalidOperationException("A lead file's rows can be read once.");
        }

        started = true;
        return parser is not null ? ReadCsvAsync(skipRows, cancellationToken) : ReadJsonAsync(skipRows, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        parser?.Dispose();
        if (json is not null)
        {
            await json.DisposeAsync();
        }
    }

    private static LeadFileFormat SniffFormat(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && c != '\uFEFF')
            {
                return c switch
                {
                    '[' => LeadFileFormat.JsonArray,
                    '{' => LeadFileFormat.JsonLines,
                    _ => LeadFileFormat.Csv,
                };
            }
        }

        return LeadFileFormat.Csv;
    }

    private async Task ReadHeaderAsync(bool skipSeparatorLine)
    {
        if (skipSeparatorLine)
        {
            await parser!.ReadAsync();
        }

        if (await parser!.ReadAsync())
        {
            var headers = parser.Record ?? [];
            headerCount = headers.Length;

            // Excel's trailing empty columns ("a,b,,") are no columns.
            while (headerCount > 0 && string.IsNullOrWhiteSpace(headers[headerCount - 1]))
            {
                headerCount--;
            }

            for (var i = 0; i < headerCount; i++)
            {
                map.Add(i == 0 ? headers[i].TrimStart('\uFEFF') : headers[i]);
            }

            map.DetectStyle();
        }

        lastRawRow = parser.RawRow;
        lastParserRow = parser.Row;
    }

    private async IAsyncEnumerable<LeadRow> ReadCsvAsync(int skipRows, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var csv = parser!;
        var values = new string?[headerCount];
        var rowNumber = 0;
        while (await NextCsvRecordAsync(rowNumber))
        {
            cancellationToken.ThrowIfCancellationRequested();
            rowNumber++;

            // CsvParser counts blank lines in Row and every line break in RawRow: the record began after the previous one ended, past any blank lines.
            var lineNumber = lastRawRow + (csv.Row - lastParserRow);
            lastRawRow = csv.RawRow;
            lastParserRow = csv.Row;
            var quoteTrouble = strayQuote;
            strayQuote = false;
            if (rowNumber <= skipRows)
            {
                continue;
            }

            var count = csv.Count;
            if (count != headerCount && !IsOnlyTrailingEmptyFields(csv, headerCount))
            {
                yield return LeadRowMapper.Reject(rowNumber, lineNumber, "Row", count > headerCount
                    ? $"row: has {count} fields where the header has {headerCount}; a value probably holds an unquoted delimiter"
                    : $"row: has {count} fields where the header has {headerCount}");
                continue;
            }

            count = headerCount;
            for (var i = 0; i < count; i++)
            {
                values[i] = csv[i];
            }

            var row = mapper.Map(rowNumber, lineNumber, values, count);
            yield return quoteTrouble && row.Lead is not null
                ? row with { Warnings = [.. row.Warnings, "row: has a quote character inside an unquoted value; read as written"] }
                : row;
        }
    }

    /// <summary>Excel pads rows with empty columns ("a,b,,"): more fields than the header is fine when the extra ones are empty.</summary>
    private static bool IsOnlyTrailingEmptyFields(CsvParser csv, int headerCount)
    {
        if (csv.Count < headerCount)
        {
            return false;
        }

        for (var i = headerCount; i < csv.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(csv[i]))
            {
                return false;
            }
        }

        return true;
    }

    private async Task<bool> NextCsvRecordAsync(int rowsRead)
    {
        try
        {
            return await parser!.ReadAsync();
        }
        catch (MaxFieldSizeException e)
        {
            throw new InvalidDataException($"The lead file has a value longer than {MaxFieldLength:N0} characters after row {rowsRead}; a quote is probably never closed.", e);
        }
    }

    private async IAsyncEnumerable<LeadRow> ReadJsonAsync(int skipRows, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var elements = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(json!, topLevelValues: Format == LeadFileFormat.JsonLines, cancellationToken: cancellationToken);
        await using var enumerator = elements.GetAsyncEnumerator(cancellationToken);
        var values = new string?[16];
        var rowNumber = 0;
        while (await NextJsonElementAsync(enumerator, rowNumber))
        {
            rowNumber++;
            if (rowNumber <= skipRows)
            {
                continue;
            }

            var element = enumerator.Current;
            if (element.ValueKind != JsonValueKind.Object)
            {
                yield return LeadRowMapper.Reject(rowNumber, 0, "Row", $"row: must be a JSON object, not {element.ValueKind.ToString().ToLowerInvariant()}");
                continue;
            }

            Array.Clear(values);
            Flatten(element, null, ref values);
            yield return mapper.Map(rowNumber, 0, values, map.Count);
        }
    }

    private static async Task<bool> NextJsonElementAsync(IAsyncEnumerator<JsonElement> enumerator, int rowsRead)
    {
        try
        {
            return await enumerator.MoveNextAsync();
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The JSON lead file is malformed after row {rowsRead}: {e.Message}", e);
        }
    }

    private void Flatten(JsonElement element, string? prefix, ref string?[] values)
    {
        foreach (var property in element.EnumerateObject())
        {
            var name = prefix is null ? property.Name : prefix + " " + property.Name;
            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                Flatten(property.Value, name, ref values);
                continue;
            }

            if (!jsonColumns.TryGetValue(name, out var column))
            {
                column = map.Add(name);
                jsonColumns.Add(name, column);
                map.DetectStyle();
            }

            if (column >= values.Length)
            {
                Array.Resize(ref values, Math.Max(column + 1, values.Length * 2));
            }

            values[column] ??= JsonText(property.Value);
        }
    }

    private static string? JsonText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetDecimal(out var number) ? number.ToString(CultureInfo.InvariantCulture) : value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array => string.Join("; ", value.EnumerateArray().Select(JsonText).Where(text => !string.IsNullOrEmpty(text))),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };
}
