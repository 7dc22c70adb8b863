using System.Text;
using SalesOS.Prospecting.Import;

namespace SalesOS.Tests.Prospecting.Import;

public sealed class EncodingAndDialectTests
{
    [Fact]
    public async Task GermanExcelExport_IsReadAsWindows1252WithSemicolonsAndGermanNumbers()
    {
        var (reader, rows) = await LeadSamples.ReadAsync("german-excel.csv");

        Assert.Equal(1252, reader.Encoding.CodePage);
        Assert.False(reader.HasByteOrderMark);
        Assert.Equal(';', reader.Delimiter);
        Assert.Empty(reader.IgnoredColumns);
        Assert.Equal(LeadField.Email, reader.FieldOf("E-Mail"));
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Empty(r.Warnings));

        var mueller = rows.Lead(1);
        Assert.Equal("Müller & Söhne GmbH", mueller.CompanyName);
        Assert.Equal(("mueller-soehne.de", LeadDomainSource.Website), (mueller.Domain, mueller.DomainSource));
        Assert.Equal(1200, mueller.EmployeeCount);
        Assert.Equal((2_500_000m, "EUR"), (mueller.AnnualRevenue, mueller.RevenueCurrency));
        Assert.Equal(("DE", "München"), (mueller.Country, mueller.City));
        Assert.Equal(("Jürgen", "Weiß", "Geschäftsführer"), (mueller.Contact!.FirstName, mueller.Contact.LastName, mueller.Contact.Title));

        var baeckerei = rows.Lead(2);
        Assert.Equal((12, 850_000m, "AT", "Wien"), (baeckerei.EmployeeCount!.Value, baeckerei.AnnualRevenue!.Value, baeckerei.Country, baeckerei.City));

