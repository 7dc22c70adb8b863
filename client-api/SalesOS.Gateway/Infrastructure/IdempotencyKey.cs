using System.Text.RegularExpressions;

namespace SalesOS.Gateway.Infrastructure;

/// <summary>
/// The <c>Idempotency-Key</c> request header: a command sent again with the same key (a retry after a
/// timeout, a lost response, a crash) has its effect once. The key travels to the grain, which
/// remembers the keys it applied in its persisted state.
/// </summary>
public static partial class IdempotencyKey
{
    public const string HeaderName = "Idempotency-Key";

    public static bool IsValid(string value) => Pattern().IsMatch(value);

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,128}$")]
    private static partial Regex Pattern();
}
