using NmiGate.Core.Metrics.Sampling;

namespace NmiGate.Core.Tests.Metrics.Sampling;

public sealed class AliasTableTests
{
    [Fact]
    public void Each_index_is_drawn_in_proportion_to_its_weight()
    {
        long[] weights = [5, 0, 1, 300, 7, 7, 1, 0, 2];
        const int Draws = 300_000;
        var table = new AliasTable(weights);
        var hits = new long[weights.Length];
        var rng = Xoshiro256StarStar.FromSeed(31);
        for (var draw = 0; draw < Draws; draw++)
        {
            hits[table.Sample(ref rng)]++;
        }

        Assert.Equal(0, hits[1]);
        Assert.Equal(0, hits[7]);
        var total = (double)weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            var p = weights[i] / total;
            var standardError = Math.Sqrt(Draws * p * (1 - p));
            Assert.True(Math.Abs(hits[i] - (Draws * p)) <= (5 * standardError) + 1e-9, $"index {i}: {hits[i]} hits, expected {Draws * p:F0}");
        }
    }

    [Fact]
    public void Weights_past_32_bits_use_the_64_bit_draw_and_keep_their_proportions()
    {
        // Σ w > 2³²: the slot within a column no longer fits a 32-bit half of one output.
        long[] weights = [3_000_000_000, 1_500_000_000, 500_000_000, 1];
        const int Draws = 200_000;
        var table = new AliasTable(weights);
        var hits = new long[weights.Length];
        var rng = Xoshiro256StarStar.FromSeed(37);
        for (var draw = 0; draw < Draws; draw++)
        {
            hits[table.Sample(ref rng)]++;
        }

        var total = (double)weights.Sum();
        for (var i = 0; i < 3; i++)
        {
            var p = weights[i] / total;
            Assert.True(Math.Abs(hits[i] - (Draws * p)) <= 5 * Math.Sqrt(Draws * p * (1 - p)), $"index {i}: {hits[i]} hits, expected {Draws * p:F0}");
        }

        Assert.InRange(hits[3], 0, 2); // probability 2e-10 per draw
    }

    [Fact]
    public void The_construction_is_exact_on_integers()
    {
        // Every column's own share plus what others lend it adds up to its weight, exactly: the
        // probability of index i is Σ over columns of its slots / (n · Σ w) = wᵢ / Σ w.
        long[] weights = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];
        var table = new AliasTable(weights);
        var total = (ulong)weights.Sum();
        var slots = new Int128[weights.Length];
        var (threshold, alias) = table.Columns();
        for (var column = 0; column < weights.Length; column++)
        {
            slots[column] += threshold[column];
            slots[alias[column]] += total - threshold[column];
        }

        for (var i = 0; i < weights.Length; i++)
        {
            Assert.Equal((Int128)weights[i] * weights.Length, slots[i]);
        }
    }

    [Fact]
    public void A_single_weight_is_always_drawn()
    {
        var table = new AliasTable([42]);
        var rng = Xoshiro256StarStar.FromSeed(2);
        for (var draw = 0; draw < 100; draw++)
        {
            Assert.Equal(0, table.Sample(ref rng));
        }
    }

    [Fact]
    public void Zero_total_weight_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new AliasTable([0, 0]));
        Assert.Throws<ArgumentException>(() => new AliasTable([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AliasTable([1, -2]));
    }
}
