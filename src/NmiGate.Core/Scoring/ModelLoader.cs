using System.IO.Compression;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace NmiGate.Core.Scoring;

/// <summary>
/// Loads an ML.NET model file: with its stored loader when it has one
/// (<see cref="ModelOperationsCatalog.LoadWithDataLoader(string, out IDataLoader{IMultiStreamSource})"/>),
/// otherwise with its input schema, if any (<see cref="ModelOperationsCatalog.Load(string, out DataViewSchema)"/>).
/// </summary>
internal static class ModelLoader
{
    // ML.NET's repository layout: a model saved with its loader keeps it under "Loader/"; every
    // model (transformer chain, loader, composite) has a Model.key per saved object.
    private const string LoaderEntry = "Loader/Model.key";
    private const string ModelKeySuffix = "Model.key";

    public static LoadedModel Load(MLContext context, string modelPath)
    {
        if (!File.Exists(modelPath))
        {
            throw new ScoringException(
                ScoringErrorCodes.ModelFileNotFound,
                $"{modelPath}: the model file does not exist. Check the model path (relative paths are resolved against {Environment.CurrentDirectory}).",
                modelPath);
        }

        var hasLoader = InspectArchive(modelPath);
        try
        {
            if (hasLoader)
            {
                var model = context.Model.LoadWithDataLoader(modelPath, out var loader);
                return new LoadedModel(model, loader, loader.GetOutputSchema());
            }

            var transformer = context.Model.Load(modelPath, out var inputSchema);
            return new LoadedModel(transformer, null, inputSchema);
        }
        catch (Exception error) when (error is InvalidOperationException or FormatException or InvalidDataException or IOException or ArgumentException or NotSupportedException or EndOfStreamException or InvalidCastException)
        {
            throw Invalid(modelPath, $"ML.NET could not load it ({error.Message}). The file is corrupted or truncated, or was written by an incompatible ML.NET version; save the model again with mlContext.Model.Save.", error);
        }
    }

    /// <summary>Checks the file is a readable ML.NET model archive; returns whether it stored its loader.</summary>
    private static bool InspectArchive(string modelPath)
    {
        try
        {
            using var archive = ZipFile.OpenRead(modelPath);
            var hasModel = false;
            var hasLoader = false;
            foreach (var entry in archive.Entries)
            {
                hasModel |= entry.FullName.EndsWith(ModelKeySuffix, StringComparison.Ordinal);
                hasLoader |= string.Equals(entry.FullName, LoaderEntry, StringComparison.Ordinal);
                VerifyChecksum(modelPath, entry);
            }

            if (!hasModel)
            {
                throw Invalid(modelPath, "it is a zip archive but holds no ML.NET model (no Model.key entry). Point the gate at the .zip written by mlContext.Model.Save.", null);
            }

            return hasLoader;
        }
        catch (InvalidDataException error)
        {
            throw Invalid(modelPath, $"it is not a zip archive, or it is truncated ({error.Message}). An ML.NET model is the .zip written by mlContext.Model.Save; check the path and that the file was copied completely.", error);
        }
    }

    /// <summary>
    /// Reads the entry through and compares its CRC-32 with the archive's: a corrupted model must
    /// fail here, with the file named, rather than inside ML.NET's deserializers, which may read a
    /// damaged length and allocate or loop on it.
    /// </summary>
    private static void VerifyChecksum(string modelPath, ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        var buffer = new byte[81920];
        var crc = Crc32.Initial;
        long length = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            crc = Crc32.Append(crc, buffer.AsSpan(0, read));
            length += read;
        }

        if (length != entry.Length || Crc32.Finish(crc) != entry.Crc32)
        {
            throw Invalid(modelPath, $"its entry '{entry.FullName}' is corrupted (checksum mismatch). Copy or download the model again, or save it again with mlContext.Model.Save.", null);
        }
    }

    private static ScoringException Invalid(string modelPath, string detail, Exception? inner) =>
        new(ScoringErrorCodes.InvalidModel, $"{modelPath}: not a usable ML.NET model: {detail}", modelPath, innerException: inner);
}
