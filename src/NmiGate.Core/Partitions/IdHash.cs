using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NmiGate.Core.Partitions;

/// <summary>
/// A 64-bit hash of an id's text (its UTF-16 code units, MurmurHash3-style mixing), so a check can
/// align 10^6 rows as sorted numbers instead of holding every id as a string on both sides.
/// Two distinct ids on the same side with one hash are detected (sorted neighbours) and send the
/// check down the exact, string-keyed path.
/// </summary>
internal static class IdHash
{
    private const ulong C1 = 0x87c37b91114253d5;
    private const ulong C2 = 0x4cf5ad432745937f;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong Of(ReadOnlySpan<char> id)
    {
        var bytes = MemoryMarshal.AsBytes(id);
        var h = 0x9E3779B97F4A7C15UL;
        var i = 0;
        for (; i + 8 <= bytes.Length; i += 8)
        {
            h ^= MixKey(BinaryPrimitives.ReadUInt64LittleEndian(bytes[i..]));
            h = (BitOperations.RotateLeft(h, 27) * 5) + 0x52dce729;
        }

        if (i < bytes.Length)
        {
            ulong tail = 0;
            for (var j = bytes.Length - 1; j >= i; j--)
            {
                tail = (tail << 8) | bytes[j];
            }

            h ^= MixKey(tail);
        }

        return Finish(h ^ (ulong)bytes.Length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MixKey(ulong k) => BitOperations.RotateLeft(k * C1, 31) * C2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Finish(ulong h)
    {
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccd;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53;
        return h ^ (h >> 33);
    }
}
