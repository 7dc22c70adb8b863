using System.Globalization;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;

namespace SalesOS.Outreach.Messages;

// The Liquid values a model hands to Fluid. A missing value is nil to Liquid (so `default`, `if` and `== empty`
// see it as missing) but writes its fallback when it reaches the output.

/// <summary>A variable without data: nil to conditions and filters, its fallback in the text.</summary>
internal sealed class MissingTextValue(string fallback) : FluidValue
{
    public string Fallback { get; } = fallback;

    public override FluidValues Type => FluidValues.Nil;

    public override bool IsNil() => true;

    public override bool Equals(FluidValue other) =>
        other.IsNil() || other == EmptyValue.Instance || other == BlankValue.Instance
        || (other.Type == FluidValues.String && other.ToStringValue().Length == 0);

    public override bool ToBooleanValue() => false;

    public override decimal ToNumberValue() => 0;

    public override string ToStringValue() => Fallback;

    public override object ToObjectValue() => Fallback;

    [Obsolete("Fluid renders through WriteToAsync; kept because the base class requires it.")]
    public override void WriteTo(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo) => writer.Write(Fallback);

    public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo)
    {
        writer.Write(Fallback);
        return default;
    }

    public override bool Equals(object? obj) => obj is FluidValue other && Equals(other);

    public override int GetHashCode() => 0;
}

/// <summary>A list of texts that reads as "A, B and C" when written out, and as its fallback when empty.</summary>
internal sealed class TextListValue(IReadOnlyList<string> items, string fallback) : FluidValue
{
    public IReadOnlyList<string> Items { get; } = items;

    public override FluidValues Type => FluidValues.Array;

    public override bool Equals(FluidValue other) =>
        other == EmptyValue.Instance || other == BlankValue.Instance || other.IsNil()
            ? Items.Count == 0
            : other is TextListValue list && list.Items.SequenceEqual(Items);

    public override bool ToBooleanValue() => true;

    public override decimal ToNumberValue() => Items.Count;

    public override string ToStringValue() => Items.Count == 0 ? fallback : Prose(Items);

    public override object ToObjectValue() => Items;

    public override IEnumerable<FluidValue> Enumerate(TemplateContext context) => Items.Select(StringValue.Create);

    public override bool Contains(FluidValue value) => Items.Contains(value.ToStringValue(), StringComparer.Ordinal);

    public override ValueTask<FluidValue> GetValueAsync(string name, TemplateContext context) => name switch
    {
        "size" => new(NumberValue.Create(Items.Count)),
        "first" => new(Items.Count > 0 ? StringValue.Create(Items[0]) : NilValue.Instance),
        "last" => new(Items.Count > 0 ? StringValue.Create(Items[^1]) : NilValue.Instance),
        _ => new(NilValue.Instance),
    };

    public override ValueTask<FluidValue> GetIndexAsync(FluidValue index, TemplateContext context)
    {
        var i = index.ToNumberValue();
        return new(i >= 0 && i < Items.Count && i == decimal.Truncate(i) ? StringValue.Create(Items[(int)i]) : NilValue.Instance);
    }

    [Obsolete("Fluid renders through WriteToAsync; kept because the base class requires it.")]
    public override void WriteTo(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo) => writer.Write(ToStringValue());

    public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo)
    {
        writer.Write(ToStringValue());
        return default;
    }

    public override bool Equals(object? obj) => obj is FluidValue other && Equals(other);

    public override int GetHashCode() => Items.Count;

    internal static string Prose(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };
}

/// <summary>One root of the model (contact, company, sender, links): its members by name, nil for anything else.</summary>
internal sealed class ScopeValue(IReadOnlyDictionary<string, FluidValue> members) : FluidValue
{
    public IReadOnlyDictionary<string, FluidValue> Members { get; } = members;

    public override FluidValues Type => FluidValues.Dictionary;

    public override bool Equals(FluidValue other) => ReferenceEquals(this, other);

    public override bool ToBooleanValue() => true;

    public override decimal ToNumberValue() => 0;

    public override string ToStringValue() => "";

    public override object ToObjectValue() => Members;

    public override ValueTask<FluidValue> GetValueAsync(string name, TemplateContext context) =>
        new(Members.TryGetValue(name, out var value) ? value : NilValue.Instance);

    public override ValueTask<FluidValue> GetIndexAsync(FluidValue index, TemplateContext context) =>
        GetValueAsync(index.ToStringValue(), context);

    [Obsolete("Fluid renders through WriteToAsync; kept because the base class requires it.")]
    public override void WriteTo(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo)
    {
    }

    public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo) => default;

    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    public override int GetHashCode() => Members.Count;
}