        var schmidt = rows.Lead(3);
        Assert.Equal("Schmidt, Weber & Partner", schmidt.CompanyName);
        Assert.Equal((1500, 1_250_000.50m, "CH", "Zürich"), (schmidt.EmployeeCount!.Value, schmidt.AnnualRevenue!.Value, schmidt.Country, schmidt.City));
    }

    [Fact]
    public async Task ExcelUnicodeText_IsReadAsUtf16LittleEndianWithTabs()
    {
        var (reader, rows) = await LeadSamples.ReadAsync("excel-unicode-text.txt");

        Assert.Equal("utf-16", reader.Encoding.WebName);
        Assert.True(reader.HasByteOrderMark);
        Assert.Equal('\t', reader.Delimiter);
        Assert.Equal(3, rows.Count);
        Assert.Equal(("Société Générale Conseil", "sgconseil.fr", "FR", 250), (rows.Lead(1).CompanyName, rows.Lead(1).Domain, rows.Lead(1).Country, rows.Lead(1).EmployeeCount!.Value));
        Assert.Equal(("東京テック株式会社", "tokyo-tech.jp", "JP", "東京"), (rows.Lead(2).CompanyName, rows.Lead(2).Domain, rows.Lead(2).Country, rows.Lead(2).City));
        Assert.Equal(("xn--bcher-kva.de", "DE", "Köln"), (rows.Lead(3).Domain, rows.Lead(3).Country, rows.Lead(3).City));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Utf16BigEndian_WithOrWithoutByteOrderMark_IsDetected(bool byteOrderMark)
    {
        var text = "Company,Domain,City\nKöln Digital,koeln-digital.de,Köln\n";
        var bytes = (byteOrderMark ? new byte[] { 0xFE, 0xFF } : []).Concat(Encoding.BigEndianUnicode.GetBytes(text)).ToArray();

        var (reader, rows) = await LeadSamples.ReadAsync(new MemoryStream(bytes));

        Assert.Equal("utf-16BE", reader.Encoding.WebName);
        Assert.Equal(byteOrderMark, reader.HasByteOrderMark);
        Assert.Equal(("Köln Digital", "koeln-digital.de", "Köln"), (rows.Lead(1).CompanyName, rows.Lead(1).Domain, rows.Lead(1).City));
    }

    [Fact]
    public async Task Utf8ByteOrderMark_IsSkippedAndNotPartOfTheFirstHeader()
    {
        var (reader, rows) = await LeadSamples.ReadAsync("utf8-bom.csv");

        Assert.Equal("utf-8", reader.Encoding.WebName);
        Assert.True(reader.HasByteOrderMark);
        Assert.Equal(new LeadColumn(0, "Company", LeadField.CompanyName), reader.Columns[0]);
        Assert.Equal(("Zürcher Kantonalbank", "zkb.ch", "CH", "Zürich"), (rows.Lead(1).CompanyName, rows.Lead(1).Domain, rows.Lead(1).Country, rows.Lead(1).City));
        Assert.Equal(("Øresund Shipping", "DK", "København"), (rows.Lead(2).CompanyName, rows.Lead(2).Country, rows.Lead(2).City));
    }

    [Fact]
    public async Task TabSeparatedSnakeCaseHeaders_MapAndSplitTechnologies()
    {
        var (reader, rows) = await LeadSamples.ReadAsync("tab-separated.tsv");

        Assert.Equal('\t', reader.Delimiter);
        Assert.Equal("utf-8", reader.Encoding.WebName);
        Assert.Equal([LeadField.CompanyName, LeadField.Domain, LeadField.Industry, LeadField.Technologies, LeadField.EmployeeCount], reader.Columns.Select(c => c.Field!.Value));
        Assert.Equal(["React", "Node.js", "AWS"], rows.Lead(1).Technologies);
        Assert.Equal(12, rows.Lead(1).EmployeeCount);
        Assert.Equal(["Go", "Kubernetes", "Borg"], rows.Lead(2).Technologies);
        Assert.Equal(25_000, rows.Lead(2).EmployeeCount);
    }

    [Fact]
    public async Task QuotedNewlinesRaggedRowsTrailingColumnsAndDuplicateHeaders_AreHandledRowByRow()
    {
        var (reader, rows) = await LeadSamples.ReadAsync("quoted-newlines.csv");

        Assert.Equal(',', reader.Delimiter);
        Assert.Equal(["Company", "Domain", "Notes", "Email", "Email"], reader.Columns.Select(c => c.Header));
        Assert.Equal(["Notes"], reader.IgnoredColumns);
        Assert.Equal([(1, 2L), (2, 4L), (3, 5L), (4, 6L), (5, 7L), (6, 11L)], rows.Select(r => (r.RowNumber, r.LineNumber)));

        var initrode = rows.Lead(1);
        Assert.Equal("Met at the fair.\nFollow up in \"Q3\", bring samples.", initrode.Extra("Notes"));
        Assert.Equal("email:peter@initrode.com", initrode.Contact!.Identity.Key);

        // Of two "Email" columns the first with a value wins.
        Assert.Equal("email:art@vandelay.com", rows.Lead(2).Contact!.Identity.Key);

        var ragged = rows.Rejected(3);
        Assert.Equal(("Row", "row: has 7 fields where the header has 5; a value probably holds an unquoted delimiter"), (ragged.RejectedField, ragged.RejectReason));
        Assert.Equal("row: has 2 fields where the header has 5", rows.Rejected(4).RejectReason);

        Assert.Equal(("Multi\nLine Corp", "multiline.com", "a\nb"), (rows.Lead(5).CompanyName, rows.Lead(5).Domain, rows.Lead(5).Extra("Notes")));
        Assert.Equal("hooli.xyz", rows.Lead(6).Domain);
    }

    [Fact]
    public async Task ExcelSeparatorLine_NamesTheDelimiterAndIsNotTheHeader()
    {
        var csv = "sep=|\r\nCompany|Domain\r\nAcme, Inc.|acme.com\r\n";

        var (reader, rows) = await LeadSamples.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)));

        Assert.Equal('|', reader.Delimiter);
        Assert.Equal(["Company", "Domain"], reader.Columns.Select(c => c.Header));
        Assert.Equal(("Acme, Inc.", 3L), (rows.Lead(1).CompanyName, rows.Single().LineNumber));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Company,Domain\n")]
    [InlineData("\n\n")]
    public async Task FileWithoutDataRows_YieldsNoRows(string text)
    {
        var (reader, rows) = await LeadSamples.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)));

        Assert.Equal(LeadFileFormat.Csv, reader.Format);
        Assert.Empty(rows);
    }

    [Fact]
    public async Task UnclosedQuote_FailsInsteadOfBufferingTheRestOfTheFile()
    {
        var text = "Company,Domain\nAcme,acme.com\n\"Never closed," + new string('x', LeadFileReader.MaxFieldLength + 10);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => LeadSamples.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text))));

        Assert.Contains("after row 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_ValidUtf8WithoutByteOrderMark_IsUtf8()
    {
        var bytes = Encoding.UTF8.GetBytes("Firma\nMüller\n");

        Assert.Equal("utf-8", LeadTextEncoding.Detect(bytes, isWholeFile: true, out var bom).WebName);
        Assert.Equal(0, bom);
    }

    [Fact]
    public void Detect_Windows1252Bytes_AreNotUtf8()
    {
        var bytes = LeadTextEncoding.Windows1252.GetBytes("Firma;Umsatz\nMüller;2,5 Mio. €\n");

        Assert.Equal(1252, LeadTextEncoding.Detect(bytes, isWholeFile: true, out _).CodePage);
    }

    [Fact]
    public void Detect_SampleCutInsideAMultiByteCharacter_IsStillUtf8()
    {
        var bytes = Encoding.UTF8.GetBytes("Company\nZürich");
        var cut = bytes.AsSpan(0, bytes.Length - 5);

        Assert.Equal(0xC3, cut[^1]);
        Assert.Equal("utf-8", LeadTextEncoding.Detect(cut, isWholeFile: false, out _).WebName);
        Assert.Equal(1252, LeadTextEncoding.Detect(cut, isWholeFile: true, out _).CodePage);
    }

    [Theory]
    [InlineData("a,b,c\n1,2,3\n", ',')]
    [InlineData("a;b;c\n1,5;2;3\n4;5,5;6\n", ';')]
    [InlineData("a\tb\n1\t2\n", '\t')]
    [InlineData("a|b\n1|2\n", '|')]
    [InlineData("name;city\n\"Müller, Schmidt GmbH\";Köln\n\"Weber, Partner\";Bonn\n", ';')]
    [InlineData("name,notes\nAcme,\"one;two;three\nfour;five\"\nGlobex,plain\n", ',')]
    [InlineData("Company Name,Notes\n\"Acme; Inc\",x\n", ',')]
    [InlineData("single column\nvalue\n", ',')]
    public void Sniff_PicksTheDelimiterThatSplitsRecordsConsistently(string text, char expected)
        => Assert.Equal(expected, CsvDelimiterSniffer.Sniff(text, isWholeFile: true));
}
