namespace OpenAaf.Biometrics.Records;

/// <summary>A validated finger minutiae record: its format and its finger views, in record order.</summary>
public sealed class FingerRecord
{
    public FingerRecord(FingerRecordFormat format, int recordLength, IReadOnlyList<FingerView> views)
    {
        Format = format;
        RecordLength = recordLength;
        Views = views;
    }

    public FingerRecordFormat Format { get; }

    /// <summary>Length from the record header; bytes after it (padding) were ignored.</summary>
    public int RecordLength { get; }

    /// <summary>At least one view, each with at least the configured minimum of minutiae.</summary>
    public IReadOnlyList<FingerView> Views { get; }
}
