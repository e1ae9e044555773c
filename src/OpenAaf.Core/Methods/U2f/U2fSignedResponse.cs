using System.Buffers.Binary;
using System.Security.Cryptography;

namespace OpenAaf.Core.Methods.U2f;

/// <summary>
/// The signed part of an assertion: the authenticator data the signature covers (before
/// <c>SHA-256(client data)</c>), its user-presence flags and counter, and the DER signature.
/// </summary>
internal sealed record U2fSignedResponse(byte[] AuthenticatorData, byte Flags, uint Counter, byte[] Signature)
{
    private const int HashSize = 32;
    private const int FlagsAndCounter = 1 + 4;
    // methods.md §9.2 step 6: flags, counter and at least the 8 bytes of the smallest DER signature.
    private const int MinSignatureData = FlagsAndCounter + 8;
    private const int MinAuthenticatorData = HashSize + FlagsAndCounter;

    /// <summary>
    /// methods.md §9.2 step 6 / §9.3: null when the layout is wrong (U2F_BAD_RESPONSE). For a legacy response
    /// the authenticator data is rebuilt as <c>SHA-256(app_id) ‖ flags ‖ counter</c>, the 69-byte layout of
    /// step 7; a WebAuthn one must already start with <c>SHA-256(app_id)</c> (the appid extension's rpIdHash).
    /// </summary>
    public static U2fSignedResponse? From(U2fAssertion assertion, ReadOnlySpan<byte> appIdHash)
    {
        if (assertion.SignatureData is { } signatureData)
        {
            if (signatureData.Length < MinSignatureData) return null;
            var authenticatorData = new byte[MinAuthenticatorData];
            appIdHash.CopyTo(authenticatorData);
            signatureData.AsSpan(0, FlagsAndCounter).CopyTo(authenticatorData.AsSpan(HashSize));
            return Create(authenticatorData, signatureData[FlagsAndCounter..]);
        }
        if (assertion.AuthenticatorData is not { Length: >= MinAuthenticatorData } data || assertion.Signature is not { } signature)
            return null;
        return CryptographicOperations.FixedTimeEquals(data.AsSpan(0, HashSize), appIdHash) ? Create(data, signature) : null;
    }

    private static U2fSignedResponse Create(byte[] authenticatorData, byte[] signature) =>
        new(authenticatorData, authenticatorData[HashSize],
            BinaryPrimitives.ReadUInt32BigEndian(authenticatorData.AsSpan(HashSize + 1, 4)), signature);

    /// <summary>Bit 0 only: some NFC tokens set higher bits (notes/protocols.md §4.3).</summary>
    public bool UserPresent => (Flags & 0x01) != 0;

    /// <summary>methods.md §9.2 step 7: <c>authenticator data ‖ SHA-256(client data bytes as received)</c>.</summary>
    public byte[] SignedBytes(ReadOnlySpan<byte> clientData) => [.. AuthenticatorData, .. SHA256.HashData(clientData)];
}
