namespace OpenAaf.Core.Methods.U2f;

/// <summary>
/// A raw U2F registration response (FIDO U2F Raw Message Formats §4.3):
/// <c>05 ‖ public key (65) ‖ L ‖ key handle (L) ‖ attestation certificate (DER) ‖ signature (DER)</c>.
/// </summary>
internal sealed record U2fRegistrationData(byte[] PublicKey, byte[] KeyHandle, byte[] Certificate, byte[] Signature)
{
    private const byte Reserved = 0x05;
    private const int PublicKeySize = 65;
    // An ECDSA P-256 DER signature is 8–72 bytes (methods.md §9.4 step 2).
    private const int MinSignature = 8;
    private const int MaxSignature = 72;

    /// <summary>Null when any part is missing, has the wrong size or leaves bytes unaccounted for.</summary>
    public static U2fRegistrationData? Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length < 1 + PublicKeySize + 1 || data[0] != Reserved) return null;
        var publicKey = data.Slice(1, PublicKeySize);
        if (publicKey[0] != 0x04) return null;

        var handleLength = data[1 + PublicKeySize];
        var rest = data[(2 + PublicKeySize)..];
        if (handleLength == 0 || rest.Length < handleLength) return null;
        var keyHandle = rest[..handleLength];
        rest = rest[handleLength..];

        if (DerSequence.Length(rest) is not { } certificateLength) return null;
        var certificate = rest[..certificateLength];
        var signature = rest[certificateLength..];
        if (signature.Length is < MinSignature or > MaxSignature) return null;
        return new U2fRegistrationData(publicKey.ToArray(), keyHandle.ToArray(), certificate.ToArray(), signature.ToArray());
    }
}
