namespace SalesOS.Prospecting.Import;

/// <summary>
/// Which column feeds which field. Columns may be added while reading (JSON objects bring their keys
/// as they come). Per field, columns are kept in preference order: alias rank, then file order, so a
/// duplicated header feeds its field from the first column that has a value.
/// </summary>
internal sealed class LeadHeaderMap
{
    private static readonly int FieldCount = Enum.GetValues<LeadField>().Length;

    private readonly List<LeadColumn> columns = [];
    private readonly List<int> ranks = [];
    private readonly List<int>[] byField = Enumerable.Range(0, FieldCount).Select(_ => new List<int>(1)).ToArray();
    private readonly List<string> extraNames = [];
    private readonly Dictionary<string, int> extraNameUses = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<LeadColumn> Columns => columns;

    public LeadExportStyle Style { get; private set; }

    /// <summary>Columns no field took, by header; their values travel as <see cref="LeadRecord.ExtraFields"/>.</summary>
    public IReadOnlyList<string> IgnoredColumns => columns.Where(c => c.Field is null).Select(c => extraNames[c.Index]).ToArray();

    public int Count => columns.Count;

    public int Add(string header)
    {
        var index = columns.Count;
        var text = header.Trim();
        LeadField? field = null;
        var rank = 0;
        if (LeadHeaders.TryMatch(text, out var matched, out rank))
        {
            field = matched;
            var list = byField[(int)matched];
            var at = list.FindIndex(other => ranks[other] > rank);
            list.Insert(at < 0 ? list.Count : at, index);
        }

        columns.Add(new LeadColumn(index, text, field));
        ranks.Add(rank);

        // Extra fields need unique, non-empty names: "Column 7" for a blank header, "Notes (2)" for a repeated one.
        var name = text.Length == 0 ? $"Column {index + 1}" : text;
        var uses = extraNameUses.GetValueOrDefault(name) + 1;
        extraNameUses[name] = uses;
        extraNames.Add(uses == 1 ? name : $"{name} ({uses})");
        return index;
    }

    public void DetectStyle() => Style = LeadHeaders.DetectStyle(columns.Select(c => c.Header));

    public List<int> ColumnsFor(LeadField field) => byField[(int)field];

    public string ExtraName(int column) => extraNames[column];
}
