using System.Security.Cryptography;

namespace NmiGate.Core.Registry;

/// <summary>SHA-256 as NmiGate records it: 64 lower-case hex digits of a file's bytes.</summary>
internal static class Sha256
{
    public const int HexLength = 64;

    public static string OfFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public static bool IsHex(string? text) =>
        text is { Length: HexLength } && text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
