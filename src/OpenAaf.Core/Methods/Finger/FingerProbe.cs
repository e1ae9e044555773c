using System.Text.Json;
using OpenAaf.Biometrics.Matching;
using OpenAaf.Biometrics.Records;
using OpenAaf.Core.Methods.U2f;

namespace OpenAaf.Core.Methods.Finger;

/// <summary>
/// A record taken from a capture's <c>ISO</c> (methods.md §11.1): tolerant base64 (api.md §1.3 rule 7),
/// at most 16 KiB, read by the strict reader and prepared for matching. The reasons it gives name offsets,
/// lengths and counts only, never minutiae, so they may go into replies.
/// </summary>
internal sealed record FingerProbe(byte[] Record, IReadOnlyList<FingerprintTemplate> Views)
{
    public static FingerProbe? Read(JsonElement iso, int minMinutiae, int maxViews, out string reason)
    {
        if (iso.ValueKind != JsonValueKind.String || iso.GetString() is not { Length: > 0 } text)
        {
            reason = "ISO is not a base64 string";
            return null;
        }
        if (text.Length > (FingerLimits.MaxRecordBytes + 2) / 3 * 4)
        {
            reason = $"ISO of {text.Length} characters exceeds the {FingerLimits.MaxRecordBytes}-byte record limit";
            return null;
        }
        if (WebSafeBase64.Decode(text, FingerLimits.MaxRecordBytes) is not { } bytes)
        {
            reason = "ISO is not valid base64";
            return null;
        }

        var options = new RecordReaderOptions { MinMinutiae = minMinutiae, MaxRecordBytes = FingerLimits.MaxRecordBytes };
        var read = FingerRecordReader.Read(bytes, options);
        if (!read.IsValid)
        {
            reason = read.Rejection.Detail;
            return null;
        }
        if (read.Record.Views.Count > maxViews)
        {
            reason = $"record has {read.Record.Views.Count} finger views, more than the {maxViews} accepted here";
            return null;
        }
        reason = "";
        return new FingerProbe(bytes, FingerprintTemplate.FromRecord(read.Record));
    }

    public FingerImpression ToImpression() => FingerImpression.From(Record, Views);
}
