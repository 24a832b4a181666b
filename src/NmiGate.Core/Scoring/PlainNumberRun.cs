using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NmiGate.Core.Scoring;

/// <summary>
/// Recognises, 64 characters at a time, text made only of plain decimal numbers
/// (<c>[+-]?digits(.digits)?</c>) joined by single separators: what nearly every row of a feature
/// file is. A row that passes needs no per-field split and no per-field number check; anything
/// else (exponents, NaN, blanks, quotes, empty fields) returns false and is read field by field.
/// </summary>
/// <remarks>
/// Everything accepted here is a number to <see cref="NumberText.IsNumber"/> (a subset of its scan),
/// so a false here costs time, never a verdict. The checks work on bit masks, one bit per
/// character: D digits, S separators, P points, M signs.
/// </remarks>
internal static class PlainNumberRun
{
    private const int Block = 64;

    /// <summary>Whether <paramref name="separator"/> can delimit plain numbers (it must not be a character of one).</summary>
    public static bool Supports(char separator) =>
        separator < 128 && !char.IsAsciiDigit(separator) && separator is not ('.' or '+' or '-');

    /// <summary>
    /// Whether <paramref name="text"/> is one or more plain numbers joined by <paramref name="separator"/>;
    /// <paramref name="separators"/> counts the separators when it is.
    /// </summary>
    public static bool TryMatch(ReadOnlySpan<char> text, char separator, out int separators)
    {
        separators = 0;
        if (text.IsEmpty || !char.IsAsciiDigit(text[^1]))
        {
            return false; // empty, or a trailing separator, sign or point
        }

        Span<char> padded = stackalloc char[Block];
        var carriedDigit = 0UL;
        var carriedStart = 1UL; // a field starts at position 0, as if a separator preceded it
        var carriedSignOrPoint = 0UL;
        var carriedPoint = 0UL;
        var carry = 0UL;
        for (var offset = 0; offset < text.Length; offset += Block)
        {
            var length = Math.Min(Block, text.Length - offset);
            var live = length == Block ? ulong.MaxValue : (1UL << length) - 1;
            ulong digit, sep, point, sign;
            bool ascii;
            if (length == Block)
            {
                ascii = Classify(text.Slice(offset, Block), separator, out digit, out sep, out point, out sign);
            }
            else if (text.Length >= Block)
            {
                // The last, partial block: classify the 64 characters ending the text and keep the
                // new ones, rather than copying them to a padded buffer.
                ascii = Classify(text[^Block..], separator, out digit, out sep, out point, out sign);
                var seen = Block - length;
                (digit, sep, point, sign) = (digit >> seen, sep >> seen, point >> seen, sign >> seen);
            }
            else
            {
                text.CopyTo(padded);
                padded[length..].Fill('0');
                ascii = Classify(padded, separator, out digit, out sep, out point, out sign);
            }

            if (!ascii)
            {
                return false; // a character beyond ASCII
            }

            digit &= live;
            sep &= live;
            point &= live;
            sign &= live;
            if ((live & ~(digit | sep | point | sign)) != 0)
            {
                return false; // a character that plain numbers do not have
            }

            var start = (sep << 1) | carriedStart; // first character of a field
            var afterDigit = (digit << 1) | carriedDigit;
            var afterSignOrPoint = ((sign | point) << 1) | carriedSignOrPoint;
            var afterPoint = (point << 1) | carriedPoint;

            // A field opens with a digit or a sign; a sign only opens a field; a sign or a point is
            // followed by a digit; a point or a separator follows a digit (so no field is empty).
            if ((start & live & ~(digit | sign)) != 0
                || (sign & ~start) != 0
                || (afterSignOrPoint & live & ~digit) != 0
                || ((point | sep) & ~afterDigit) != 0)
            {
                return false;
            }

            // At most one point per field: the next point-or-separator after a point must be a
            // separator. Adding a bit just after each point to the mask of other characters
            // carries it along that field's digits onto the next point-or-separator; the carry
            // goes on into the next block when the digits run past this one.
            var marks = point | sep;
            var sum = afterPoint + ~marks;
            var carryOut = sum < afterPoint ? 1UL : 0UL;
            var withCarry = sum + carry;
            carryOut |= withCarry < sum ? 1UL : 0UL;
            if ((withCarry & point) != 0)
            {
                return false;
            }

            separators += BitOperations.PopCount(sep);
            carriedDigit = digit >> 63;
            carriedStart = sep >> 63;
            carriedSignOrPoint = (sign | point) >> 63;
            carriedPoint = point >> 63;
            carry = carryOut;
        }

        return true;
    }

