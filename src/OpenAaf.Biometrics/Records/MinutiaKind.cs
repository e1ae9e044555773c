namespace OpenAaf.Biometrics.Records;

/// <summary>Minutia type as coded in the top two bits of the x field; code 3 is reserved and rejected.</summary>
public enum MinutiaKind
{
    Other = 0,
    RidgeEnding = 1,
    Bifurcation = 2,
}
