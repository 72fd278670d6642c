namespace Sightline.Core.Demo;

/// <summary>
/// A seeded random source for the London-scale generator. Each kind of row draws from its own
/// stream (<see cref="For"/>), so the rows of one table do not change when another table's count
/// does, and a table can be generated again (to write a child table) and come out the same.
/// </summary>
public sealed class LondonScaleRandom(int seed)
{
    private readonly Random _random = new(seed);

    public static LondonScaleRandom For(int seed, string stream) =>
        new(unchecked(seed * 7_919 + StableHash(stream)));

    /// <summary>string.GetHashCode differs between processes; this does not.</summary>
    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text) hash = unchecked(hash * 31 + c);
        return hash;
    }

    public Guid Guid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)(bytes[7] & 0x0F | 0x40); // version 4 (random), as Guid.NewGuid would be
        bytes[8] = (byte)(bytes[8] & 0x3F | 0x80);
        return new Guid(bytes);
    }

    public int Next(int max) => _random.Next(max);
    public int Next(int min, int max) => _random.Next(min, max);
    public bool Chance(double probability) => _random.NextDouble() < probability;
    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>Person <paramref name="index"/>'s share of <paramref name="total"/> rows: shares differ by at most one and add up exactly.</summary>
    public static int Share(long total, int people, int index) =>
        (int)(total * (index + 1) / people - total * index / people);
}
