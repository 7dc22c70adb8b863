using System.Text.RegularExpressions;

namespace SalesOS.Domain.Markets;

/// <summary>
/// A closed list of names, each with the spellings that mean it, found in text as whole words. At
/// each place the longest spelling wins, so "Latin America" is LATAM and never also the US, and
/// "online retail" is E-commerce, not Retail. A spelling written with capitals ("US", "GA") matches
/// only as written, because in lowercase it is an ordinary English word.
/// </summary>
internal sealed class Vocabulary
{
    private readonly Regex pattern;
    private readonly Dictionary<string, string> nameBySpelling = new(StringComparer.OrdinalIgnoreCase);

    public Vocabulary(IEnumerable<(string Name, string[] Spellings)> entries)
    {
        var names = new List<string>();
        foreach (var (name, spellings) in entries)
        {
            names.Add(name);
            foreach (var spelling in spellings)
            {
                if (!nameBySpelling.TryAdd(spelling, name))
                {
                    throw new ArgumentException($"The spelling \"{spelling}\" means both {nameBySpelling[spelling]} and {name}.", nameof(entries));
                }
            }
        }

        Names = names;
        var alternatives = nameBySpelling.Keys
            .OrderByDescending(spelling => spelling.Length)
            .Select(spelling => spelling.Any(char.IsUpper) ? Regex.Escape(spelling) : $"(?i:{Regex.Escape(spelling)})");
        pattern = new Regex($@"(?<![\w])(?:{string.Join('|', alternatives)})(?![\w])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    public IReadOnlyList<string> Names { get; }

    /// <summary>The names mentioned in the text, each once, in the order they first appear.</summary>
    public List<string> Find(string text) => [.. pattern.Matches(text).Select(match => nameBySpelling[match.Value]).Distinct()];

    /// <summary>Whether the text mentions any name at all.</summary>
    public bool Mentions(string text) => pattern.IsMatch(text);
}
