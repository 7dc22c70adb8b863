using System.Text.RegularExpressions;

namespace SalesOS.Gateway.Infrastructure;

/// <summary>Collects field errors for a 400 ValidationProblem: each field with every reason it was refused.</summary>
public sealed partial class Validation
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool IsValid => errors.Count == 0;

    public Validation Require(bool condition, string field, string reason)
    {
        if (!condition)
        {
            if (!errors.TryGetValue(field, out var reasons))
            {
                errors[field] = reasons = [];
            }

            reasons.Add(reason);
        }

        return this;
    }

    /// <summary>Ids that appear in routes and grain keys: letters, digits, '-', '_' and '.', at most 100.</summary>
    public static bool IsId(string? value) => value is not null && IdPattern().IsMatch(value);

    public Validation RequireId(string? value, string field)
        => Require(IsId(value), field,
            "must be 1 to 100 characters of letters, digits, '-', '_' or '.'");

    /// <summary>An optional <c>Idempotency-Key</c> header: when present, 1 to 128 characters of letters, digits, '-', '_', '.' or ':'.</summary>
    public Validation RequireIdempotencyKey(string? value)
        => Require(value is null || IdempotencyKey.IsValid(value), IdempotencyKey.HeaderName,
            "must be 1 to 128 characters of letters, digits, '-', '_', '.' or ':'");

    public Dictionary<string, string[]> ToDictionary() => errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex IdPattern();
}
