using System.Globalization;
using NmiGate.Core.Metrics;
using NmiGate.Core.Scoring;
using NmiGate.TestUtilities;

namespace NmiGate.Core.Tests.Scoring;

[Collection(SharedScoringModels.Name)]
public sealed class PartitionScorerTests(ScoringFixture fixture)
{
    [Fact]
    public void Model_with_stored_loader_scores_a_csv_into_the_generating_blobs()
    {
        var data = fixture.WriteHoldout("holdout.csv");

        var partition = PartitionScorer.Score(new ScoringRequest(fixture.Scalar.WithLoader, data, SyntheticData.IdColumn));

        Assert.Equal(ModelInputKind.StoredLoader, partition.InputKind);
        AssertRecoversBlobs(partition);
    }

    [Fact]
    public void Schema_only_model_maps_columns_by_header_name_in_any_order()
    {
        var data = fixture.WriteHoldout("reordered.csv", columnOrder: ["x3", "x1", SyntheticData.IdColumn, "x4", "x2"]);

        var partition = PartitionScorer.Score(new ScoringRequest(fixture.Scalar.SchemaOnly, data, SyntheticData.IdColumn));

        Assert.Equal(ModelInputKind.InputSchema, partition.InputKind);
        AssertRecoversBlobs(partition);
        var viaLoader = PartitionScorer.Score(new ScoringRequest(fixture.Scalar.WithLoader, fixture.WriteHoldout("holdout.csv"), SyntheticData.IdColumn));
        Assert.Equal(viaLoader.ClusterIds, partition.ClusterIds);
    }

    [Fact]
    public void Schema_only_model_with_a_vector_input_reads_it_through_the_column_map()
    {
        var data = fixture.WriteHoldout("holdout.csv", columnOrder: ["x2", SyntheticData.IdColumn, "x4", "x1", "x3"]);
        var request = new ScoringRequest(fixture.Vector.SchemaOnly, data, SyntheticData.IdColumn)
        {
            ColumnMap = new Dictionary<string, IReadOnlyList<string>> { [ModelFactory.FeaturesColumn] = ["x1", "x2", "x3", "x4"] },
        };

        var partition = PartitionScorer.Score(request);

        Assert.Equal(ModelInputKind.InputSchema, partition.InputKind);
        AssertRecoversBlobs(partition);
    }

    [Fact]
    public void Model_without_input_description_is_scored_through_the_column_map()
    {
        var data = fixture.WriteHoldout("holdout.csv");
        var request = new ScoringRequest(fixture.Vector.NoInputDescription, data, SyntheticData.IdColumn)
        {
            ColumnMap = new Dictionary<string, IReadOnlyList<string>> { [ModelFactory.FeaturesColumn] = ["x1", "x2", "x3", "x4"] },
        };

        var partition = PartitionScorer.Score(request);

        Assert.Equal(ModelInputKind.ColumnMap, partition.InputKind);
        AssertRecoversBlobs(partition);
    }

    [Fact]
    public void Tsv_file_is_read_with_a_tab_separator_inferred_from_its_extension()
    {
        var data = fixture.WriteHoldout("holdout.tsv", separator: '\t', columnOrder: ["x4", "x3", "x2", "x1", SyntheticData.IdColumn]);

        var partition = PartitionScorer.Score(new ScoringRequest(fixture.Scalar.SchemaOnly, data, SyntheticData.IdColumn));

        AssertRecoversBlobs(partition);
    }

    [Fact]
    public void Explicit_separator_overrides_the_extension()
    {
        var data = fixture.WriteHoldout("holdout.txt", separator: ';');

        var partition = PartitionScorer.Score(new ScoringRequest(fixture.Scalar.SchemaOnly, data, SyntheticData.IdColumn) { Separator = ';' });

        AssertRecoversBlobs(partition);
    }

    [Fact]
    public void Quoted_fields_crlf_line_ends_and_blank_lines_are_read_like_ml_net_reads_them()
    {
        var quoted = fixture.WriteText("quoted.csv", "id,x1,x2,x3,x4\r\n\"a,1\",0.1,1,2,3\r\n\r\n\"b \"\"q\"\"\",\"24.2\",1,2,3\r\n");
        var plain = fixture.WriteText("plain.csv", "id,x1,x2,x3,x4\na,0.1,1,2,3\nb,24.2,1,2,3\n");

        var partition = PartitionScorer.Score(new ScoringRequest(fixture.Scalar.SchemaOnly, quoted, SyntheticData.IdColumn));
        var expected = PartitionScorer.Score(new ScoringRequest(fixture.Scalar.SchemaOnly, plain, SyntheticData.IdColumn));

        Assert.Equal(["a,1", "b \"q\""], partition.Ids);
        Assert.Equal(2, partition.RowCount);
        Assert.Equal(expected.ClusterIds, partition.ClusterIds);
    }

    [Fact]
    public void Columns_the_model_loads_but_never_reads_may_hold_anything()
    {
        var models = ModelFactory.TrainKMeans(
            fixture.TrainingPath, SyntheticData.IdColumn, ["x1", "x2", "x3"], ScoringFixture.Clusters, fixture.Workspace.PathOf("ignored"), "ignored", ignoredColumns: ["x4"]);
        var lines = fixture.Holdout.Ids.Select((id, i) => string.Join(',', [id, .. fixture.Holdout.Features[i][..3].Select(v => v.ToString("R", CultureInfo.InvariantCulture)), "n/a"]));
        var data = fixture.WriteText("text-x4.csv", string.Join('\n', ["id,x1,x2,x3,x4", .. lines]) + "\n");

        AssertRecoversBlobs(PartitionScorer.Score(new ScoringRequest(models.WithLoader, data, SyntheticData.IdColumn)));
        AssertRecoversBlobs(PartitionScorer.Score(new ScoringRequest(models.SchemaOnly, data, SyntheticData.IdColumn)));
    }

    [Fact]
    public void Progress_reports_the_final_row_count()
    {
        var reports = new List<ScoringProgress>();
        var data = fixture.WriteHoldout("holdout.csv");

        PartitionScorer.Score(new ScoringRequest(fixture.Scalar.WithLoader, data, SyntheticData.IdColumn), new SynchronousProgress(reports.Add));

        Assert.Equal(fixture.Holdout.Ids.Count, reports[^1].Rows);
        Assert.True(reports[^1].Elapsed > TimeSpan.Zero);
    }

    [Fact]
    public void Cancelled_token_stops_scoring()
    {
        var data = fixture.WriteHoldout("holdout.csv");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            PartitionScorer.Score(new ScoringRequest(fixture.Scalar.WithLoader, data, SyntheticData.IdColumn), cancellationToken: cancelled.Token));
    }

    private void AssertRecoversBlobs(ScoredPartition partition)
    {
        Assert.Equal(fixture.Holdout.Ids, partition.Ids);
        Assert.Equal(fixture.Holdout.Ids.Count, partition.RowCount);
        Assert.All(partition.ClusterIds, key => Assert.InRange(key, 1u, (uint)ScoringFixture.Clusters));
        var table = ContingencyTable.FromLabels(fixture.Holdout.Labels, [.. partition.ClusterIds.Select(k => (int)k)]);
        Assert.True(table.NormalizedMutualInformation() >= 0.99, $"NMI {table.NormalizedMutualInformation()} vs the generating blobs");
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; tests need the reports in order, now.</summary>
    private sealed class SynchronousProgress(Action<ScoringProgress> report) : IProgress<ScoringProgress>
    {
        public void Report(ScoringProgress value) => report(value);
    }
}
