using System.Collections.Frozen;

namespace SalesOS.Prospecting.Contacts;

/// <summary>
/// A set of lowercase domains looked up without allocating, either exactly or together with every
/// subdomain ("x.mailinator.com" is in a set holding "mailinator.com").
/// </summary>
internal sealed class DomainSuffixSet
{
    private readonly FrozenSet<string> domains;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public DomainSuffixSet(IEnumerable<string> domains)
    {
        this.domains = domains.Select(d => d.Trim().TrimEnd('.').ToLowerInvariant()).Where(d => d.Length > 0).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        lookup = this.domains.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => domains.Count;

    public IEnumerable<string> Items => domains;

    public bool ContainsExactly(ReadOnlySpan<char> domain) => lookup.Contains(TrimDot(domain));

    /// <summary>The listed domain that <paramref name="domain"/> is, or is a subdomain of; null when none.</summary>
    public string? FindSelfOrParent(ReadOnlySpan<char> domain)
    {
        var rest = TrimDot(domain);
        while (true)
        {
            if (lookup.TryGetValue(rest, out var listed))
            {
                return listed;
            }

            var dot = rest.IndexOf('.');
            if (dot < 0)
            {
                return null;
            }

            rest = rest[(dot + 1)..];
        }
    }

    /// <summary>The part after the last "@" of an address, or the text itself when it has none.</summary>
    public static ReadOnlySpan<char> DomainOf(ReadOnlySpan<char> addressOrDomain)
    {
        var at = addressOrDomain.LastIndexOf('@');
        return at >= 0 ? addressOrDomain[(at + 1)..] : addressOrDomain;
    }

    private static ReadOnlySpan<char> TrimDot(ReadOnlySpan<char> domain) => domain.Trim().TrimEnd('.');
}
