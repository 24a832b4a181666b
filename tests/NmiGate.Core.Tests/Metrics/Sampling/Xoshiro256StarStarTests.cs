using NmiGate.Core.Metrics.Sampling;

namespace NmiGate.Core.Tests.Metrics.Sampling;

public sealed class Xoshiro256StarStarTests
{
    [Fact]
    public void State_1_2_3_4_gives_the_reference_implementation_outputs()
    {
        // Outputs of Vigna's xoshiro256starstar.c from s = {1, 2, 3, 4}.
        var rng = new Xoshiro256StarStar(1, 2, 3, 4);
        ulong[] expected = [11520, 0, 1509978240, 1215971899390074240, 1216172134540287360, 607988272756665600];
        foreach (var value in expected)
        {
            Assert.Equal(value, rng.NextUInt64());
        }
    }

    [Fact]
    public void SplitMix64_from_seed_zero_gives_the_reference_implementation_outputs()
    {
        var expander = new SplitMix64(0);
        Assert.Equal(0xE220A8397B1DCDAFUL, expander.Next());
        Assert.Equal(0x6E789E6AA1B965F4UL, expander.Next());
        Assert.Equal(0x06C45D188009454FUL, expander.Next());
    }

    [Fact]
    public void Seeding_expands_the_seed_through_SplitMix64()
    {
        var rng = Xoshiro256StarStar.FromSeed(0);
        var expander = new SplitMix64(0);
        var expected = new Xoshiro256StarStar(expander.Next(), expander.Next(), expander.Next(), expander.Next());
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(expected.NextUInt64(), rng.NextUInt64());
        }
    }

    [Fact]
    public void All_zero_state_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new Xoshiro256StarStar(0, 0, 0, 0));
    }

    [Fact]
    public void The_same_seed_and_stream_give_the_same_sequence()
    {
        var first = Xoshiro256StarStar.ForStream(42, 7);
        var second = Xoshiro256StarStar.ForStream(42, 7);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(first.NextUInt64(), second.NextUInt64());
        }
    }

    [Fact]
    public void Different_streams_and_seeds_start_differently()
    {
        var starts = new HashSet<ulong>();
        for (ulong seed = 0; seed < 10; seed++)
        {
            for (ulong stream = 0; stream < 1000; stream++)
            {
                var rng = Xoshiro256StarStar.ForStream(seed, stream);
                Assert.True(starts.Add(rng.NextUInt64()), $"seed {seed}, stream {stream} repeats an earlier first output");
            }
        }
    }

    [Fact]
    public void Uniform_doubles_lie_strictly_inside_the_unit_interval_with_mean_one_half()
    {
        const int Draws = 1_000_000;
        var rng = Xoshiro256StarStar.FromSeed(1);
        double sum = 0;
        double min = 1;
        double max = 0;
        for (var i = 0; i < Draws; i++)
        {
            var u = rng.NextDouble();
            sum += u;
            min = Math.Min(min, u);
            max = Math.Max(max, u);
        }

        Assert.True(min > 0 && max < 1, $"range [{min}, {max}]");
        var standardError = Math.Sqrt(1.0 / 12 / Draws);
        Assert.InRange(sum / Draws, 0.5 - (5 * standardError), 0.5 + (5 * standardError));
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(3UL)]
    [InlineData(10UL)]
    [InlineData((1UL << 63) + 1)] // about half of the 64-bit outputs are rejected: the retry path
    public void Bounded_draws_are_uniform_below_the_bound(ulong bound)
    {
        const int Draws = 120_000;
        var rng = Xoshiro256StarStar.FromSeed(17);
        var buckets = new long[(int)Math.Min(bound, 4)];
        for (var draw = 0; draw < Draws; draw++)
        {
            var value = rng.NextBelow(bound);
            Assert.True(value < bound);
            buckets[(int)(value / ((bound + (ulong)buckets.Length - 1) / (ulong)buckets.Length))]++;
        }

        // Each of the (at most four) equal ranges of [0, bound) gets its share, within 5 standard errors.
        for (var b = 0; b < buckets.Length; b++)
        {
            var width = (bound + (ulong)buckets.Length - 1) / (ulong)buckets.Length;
            var size = Math.Min(width, bound - ((ulong)b * width));
            var p = (double)size / bound;
            Assert.True(Math.Abs(buckets[b] - (Draws * p)) <= (5 * Math.Sqrt(Draws * p * (1 - p))) + 1e-9, $"range {b}: {buckets[b]}, expected {Draws * p:F0}");
        }
    }
}