    /// <summary>One bit per character of a 64-character block for each class; false when a character is not ASCII.</summary>
    private static bool Classify(ReadOnlySpan<char> block, char separator, out ulong digit, out ulong sep, out ulong point, out ulong sign)
    {
        ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(block));
        digit = sep = point = sign = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var low = Vector512.LoadUnsafe(ref first);
            var high = Vector512.LoadUnsafe(ref first, 32);
            if (((low | high) & Vector512.Create((ushort)0xFF80)) != Vector512<ushort>.Zero)
            {
                return false;
            }

            var bytes = Vector512.Narrow(low, high);
            digit = Vector512.LessThanOrEqual(bytes - Vector512.Create((byte)'0'), Vector512.Create((byte)9)).ExtractMostSignificantBits();
            sep = Vector512.Equals(bytes, Vector512.Create((byte)separator)).ExtractMostSignificantBits();
            point = Vector512.Equals(bytes, Vector512.Create((byte)'.')).ExtractMostSignificantBits();
            sign = (Vector512.Equals(bytes, Vector512.Create((byte)'-')) | Vector512.Equals(bytes, Vector512.Create((byte)'+'))).ExtractMostSignificantBits();
            return true;
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (var i = 0; i < Block; i += 32)
            {
                var low = Vector256.LoadUnsafe(ref first, (nuint)i);
                var high = Vector256.LoadUnsafe(ref first, (nuint)(i + 16));
                if (((low | high) & Vector256.Create((ushort)0xFF80)) != Vector256<ushort>.Zero)
                {
                    return false;
                }

                var bytes = Vector256.Narrow(low, high);
                digit |= (ulong)Vector256.LessThanOrEqual(bytes - Vector256.Create((byte)'0'), Vector256.Create((byte)9)).ExtractMostSignificantBits() << i;
                sep |= (ulong)Vector256.Equals(bytes, Vector256.Create((byte)separator)).ExtractMostSignificantBits() << i;
                point |= (ulong)Vector256.Equals(bytes, Vector256.Create((byte)'.')).ExtractMostSignificantBits() << i;
                sign |= (ulong)(Vector256.Equals(bytes, Vector256.Create((byte)'-')) | Vector256.Equals(bytes, Vector256.Create((byte)'+'))).ExtractMostSignificantBits() << i;
            }

            return true;
        }

        for (var i = 0; i < Block; i += 16)
        {
            var low = Vector128.LoadUnsafe(ref first, (nuint)i);
            var high = Vector128.LoadUnsafe(ref first, (nuint)(i + 8));
            if (((low | high) & Vector128.Create((ushort)0xFF80)) != Vector128<ushort>.Zero)
            {
                return false;
            }

            var bytes = Vector128.Narrow(low, high);
            digit |= (ulong)Vector128.LessThanOrEqual(bytes - Vector128.Create((byte)'0'), Vector128.Create((byte)9)).ExtractMostSignificantBits() << i;
            sep |= (ulong)Vector128.Equals(bytes, Vector128.Create((byte)separator)).ExtractMostSignificantBits() << i;
            point |= (ulong)Vector128.Equals(bytes, Vector128.Create((byte)'.')).ExtractMostSignificantBits() << i;
            sign |= (ulong)(Vector128.Equals(bytes, Vector128.Create((byte)'-')) | Vector128.Equals(bytes, Vector128.Create((byte)'+'))).ExtractMostSignificantBits() << i;
        }

        return true;
    }
}
