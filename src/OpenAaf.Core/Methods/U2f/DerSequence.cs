namespace OpenAaf.Core.Methods.U2f;

/// <summary>
/// The length of a DER SEQUENCE from its header, which is how U2F finds where the attestation
/// certificate ends inside registrationData (methods.md §9.4 step 2).
/// </summary>
internal static class DerSequence
{
    /// <summary>Header plus content length of the SEQUENCE at the start of <paramref name="data"/>, or null when it does not fit.</summary>
    public static int? Length(ReadOnlySpan<byte> data)
    {
        if (data.Length < 2 || data[0] != 0x30) return null;
        int total = data[1] switch
        {
            < 0x80 => 2 + data[1],
            0x81 when data.Length >= 3 => 3 + data[2],
            0x82 when data.Length >= 4 => 4 + (data[2] << 8 | data[3]),
            // Longer forms would mean a certificate above 64 KiB (u2f.h allows 2048 bytes); indefinite length is not DER.
            _ => -1,
        };
        return total > 0 && total <= data.Length ? total : null;
    }
}
