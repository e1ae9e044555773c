using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using OpenAaf.Core.Methods.U2f;

namespace OpenAaf.Core.Tests.Methods.U2f;

/// <summary>
/// Builds U2F messages for cases the recorded vectors do not cover, with the spec's published private
/// keys or fresh ones. ECDSA is randomised, so these are generated per run.
/// </summary>
internal static class U2fTestSigner
{
    /// <summary>The §3.1 user key, which signs for the vector template.</summary>
    public static ECDsa VectorUserKey() => FromPrivate(U2fVectors.AuthUserPrivateKeyHex);

    public static ECDsa FromPrivate(string hex)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        key.ImportParameters(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = Convert.FromHexString(hex) });
        return key;
    }

    public static byte[] PublicPoint(ECDsa key)
    {
        var q = key.ExportParameters(false).Q;
        return [0x04, .. q.X!, .. q.Y!];
    }

    public static byte[] Sign(ECDsa key, byte[] data) =>
        key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    public static string ClientData(string typ, string challenge, string origin, string typKey = "typ", string extra = "") =>
        WebSafeBase64.Encode(Encoding.UTF8.GetBytes($$"""{"{{typKey}}":"{{typ}}","challenge":"{{challenge}}","origin":"{{origin}}"{{extra}}}"""));

    /// <summary>A signResponse's signatureData: flags ‖ counter ‖ DER signature over the §9.2 step 7 layout.</summary>
    public static string SignatureData(ECDsa key, string appId, byte flags, uint counter, string clientData)
    {
        var prefix = AuthenticatorData(appId, flags, counter);
        var signature = Sign(key, [.. prefix, .. SHA256.HashData(WebSafeBase64.Decode(clientData, U2fLimits.ClientData)!)]);
        return WebSafeBase64.Encode([.. prefix.AsSpan(32), .. signature]);
    }

    public static byte[] AuthenticatorData(string appId, byte flags, uint counter)
    {
        var data = new byte[37];
        SHA256.HashData(Encoding.UTF8.GetBytes(appId)).CopyTo(data, 0);
        data[32] = flags;
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(33), counter);
        return data;
    }

    /// <summary>registrationData signed by <paramref name="attestationKey"/> (methods.md §9.4 steps 2–3).</summary>
    public static byte[] Registration(ECDsa attestationKey, byte[] certificate, string appId, string clientData, byte[] keyHandle, byte[] userPublicKey)
    {
        byte[] signed = [0x00, .. SHA256.HashData(Encoding.UTF8.GetBytes(appId)),
            .. SHA256.HashData(WebSafeBase64.Decode(clientData, U2fLimits.ClientData)!), .. keyHandle, .. userPublicKey];
        return [0x05, .. userPublicKey, (byte)keyHandle.Length, .. keyHandle, .. certificate, .. Sign(attestationKey, signed)];
    }

    /// <summary>A self-signed P-256 CA and a leaf it issued, valid around <paramref name="now"/>.</summary>
    public static (X509Certificate2 Root, X509Certificate2 Leaf, ECDsa LeafKey) AttestationChain(DateTimeOffset now, TimeSpan leafLifetime)
    {
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var rootRequest = new CertificateRequest("CN=Test U2F Attestation Root", rootKey, HashAlgorithmName.SHA256);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        var root = rootRequest.CreateSelfSigned(now.AddYears(-1), now.AddYears(10));

        var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leafRequest = new CertificateRequest("CN=Test U2F Batch", leafKey, HashAlgorithmName.SHA256);
        var leaf = leafRequest.Create(root, now.AddDays(-1), now.Add(leafLifetime), [1, 2, 3, 4]);
        return (root, leaf, leafKey);
    }

    /// <summary>A fresh user key and handle registered with the spec attestation key and certificate.</summary>
    public static (string RegistrationData, byte[] KeyHandle, ECDsa UserKey) SpecAttestedRegistration(string appId, string clientData, byte[]? keyHandle = null)
    {
        using var attestationKey = FromPrivate("f3fccc0d00d8031954f90864d43c247f4bf5f0665c6b50cc17749a27d1cf7664");
        var userKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        keyHandle ??= RandomNumberGenerator.GetBytes(64);
        var data = Registration(attestationKey, Convert.FromHexString(U2fVectors.AttestationCertificateHex), appId, clientData, keyHandle, PublicPoint(userKey));
        return (WebSafeBase64.Encode(data), keyHandle, userKey);
    }
}
