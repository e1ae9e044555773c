namespace OpenAaf.Core.Methods.Fido2;

/// <summary>The attested credential data of a registration (WebAuthn §6.5.1).</summary>
public sealed record AttestedCredential(byte[] Aaguid, byte[] CredentialId, CoseKey PublicKey)
{
    public Guid AaguidValue => new(Aaguid, bigEndian: true);
}
