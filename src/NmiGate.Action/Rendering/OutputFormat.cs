namespace NmiGate.Action.Rendering;

/// <summary>How a command renders its result on stdout.</summary>
internal enum OutputFormat
{
    /// <summary>An aligned table for people.</summary>
    Text,

    /// <summary>One JSON object for machines.</summary>
    Json,
}
