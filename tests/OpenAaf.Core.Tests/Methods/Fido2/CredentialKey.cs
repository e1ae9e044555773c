using System.Formats.Cbor;
using System.Security.Cryptography;
using NSec.Cryptography;
using OpenAaf.Core.Methods.Fido2;

namespace OpenAaf.Core.Tests.Methods.Fido2;

/// <summary>A software credential key pair of one COSE algorithm: its COSE_Key encoding and its signatures.</summary>
public sealed class CredentialKey : IDisposable
{
    private readonly ECDsa? _ec;
    private readonly RSA? _rsa;
    private readonly Key? _ed;

    public CredentialKey(int algorithm)
    {
        Algorithm = algorithm;
        switch (algorithm)
        {
            case CoseAlgorithms.Es256: _ec = ECDsa.Create(ECCurve.NamedCurves.nistP256); break;
            case CoseAlgorithms.Rs256: _rsa = RSA.Create(2048); break;
            case CoseAlgorithms.EdDsa: _ed = Key.Create(SignatureAlgorithm.Ed25519); break;
            default: throw new ArgumentOutOfRangeException(nameof(algorithm));
        }
    }

    public int Algorithm { get; }

    public ECDsa? EcKey => _ec;

    public byte[] CoseKey()
    {
        var w = new CborWriter(CborConformanceMode.Lax);
        switch (Algorithm)
        {
            case CoseAlgorithms.Es256:
                var p = _ec!.ExportParameters(false);
                w.WriteStartMap(5);
                w.WriteInt32(1); w.WriteInt32(2); w.WriteInt32(3); w.WriteInt32(-7);
                w.WriteInt32(-1); w.WriteInt32(1); w.WriteInt32(-2); w.WriteByteString(p.Q.X!); w.WriteInt32(-3); w.WriteByteString(p.Q.Y!);
                break;
            case CoseAlgorithms.Rs256:
                var r = _rsa!.ExportParameters(false);
                w.WriteStartMap(4);
                w.WriteInt32(1); w.WriteInt32(3); w.WriteInt32(3); w.WriteInt32(-257);
                w.WriteInt32(-1); w.WriteByteString(r.Modulus!); w.WriteInt32(-2); w.WriteByteString(r.Exponent!);
                break;
            default:
                w.WriteStartMap(4);
                w.WriteInt32(1); w.WriteInt32(1); w.WriteInt32(3); w.WriteInt32(-8);
                w.WriteInt32(-1); w.WriteInt32(6); w.WriteInt32(-2); w.WriteByteString(_ed!.PublicKey.Export(KeyBlobFormat.RawPublicKey));
                break;
        }
        w.WriteEndMap();
        return w.Encode();
    }

    public byte[] Sign(byte[] data) => Algorithm switch
    {
        CoseAlgorithms.Es256 => _ec!.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence),
        CoseAlgorithms.Rs256 => _rsa!.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
        _ => SignatureAlgorithm.Ed25519.Sign(_ed!, data),
    };

    public void Dispose()
    {
        _ec?.Dispose();
        _rsa?.Dispose();
        _ed?.Dispose();
    }
}
