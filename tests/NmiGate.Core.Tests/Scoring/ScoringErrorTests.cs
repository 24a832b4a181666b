using System.Globalization;
using System.IO.Compression;
using NmiGate.Core.Scoring;

namespace NmiGate.Core.Tests.Scoring;

[Collection(SharedScoringModels.Name)]
public sealed class ScoringErrorTests(ScoringFixture fixture)
{
    private const string Header = "id,x1,x2,x3,x4\n";

    [Fact]
    public void Missing_model_file_fails_with_NMIG3001_naming_the_file()
    {
        var model = Path.Combine(fixture.Workspace.Root, "nope", "model.zip");

        var error = Fails(new ScoringRequest(model, fixture.WriteHoldout("holdout.csv"), "id"), ScoringErrorCodes.ModelFileNotFound);

        Assert.Equal(model, error.FilePath);
        Assert.Contains(model, error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_that_is_not_an_ML_NET_model_fails_with_NMIG3002_saying_so()
    {
        var model = fixture.WriteText("model.zip", "id,x1\nnot,a model\n");

        var error = Fails(new ScoringRequest(model, fixture.WriteHoldout("holdout.csv"), "id"), ScoringErrorCodes.InvalidModel);

        Assert.Equal(model, error.FilePath);
        Assert.Contains($"{model}: not a usable ML.NET model", error.Message, StringComparison.Ordinal);
        Assert.Contains("not a zip archive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_model_fails_with_NMIG3002_saying_it_may_be_truncated()
    {
        var bytes = File.ReadAllBytes(fixture.Scalar.WithLoader);
        var model = fixture.WriteText("truncated.zip", string.Empty);
        File.WriteAllBytes(model, bytes[..(bytes.Length / 2)]);

        var error = Fails(new ScoringRequest(model, fixture.WriteHoldout("holdout.csv"), "id"), ScoringErrorCodes.InvalidModel);

        Assert.Contains(model, error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_with_damaged_bytes_fails_with_NMIG3002_before_ml_net_reads_it()
    {
        var bytes = File.ReadAllBytes(fixture.Scalar.WithLoader);
        var damaged = 0;
        // Flip one bit at a spread of offsets: wherever it lands in compressed data or the
        // directory, the archive check (deflate, CRC-32, sizes) must reject the file.
        for (var offset = bytes.Length / 10; offset < bytes.Length * 9 / 10; offset += bytes.Length / 10)
        {
            var copy = (byte[])bytes.Clone();
            copy[offset] ^= 0x10;
            var model = fixture.WriteText("damaged.zip", string.Empty);
            File.WriteAllBytes(model, copy);
            try
            {
                PartitionScorer.Score(new ScoringRequest(model, fixture.WriteHoldout("holdout.csv"), "id"));
            }
            catch (ScoringException error)
            {
                Assert.True(error.Code == ScoringErrorCodes.InvalidModel, error.Message);
                Assert.Contains(model, error.Message, StringComparison.Ordinal);
                damaged++;
            }
        }

        Assert.True(damaged >= 6, $"only {damaged} of 8 damaged copies were rejected");
    }

    [Fact]
    public void Zip_archive_without_a_model_fails_with_NMIG3002()
    {
        var model = fixture.WriteText("other.zip", string.Empty);
        File.Delete(model);
        using (var archive = ZipFile.Open(model, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(archive.CreateEntry("readme.txt").Open());
            writer.Write("hello");
        }

        var error = Fails(new ScoringRequest(model, fixture.WriteHoldout("holdout.csv"), "id"), ScoringErrorCodes.InvalidModel);

        Assert.Contains("holds no ML.NET model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupted_model_entry_fails_with_NMIG3002_naming_the_file()
    {
        var model = fixture.WriteText("corrupt.zip", string.Empty);
        File.Copy(fixture.Scalar.SchemaOnly, model, overwrite: true);
        using (var archive = ZipFile.Open(model, ZipArchiveMode.Update))
        {
            var entry = archive.GetEntry("TransformerChain/Model.key")!;
            entry.Delete();
            using var writer = new StreamWriter(archive.CreateEntry("TransformerChain/Model.key").Open());
            writer.Write("garbage garbage garbage");
        }

        var error = Fails(new ScoringRequest(model, fixture.WriteHoldout("holdout.csv"), "id"), ScoringErrorCodes.InvalidModel);

        Assert.Contains($"{model}: not a usable ML.NET model: ML.NET could not load it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_data_file_fails_with_NMIG3003_naming_the_file()
    {
        var data = Path.Combine(fixture.Workspace.Root, "nope.csv");

        var error = Fails(new ScoringRequest(fixture.Scalar.WithLoader, data, "id"), ScoringErrorCodes.DataFileNotFound);

        Assert.Equal(data, error.FilePath);
        Assert.Contains(data, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_data_file_fails_with_NMIG3004()
    {
        var data = fixture.WriteText("empty.csv", string.Empty);

        var error = Fails(new ScoringRequest(fixture.Scalar.WithLoader, data, "id"), ScoringErrorCodes.EmptyDataFile);

        Assert.Contains($"{data}: the file is empty", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ModelInputKind.StoredLoader)]
    [InlineData(ModelInputKind.InputSchema)]
    public void Header_only_data_file_fails_with_NMIG3005(ModelInputKind kind)
    {
        var data = fixture.WriteText("header.csv", Header);

        var error = Fails(new ScoringRequest(Model(kind), data, "id"), ScoringErrorCodes.NoDataRows);

        Assert.Contains($"{data}: the file has a header but no data rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_id_column_fails_with_NMIG3006_listing_the_header()
    {
        var data = fixture.WriteHoldout("holdout.csv");

        var error = Fails(new ScoringRequest(fixture.Scalar.WithLoader, data, "customer_id"), ScoringErrorCodes.IdColumnMissing);

        Assert.Equal(1, error.Line);
        Assert.Equal("customer_id", error.Column);
        Assert.Contains($"{data}(1): the id column 'customer_id' is not in the header. The header: id, x1, x2, x3, x4.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_input_column_missing_from_the_file_fails_with_NMIG3007_listing_the_header()
    {
        var data = fixture.WriteText("missing.csv", "id,x1,x2,x4\na,1,2,3\n");

        var error = Fails(new ScoringRequest(fixture.Scalar.SchemaOnly, data, "id"), ScoringErrorCodes.InputColumnMissing);

        Assert.Equal("x3", error.Column);
        Assert.Contains("'x3' (Single)", error.Message, StringComparison.Ordinal);
        Assert.Contains("The file's header: id, x1, x2, x4.", error.Message, StringComparison.Ordinal);
        Assert.Contains(data, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Vector_input_without_a_column_map_fails_with_NMIG3007_asking_for_one()
    {
        var data = fixture.WriteHoldout("holdout.csv");

        var error = Fails(new ScoringRequest(fixture.Vector.SchemaOnly, data, "id"), ScoringErrorCodes.InputColumnMissing);

        Assert.Contains("'Features' (Vector<Single, 4>: give its columns in the column map)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Column_map_naming_a_column_the_file_lacks_fails_with_NMIG3007()
    {
        var data = fixture.WriteHoldout("holdout.csv");
        var request = new ScoringRequest(fixture.Vector.NoInputDescription, data, "id")
        {
            ColumnMap = new Dictionary<string, IReadOnlyList<string>> { ["Features"] = ["x1", "x2", "x3", "x5"] },
        };

        var error = Fails(request, ScoringErrorCodes.InputColumnMissing);

        Assert.Equal("x5", error.Column);
        Assert.Contains("builds model input 'Features' from column 'x5', which the file does not have. The file's header: id, x1, x2, x3, x4.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Column_map_of_the_wrong_size_fails_with_NMIG3014()
    {
        var data = fixture.WriteHoldout("holdout.csv");
        var request = new ScoringRequest(fixture.Vector.SchemaOnly, data, "id")
        {
            ColumnMap = new Dictionary<string, IReadOnlyList<string>> { ["Features"] = ["x1", "x2", "x3"] },
        };

        var error = Fails(request, ScoringErrorCodes.InputSchemaMismatch);

        Assert.Contains("gives model input 'Features' 3 column(s) (x1, x2, x3), but the model expects Vector<Single, 4>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Column_map_key_a_model_without_schema_does_not_read_fails_with_NMIG3014()
    {
        var request = new ScoringRequest(fixture.Vector.NoInputDescription, fixture.WriteHoldout("holdout.csv"), "id")
        {
            ColumnMap = new Dictionary<string, IReadOnlyList<string>> { ["Features"] = ["x1", "x2", "x3", "x4"], ["features"] = ["x1"] },
        };

        var error = Fails(request, ScoringErrorCodes.InputSchemaMismatch);

        Assert.Equal("features", error.Column);
        Assert.Contains("the column map names model input 'features', which the model does not read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Column_map_key_the_model_does_not_read_fails_with_NMIG3014()
    {
        var request = new ScoringRequest(fixture.Vector.SchemaOnly, fixture.WriteHoldout("holdout.csv"), "id")
        {
            ColumnMap = new Dictionary<string, IReadOnlyList<string>> { ["Features"] = ["x1", "x2", "x3", "x4"], ["Feature"] = ["x1"] },
        };

        var error = Fails(request, ScoringErrorCodes.InputSchemaMismatch);

        Assert.Equal("Feature", error.Column);
        Assert.Contains("the column map names model input 'Feature', which the model does not read. Its inputs: Features.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_without_input_description_or_column_map_fails_with_NMIG3014()
    {
        var error = Fails(new ScoringRequest(fixture.Vector.NoInputDescription, fixture.WriteHoldout("holdout.csv"), "id"), ScoringErrorCodes.InputSchemaMismatch);

        Assert.Contains("stores neither its data loader nor its input schema", error.Message, StringComparison.Ordinal);
        Assert.Equal(fixture.Vector.NoInputDescription, error.FilePath);
    }

    [Theory]
    [InlineData(ModelInputKind.StoredLoader, "abc", "holds 'abc', which is not a number")]
    [InlineData(ModelInputKind.InputSchema, "abc", "holds 'abc', which is not a number")]
    [InlineData(ModelInputKind.StoredLoader, "", "is empty")]
    [InlineData(ModelInputKind.InputSchema, "1,5", "")]
    public void Non_numeric_value_fails_with_NMIG3008_naming_file_line_column_and_id(ModelInputKind kind, string value, string what)
    {
        var data = fixture.WriteText("bad.csv", Header + "a,1,2,3,4\nb,1,2,3,4\nc,1," + (value == "1,5" ? "\"1,5\"" : value) + ",3,4\n");

        var error = Fails(new ScoringRequest(Model(kind), data, "id"), ScoringErrorCodes.NonNumericValue);

        Assert.Equal(data, error.FilePath);
        Assert.Equal(4, error.Line);
        Assert.Equal("x2", error.Column);
        Assert.Contains($"{data}(4): column 'x2' of id 'c' {what}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Id_column_that_also_feeds_the_model_is_checked_as_a_number_on_every_row()
    {
        // Rows of plain numbers skip the field-by-field checks, but not when the id is one of them.
        var data = fixture.WriteText("id-feature.csv", Header + "1,1,2,3,4\n2,1,2,3,4\nc,1,2,3,4\n");
        var request = new ScoringRequest(fixture.Vector.NoInputDescription, data, "id")
        {
            ColumnMap = new Dictionary<string, IReadOnlyList<string>> { ["Features"] = ["id", "x2", "x3", "x4"] },
        };

        var error = Fails(request, ScoringErrorCodes.NonNumericValue);

        Assert.Equal(4, error.Line);
        Assert.Equal("id", error.Column);
        Assert.Contains($"{data}(4): column 'id' of id 'c' holds 'c', which is not a number (it feeds model input 'Features')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_numeric_value_inside_a_stored_loader_vector_fails_with_NMIG3008()
    {
        var data = fixture.WriteText("bad.csv", Header + "a,1,2,3,4\nb,1,2,oops,4\n");

        var error = Fails(new ScoringRequest(fixture.Vector.WithLoader, data, "id"), ScoringErrorCodes.NonNumericValue);

        Assert.Equal(3, error.Line);
        Assert.Contains($"{data}(3): column 'x3' of id 'b' holds 'oops', which is not a number (it feeds model input 'Features')", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("b,1,2,3", "has 4 fields, the header has 5")]
    [InlineData("b,1,2,3,4,5", "has 6 fields, the header has 5")]
    [InlineData("  ", "has 1 fields, the header has 5")]
    public void Ragged_row_fails_with_NMIG3009_naming_the_line(string row, string detail)
    {
        var data = fixture.WriteText("ragged.csv", Header + "a,1,2,3,4\n" + row + "\nc,1,2,3,4\n");

        var error = Fails(new ScoringRequest(fixture.Scalar.WithLoader, data, "id"), ScoringErrorCodes.RaggedRow);

        Assert.Equal(3, error.Line);
        Assert.Contains($"{data}(3): the row", error.Message, StringComparison.Ordinal);
        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unterminated_quote_fails_with_NMIG3009()
    {
        var data = fixture.WriteText("quote.csv", Header + "\"a,1,2,3,4\n");

        var error = Fails(new ScoringRequest(fixture.Scalar.SchemaOnly, data, "id"), ScoringErrorCodes.RaggedRow);

        Assert.Contains($"{data}(2): field 1 opens a quote that the line never closes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_id_fails_with_NMIG3010_naming_both_lines()
    {
        var data = fixture.WriteText("dup.csv", Header + "a,1,2,3,4\nb,1,2,3,4\nc,1,2,3,4\nb,5,6,7,8\n");

        var error = Fails(new ScoringRequest(fixture.Scalar.WithLoader, data, "id"), ScoringErrorCodes.DuplicateId);

        Assert.Equal(5, error.Line);
        Assert.Equal("id", error.Column);
        Assert.Contains($"{data}(5): id 'b' appears on line 3 and again on line 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_id_fails_with_NMIG3011()
    {
        var data = fixture.WriteText("noid.csv", Header + "a,1,2,3,4\n,1,2,3,4\n");

        var error = Fails(new ScoringRequest(fixture.Scalar.WithLoader, data, "id"), ScoringErrorCodes.EmptyId);

        Assert.Equal(3, error.Line);
        Assert.Contains($"{data}(3): the id column 'id' is empty", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ModelInputKind.StoredLoader)]
    [InlineData(ModelInputKind.InputSchema)]
    public void Rows_without_a_cluster_fail_with_NMIG3012_listing_count_and_first_ids(ModelInputKind kind)
    {
        var data = fixture.WriteText("nan.csv", Header + "a,1,2,3,4\nb,NaN,2,3,4\nc,1,2,3,4\nd,1,?,3,4\ne,1,2,3,NaN\n");

        var error = Fails(new ScoringRequest(Model(kind), data, "id") { MaxReportedIds = 2 }, ScoringErrorCodes.UnassignedRows);

        Assert.Equal(3, error.Line);
        Assert.Contains($"{data}: the model assigned 3 of 5 rows to no cluster (predicted key 0), e.g. ids 'b' (line 3), 'd' (line 5), ...", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_predicted_column_fails_with_NMIG3013_listing_the_outputs()
    {
        var request = new ScoringRequest(fixture.Scalar.WithLoader, fixture.WriteHoldout("holdout.csv"), "id") { PredictedColumn = "Cluster" };

        var error = Fails(request, ScoringErrorCodes.PredictedColumnInvalid);

        Assert.Contains("has no column 'Cluster'", error.Message, StringComparison.Ordinal);
        Assert.Contains("PredictedLabel (Key<UInt32, 0-2>)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Predicted_column_that_is_not_a_key_fails_with_NMIG3013()
    {
        var request = new ScoringRequest(fixture.Scalar.WithLoader, fixture.WriteHoldout("holdout.csv"), "id") { PredictedColumn = "Score" };

        var error = Fails(request, ScoringErrorCodes.PredictedColumnInvalid);

        Assert.Contains("'Score' is Vector<Single, 3>, not a cluster key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stored_loader_reading_a_reordered_file_fails_with_NMIG3015()
    {
        var data = fixture.WriteHoldout("reordered.csv", columnOrder: ["id", "x2", "x1", "x3", "x4"]);

        var error = Fails(new ScoringRequest(fixture.Scalar.WithLoader, data, "id"), ScoringErrorCodes.StoredLoaderMismatch);

        Assert.Equal(2, error.Line);
        var x1 = fixture.Holdout.Features[0][0].ToString("R", CultureInfo.InvariantCulture);
        var x2 = fixture.Holdout.Features[0][1].ToString("R", CultureInfo.InvariantCulture);
        Assert.Contains($"{data}(2): the loader stored in the model reads column 'x1' of id '{fixture.Holdout.Ids[0]}' as {x2}, but the file's column 'x1' holds '{x1}'.", error.Message, StringComparison.Ordinal);
        Assert.Contains("save the model with its input schema", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stored_loader_given_the_wrong_separator_fails_with_NMIG3015()
    {
        var data = fixture.WriteHoldout("holdout.tsv", separator: '\t');

        var error = Fails(new ScoringRequest(fixture.Scalar.WithLoader, data, "id"), ScoringErrorCodes.StoredLoaderMismatch);

        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Stored_loader_without_quoting_given_a_quoted_separator_fails_with_NMIG3015()
    {
        // The factory's loader was saved without AllowQuoting: ML.NET splits "a,1" and shifts every column.
        var data = fixture.WriteText("quoted.csv", Header + "\"a,1\",0.1,1,2,3\n");

        var error = Fails(new ScoringRequest(fixture.Scalar.WithLoader, data, "id"), ScoringErrorCodes.StoredLoaderMismatch);

        Assert.Contains($"{data}(2): the loader stored in the model reads column 'x1' of id 'a,1' as NaN, but the file's column 'x1' holds '0.1'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_that_ml_net_would_skip_as_a_comment_fails_with_NMIG3016()
    {
        var data = fixture.WriteText("comment.csv", Header + "a,1,2,3,4\n//b,1,2,3,4\n");

        var error = Fails(new ScoringRequest(fixture.Scalar.WithLoader, data, "id"), ScoringErrorCodes.CommentLine);

        Assert.Equal(3, error.Line);
        Assert.Contains($"{data}(3): the line starts with '//'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_column_name_fails_with_NMIG3017()
    {
        var data = fixture.WriteText("dupcol.csv", "id,x1,x2,x1,x4\na,1,2,3,4\n");

        var error = Fails(new ScoringRequest(fixture.Scalar.SchemaOnly, data, "id"), ScoringErrorCodes.DuplicateColumnName);

        Assert.Equal("x1", error.Column);
        Assert.Contains("names column 'x1' twice (fields 2 and 4)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_extension_without_a_separator_fails_with_NMIG3018()
    {
        var data = fixture.WriteHoldout("holdout.dat");

        var error = Fails(new ScoringRequest(fixture.Scalar.SchemaOnly, data, "id"), ScoringErrorCodes.UnknownSeparator);

        Assert.Contains("extension '.dat'", error.Message, StringComparison.Ordinal);
    }

    private string Model(ModelInputKind kind) => kind == ModelInputKind.StoredLoader ? fixture.Scalar.WithLoader : fixture.Scalar.SchemaOnly;

    private static ScoringException Fails(ScoringRequest request, string code)
    {
        var error = Assert.Throws<ScoringException>(() => PartitionScorer.Score(request));
        Assert.True(error.Code == code, $"expected {code}, got {error.Code}: {error.Message}");
        return error;
    }
}
