using System.Diagnostics.CodeAnalysis;

namespace OpenAaf.Biometrics.Records;

/// <summary>Either a record or the reason it was rejected; malformed input is expected, so it is not an exception.</summary>
public sealed class RecordReadResult
{
    private RecordReadResult(FingerRecord? record, RecordRejection? rejection)
    {
        Record = record;
        Rejection = rejection;
    }

    public FingerRecord? Record { get; }

    public RecordRejection? Rejection { get; }

    [MemberNotNullWhen(true, nameof(Record))]
    [MemberNotNullWhen(false, nameof(Rejection))]
    public bool IsValid => Record is not null;

    public static RecordReadResult Success(FingerRecord record) => new(record, null);

    public static RecordReadResult Failure(RecordError error, string detail) => new(null, new RecordRejection(error, detail));

    public override string ToString() => IsValid ? $"{Record.Format} record, {Record.Views.Count} view(s)" : Rejection.ToString();
}
