using NmiGate.Core.Partitions;

namespace NmiGate.Core.Tests.Partitions;

public sealed class HashSortTests
{
    public static TheoryData<string, int> Inputs => new()
    {
        { "uniform", 200_000 },
        { "uniform", 20 },
        { "few values", 50_000 },
        { "all equal", 10_000 },
        { "ascending", 30_000 },
        { "descending", 30_000 },
        { "shared top bytes", 40_000 },
        { "empty", 0 },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Sorts_keys_ascending_and_keeps_each_item_with_its_key(string shape, int count)
    {
        var random = new Random(count + shape.Length);
        var keys = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = shape switch
            {
                "few values" => (ulong)random.Next(5) << 61,
                "all equal" => 42UL,
                "ascending" => (ulong)i * 977,
                "descending" => ulong.MaxValue - ((ulong)i * 31),
                "shared top bytes" => 0xABCD_0000_0000_0000UL | (ulong)random.NextInt64(1L << 20),
                _ => (ulong)random.NextInt64() ^ ((ulong)random.Next() << 33),
            };
        }

        // The item is derived from the key, so a key that moved without its item shows.
        var items = keys.Select(Item).ToArray();
        var expected = keys.Order().ToArray();

        HashSort.Sort(keys.AsSpan(), items.AsSpan());

        Assert.Equal(expected, keys);
        Assert.Equal(keys.Select(Item), items);
    }

    [Fact]
    public void Keys_and_items_of_different_lengths_are_refused() =>
        Assert.Throws<ArgumentException>(() => HashSort.Sort(new ulong[3].AsSpan(), new byte[2].AsSpan()));

    private static ushort Item(ulong key) => (ushort)((key * 0x9E3779B97F4A7C15UL) >> 48);
}
