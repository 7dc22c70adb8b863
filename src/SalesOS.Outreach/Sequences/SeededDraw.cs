using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace SalesOS.Outreach.Sequences;

/// <summary>
/// Deterministic draws from a seed string, the same on every machine and every run (string.GetHashCode
/// is randomised per process). Each use names its purpose, so the jitter of a step and the variant it
/// picks are not correlated when both come from the same seed.
/// </summary>
internal static class SeededDraw
{
    /// <summary>64 well-mixed bits from the purpose and the seed.</summary>
    public static ulong Bits(string purpose, string seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(purpose + "\n" + seed), hash);
        return BinaryPrimitives.ReadUInt64LittleEndian(hash);
    }

    /// <summary>A number in [0, 1).</summary>
    public static double Unit(string purpose, string seed) => (Bits(purpose, seed) >> 11) * (1.0 / (1UL << 53));

    /// <summary>A whole number in [0, count).</summary>
    public static long Below(string purpose, string seed, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);

        // 64 bits modulo a count of a few thousand at most: the bias is below 1e-15.
        return (long)(Bits(purpose, seed) % (ulong)count);
    }
}
