using SalesOS.Contracts.Outreach;

namespace SalesOS.Outreach.Sequences;

/// <summary>Which version of a step's message a contact gets: by weight, the same every time for the same seed.</summary>
public static class VariantPicker
{
    /// <summary>
    /// Variant i is chosen for a share Weight[i] / ΣWeight of seeds. Use a seed that is fixed for the
    /// contact and step (e.g. enrolment id and step index), so a retried send keeps its variant.
    /// </summary>
    public static SequenceVariant Pick(IReadOnlyList<SequenceVariant> variants, string seed)
    {
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentNullException.ThrowIfNull(seed);
        if (variants.Count == 0)
        {
            throw new ArgumentException("A step needs at least one variant to pick from.", nameof(variants));
        }

        long total = 0;
        foreach (var variant in variants)
        {
            if (variant.Weight < 1)
            {
                throw new ArgumentException($"Variant \"{variant.Id}\" has weight {variant.Weight}; weights start at 1.", nameof(variants));
            }

            total += variant.Weight;
        }

        var draw = SeededDraw.Below("variant", seed, total);
        foreach (var variant in variants)
        {
            draw -= variant.Weight;
            if (draw < 0)
            {
                return variant;
            }
        }

        return variants[^1];
    }
}
