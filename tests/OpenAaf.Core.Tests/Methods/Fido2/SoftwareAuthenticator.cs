using System.Buffers.Binary;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using OpenAaf.Core.Methods.Fido2;

namespace OpenAaf.Core.Tests.Methods.Fido2;

/// <summary>
/// A CTAP2-like authenticator in software: one credential (ES256, RS256 or EdDSA) for one RP id, registrations
/// with attestation none / packed / packed-x5c / fido-u2f, and assertions with a counter. Its output is the
/// WebAuthn L3 JSON a browser would post, so it exercises the same parsers as real clients.
/// </summary>
public sealed class SoftwareAuthenticator(int algorithm, string rpId = Fido2Vectors.RpId) : IDisposable
{
    private readonly ECDsa _attestationKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public CredentialKey Key { get; } = new(algorithm);
    public byte[] CredentialId { get; set; } = RandomNumberGenerator.GetBytes(16);
    public byte[] Aaguid { get; set; } = Guid.Parse("01020304-0506-0708-0102-030405060708").ToByteArray(bigEndian: true);
    public uint Counter { get; set; }
    /// <summary>Issues the x5c certificate of packed-x5c and fido-u2f; a fresh CA when not set.</summary>
    public TestAttestationCa? Ca { get; set; }

    /// <summary>The do_enroll <c>response</c>: <c>{"webauthn_response": RegistrationResponseJSON}</c>.</summary>
    public string Register(Ceremony c) => new JsonObject { ["webauthn_response"] = RegistrationCredential(c) }.ToJsonString();

    /// <summary>The do_logon <c>response</c>: <c>{"webauthn_response": AuthenticationResponseJSON}</c>.</summary>
    public string Assert(Ceremony c) => new JsonObject { ["webauthn_response"] = AssertionCredential(c) }.ToJsonString();

    public JsonObject RegistrationCredential(Ceremony c)
    {
        var clientData = ClientDataJson(c, "webauthn.create");
        var authData = AuthData(c, c.Counter ?? Counter, attested: true);
        var attestation = AttestationObject(c.Format, authData, SHA256.HashData(clientData), c.BogusSignature);
        return Credential(new JsonObject
        {
            ["clientDataJSON"] = B64(clientData), ["attestationObject"] = B64(attestation), ["transports"] = new JsonArray("usb"),
        });
    }

    public JsonObject AssertionCredential(Ceremony c)
    {
        Counter = c.Counter ?? Counter + 1;
        var clientData = ClientDataJson(c, "webauthn.get");
        var authData = AuthData(c, Counter, attested: false);
        var signature = c.BogusSignature ? new byte[] { 0 } : Key.Sign([.. authData, .. SHA256.HashData(clientData)]);
        return Credential(new JsonObject
        {
            ["clientDataJSON"] = B64(clientData), ["authenticatorData"] = B64(authData), ["signature"] = B64(signature),
            ["userHandle"] = c.UserHandle is null ? null : B64(c.UserHandle),
        });
    }

    public byte[] AuthData(Ceremony c, uint counter, bool attested)
    {
        var flags = c.Flags | (attested ? AuthenticatorFlags.AttestedCredentialData : 0) | (c.Extensions is null ? 0 : AuthenticatorFlags.ExtensionData);
        var bytes = new List<byte>(SHA256.HashData(Encoding.UTF8.GetBytes(c.RpIdForHash ?? rpId))) { (byte)flags };
        var count = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(count, counter);
        bytes.AddRange(count);
        if (attested)
        {
            bytes.AddRange(c.Format == "fido-u2f" ? new byte[16] : Aaguid);
            bytes.Add((byte)(CredentialId.Length >> 8));
            bytes.Add((byte)CredentialId.Length);
            bytes.AddRange(CredentialId);
            bytes.AddRange(Key.CoseKey());
        }
        if (c.Extensions is not null) bytes.AddRange(c.Extensions);
        return [.. bytes];
    }

    private byte[] AttestationObject(string format, byte[] authData, byte[] clientDataHash, bool bogus)
    {
        var w = new CborWriter(CborConformanceMode.Lax);
        w.WriteStartMap(3);
        w.WriteTextString("fmt");
        w.WriteTextString(format == "packed-x5c" ? "packed" : format);
        w.WriteTextString("attStmt");
        byte[] signed = [.. authData, .. clientDataHash];
        switch (format)
        {
            case "packed":
                w.WriteStartMap(2);
                w.WriteTextString("alg"); w.WriteInt32(Key.Algorithm);
                w.WriteTextString("sig"); w.WriteByteString(bogus ? [0] : Key.Sign(signed));
                w.WriteEndMap();
                break;
            case "packed-x5c":
                w.WriteStartMap(3);
                w.WriteTextString("alg"); w.WriteInt32(CoseAlgorithms.Es256);
                w.WriteTextString("sig"); w.WriteByteString(bogus ? [0] : SignAttestation(signed));
                WriteX5c(w, Aaguid);
                w.WriteEndMap();
                break;
            case "fido-u2f":
                var p = Key.EcKey!.ExportParameters(false);
                byte[] u2f = [0x00, .. authData[..32], .. clientDataHash, .. CredentialId, 0x04, .. p.Q.X!, .. p.Q.Y!];
                w.WriteStartMap(2);
                w.WriteTextString("sig"); w.WriteByteString(bogus ? [0] : SignAttestation(u2f));
                WriteX5c(w, null);
                w.WriteEndMap();
                break;
            default:
                w.WriteStartMap(0);
                w.WriteEndMap();
                break;
        }
        w.WriteTextString("authData");
        w.WriteByteString(authData);
        w.WriteEndMap();
        return w.Encode();
    }

    private byte[] SignAttestation(byte[] data) => _attestationKey.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    private void WriteX5c(CborWriter w, byte[]? aaguid)
    {
        Ca ??= new TestAttestationCa();
        using var certificate = Ca.Issue(_attestationKey, aaguid);
        w.WriteTextString("x5c");
        w.WriteStartArray(1);
        w.WriteByteString(certificate.RawData);
        w.WriteEndArray();
    }

    private JsonObject Credential(JsonObject response) => new()
    {
        ["id"] = B64(CredentialId), ["rawId"] = B64(CredentialId), ["type"] = "public-key", ["response"] = response,
        ["clientExtensionResults"] = new JsonObject(),
    };

    private static byte[] ClientDataJson(Ceremony c, string type) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["type"] = c.Type ?? type, ["challenge"] = B64(c.Challenge), ["origin"] = c.Origin, ["crossOrigin"] = c.CrossOrigin,
    }.ToJsonString());

    private static string B64(byte[] bytes) => Base64UrlText.Encode(bytes);

    public void Dispose()
    {
        Key.Dispose();
        _attestationKey.Dispose();
    }
}
