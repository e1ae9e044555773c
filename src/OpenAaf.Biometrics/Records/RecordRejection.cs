namespace OpenAaf.Biometrics.Records;

/// <summary>A rejected record: a machine-readable reason and a sentence for operators and enrollment replies.</summary>
public sealed record RecordRejection(RecordError Error, string Detail)
{
    public override string ToString() => $"{Error}: {Detail}";
}
