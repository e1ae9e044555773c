using System.Buffers.Binary;

namespace OpenAaf.Core.Methods.Fido2;

/// <summary>
/// Authenticator data (WebAuthn §6.1): <c>rpIdHash (32) ‖ flags (1) ‖ signCount (4, BE) ‖ [attested
/// credential data] ‖ [extensions CBOR]</c>. Parsing is exact: what the flags announce must be there and
/// nothing may follow it (methods.md §10.2 step 6, §10.6 step 3).
/// </summary>
public sealed record AuthenticatorData(byte[] Raw, byte[] RpIdHash, AuthenticatorFlags Flags, uint SignCount, AttestedCredential? Credential)
{
    public const int HeaderLength = 37;
    /// <summary>WebAuthn L2 §5.8.3 / L3: credential ids longer than 1023 bytes are refused.</summary>
    public const int MaxCredentialIdLength = 1023;

    public bool Has(AuthenticatorFlags flag) => (Flags & flag) == flag;

    /// <summary>Parses <paramref name="raw"/>; null when it is short, inconsistent with its flags or has bytes left over.</summary>
    public static AuthenticatorData? TryParse(byte[] raw)
    {
        if (raw.Length < HeaderLength) return null;
        var flags = (AuthenticatorFlags)raw[32];
        var count = BinaryPrimitives.ReadUInt32BigEndian(raw.AsSpan(33, 4));
        var offset = HeaderLength;
        AttestedCredential? credential = null;
        if ((flags & AuthenticatorFlags.AttestedCredentialData) != 0)
        {
            credential = ReadCredential(raw, ref offset);
            if (credential is null) return null;
        }
        if ((flags & AuthenticatorFlags.ExtensionData) != 0)
        {
            if (offset >= raw.Length || !TrySkipExtensions(raw.AsMemory(offset), out var length)) return null;
            offset += length;
        }
        return offset == raw.Length ? new AuthenticatorData(raw, raw[..32], flags, count, credential) : null;
    }

    private static AttestedCredential? ReadCredential(byte[] raw, ref int offset)
    {
        // aaguid (16) ‖ credentialIdLength (2, BE) ‖ credentialId ‖ credentialPublicKey (COSE_Key)
        if (raw.Length - offset < 18) return null;
        var aaguid = raw[offset..(offset + 16)];
        int idLength = BinaryPrimitives.ReadUInt16BigEndian(raw.AsSpan(offset + 16, 2));
        offset += 18;
        if (idLength is 0 or > MaxCredentialIdLength || raw.Length - offset < idLength) return null;
        var id = raw[offset..(offset + idLength)];
        offset += idLength;
        if (offset >= raw.Length) return null;
        var key = CoseKey.TryRead(raw.AsMemory(offset), out var keyLength);
        if (key is null) return null;
        offset += keyLength;
        return new AttestedCredential(aaguid, id, key);
    }

    private static bool TrySkipExtensions(ReadOnlyMemory<byte> data, out int length)
    {
        length = 0;
        try
        {
            length = StrictCbor.SkipMap(data);
            return true;
        }
        catch (Exception e) when (StrictCbor.IsMalformed(e))
        {
            return false;
        }
    }
}
