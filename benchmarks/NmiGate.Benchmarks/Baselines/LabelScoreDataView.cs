using Microsoft.ML;
using Microsoft.ML.Data;

namespace NmiGate.Benchmarks.Baselines;

/// <summary>
/// Streams two label arrays to ML.NET's clustering evaluator as the columns it reads: <c>Label</c>
/// (float, the reference cluster) and <c>Score</c> (a float vector of K distances). ML.NET takes
/// the assigned cluster to be the index of the smallest score (ClusteringEvaluator sorts the
/// scores ascending and uses the first index), so the candidate cluster gets distance 0 and every
/// other cluster distance 1. Rows are produced on the fly into one reused buffer: an N×K float
/// matrix would need 40 GB at N = 10^7, K = 1000.
/// </summary>
internal sealed class LabelScoreDataView : IDataView
{
    public const string LabelColumn = "Label";
    public const string ScoreColumn = "Score";

    private readonly int[] reference;
    private readonly int[] candidate;
    private readonly int clusters;

    public LabelScoreDataView(int[] reference, int[] candidate, int clusters)
    {
        this.reference = reference;
        this.candidate = candidate;
        this.clusters = clusters;
        var builder = new DataViewSchema.Builder();
        builder.AddColumn(LabelColumn, NumberDataViewType.Single);
        builder.AddColumn(ScoreColumn, new VectorDataViewType(NumberDataViewType.Single, clusters));
        Schema = builder.ToSchema();
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => reference.Length;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(this);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => [new Cursor(this)];

    private sealed class Cursor(LabelScoreDataView parent) : DataViewRowCursor
    {
        private long position = -1;
        private bool done;

        public override long Position => position;

        public override long Batch => 0;

        public override DataViewSchema Schema => parent.Schema;

        public override bool MoveNext()
        {
            if (done || position + 1 >= parent.reference.Length)
            {
                done = true;
                return false;
            }

            position++;
            return true;
        }

        public override bool IsColumnActive(DataViewSchema.Column column) => true;

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            Delegate getter = column.Index switch
            {
                0 => (ValueGetter<float>)GetLabel,
                1 => (ValueGetter<VBuffer<float>>)GetScore,
                _ => throw new ArgumentOutOfRangeException(nameof(column), column.Name, "The view has two columns, Label and Score."),
            };
            return (ValueGetter<TValue>)getter;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId value) => value = new DataViewRowId((ulong)position, 0);

        private void GetLabel(ref float value) => value = parent.reference[position];

        private void GetScore(ref VBuffer<float> value)
        {
            var editor = VBufferEditor.Create(ref value, parent.clusters);
            editor.Values.Fill(1f);
            editor.Values[parent.candidate[position]] = 0f;
            value = editor.Commit();
        }
    }
}
