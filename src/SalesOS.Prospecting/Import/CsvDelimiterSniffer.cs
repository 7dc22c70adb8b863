namespace SalesOS.Prospecting.Import;

/// <summary>
/// Picks the delimiter among , ; tab | from the first records of a CSV text: the one that splits the
/// header into the most columns while the following records agree with that count. Quoted text is
/// skipped, so commas inside "Müller, Schmidt GmbH" or a quoted newline do not count.
/// </summary>
public static class CsvDelimiterSniffer
{
    public static readonly char[] Candidates = [',', ';', '\t', '|'];

    private const int MaxRecords = 20;

    /// <param name="text">The start of the file, decoded.</param>
    /// <param name="isWholeFile">False when the text was cut: its last record may be partial and is ignored.</param>
    public static char Sniff(ReadOnlySpan<char> text, bool isWholeFile)
    {
        var counts = new List<int[]>();
        var current = new int[Candidates.Length];
        var inQuotes = false;
        var recordHasText = false;
        for (var i = 0; i < text.Length && counts.Count < MaxRecords; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                inQuotes = !inQuotes;
                recordHasText = true;
            }
            else if (inQuotes)
            {
                continue;
            }
            else if (c is '\n' or '\r')
            {
                if (recordHasText)
                {
                    counts.Add(current);
                    current = new int[Candidates.Length];
                }

                recordHasText = false;
            }
            else
            {
                recordHasText = true;
                var candidate = Array.IndexOf(Candidates, c);
                if (candidate >= 0)
                {
                    current[candidate]++;
                }
            }
        }

        if (recordHasText && isWholeFile && counts.Count < MaxRecords)
        {
            counts.Add(current);
        }

        if (counts.Count == 0)
        {
            return ',';
        }

        // Score: records agreeing with the header's count, then the header's column count; a tie keeps the earlier candidate.
        var best = 0;
        var bestAgreeing = -1;
        var bestColumns = 0;
        for (var d = 0; d < Candidates.Length; d++)
        {
            var header = counts[0][d];
            if (header == 0)
            {
                continue;
            }

            var agreeing = 0;
            for (var r = 1; r < counts.Count; r++)
            {
                agreeing += counts[r][d] == header ? 1 : 0;
            }

            if (agreeing > bestAgreeing || (agreeing == bestAgreeing && header > bestColumns))
            {
                (best, bestAgreeing, bestColumns) = (d, agreeing, header);
            }
        }

        return Candidates[best];
    }
}
