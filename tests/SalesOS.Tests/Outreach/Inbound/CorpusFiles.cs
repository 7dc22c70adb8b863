using System.Text;
using SalesOS.Testing;

namespace SalesOS.Tests.Outreach.Inbound;

/// <summary>The mail corpora (copied from the shared test corpora, see <c>Corpus/README.md</c>) and a reader for their CSV manifests (quoted fields may span lines).</summary>
public static class CorpusFiles
{
    public static string Folder(string name) => Path.Combine(RepositoryPaths.Root, "tests", "SalesOS.Tests", "Outreach", "Inbound", "Corpus", name);

    public static List<Dictionary<string, string>> ReadCsv(string path)
    {
        var rows = new List<List<string>>();
        var text = File.ReadAllText(path, Encoding.UTF8);
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    row.Add(field.ToString());
                    field.Clear();
                    rows.Add(row);
                    row = [];
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        var header = rows[0];
        return rows.Skip(1)
            .Where(r => r.Count == header.Count)
            .Select(r => header.Select((h, i) => (h, r[i])).ToDictionary(p => p.h, p => p.Item2, StringComparer.Ordinal))
            .ToList();
    }
}
