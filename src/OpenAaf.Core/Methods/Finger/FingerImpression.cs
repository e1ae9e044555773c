using OpenAaf.Biometrics.Matching;
using OpenAaf.Biometrics.Records;

namespace OpenAaf.Core.Methods.Finger;

/// <summary>
/// One enrolled capture of a finger (methods.md §11, "Template stores"): the original record and the serial
/// form of each of its prepared views. The record is kept so that a later matcher, whose serial form the
/// stored bytes no longer are, can prepare it again instead of forcing every user to re-enroll.
/// </summary>
public sealed record FingerImpression
{
    public required byte[] Record { get; init; }
    public required IReadOnlyList<byte[]> Prepared { get; init; }

    public static FingerImpression From(byte[] record, IReadOnlyList<FingerprintTemplate> views) =>
        new() { Record = record, Prepared = [.. views.Select(v => v.ToBytes())] };

    /// <summary>The prepared views, rebuilt from their serial form (microseconds each).</summary>
    public IReadOnlyList<FingerprintTemplate> Templates()
    {
        var templates = new List<FingerprintTemplate>(Prepared.Count);
        foreach (var bytes in Prepared)
        {
            if (FingerprintTemplate.FromBytes(bytes) is not { } template) return Reprepare();
            templates.Add(template);
        }
        return templates;
    }

    private IReadOnlyList<FingerprintTemplate> Reprepare()
    {
        // The record passed the policy's minutiae minimum when it was enrolled; a raised minimum must not
        // silently drop an enrolled finger, so only the structural checks apply here.
        var read = FingerRecordReader.Read(Record, new RecordReaderOptions { MinMinutiae = 0, MaxRecordBytes = FingerLimits.MaxRecordBytes });
        return read.IsValid ? FingerprintTemplate.FromRecord(read.Record) : [];
    }
}
