using NSec.Cryptography;

namespace OpenAaf.Core.Methods.Fido2;

/// <summary>COSE algorithm ids FIDO2:1 verifies (methods.md §10: ES256, RS256, EdDSA/Ed25519).</summary>
public static class CoseAlgorithms
{
    public const int Es256 = -7;
    public const int EdDsa = -8;
    public const int Rs256 = -257;

    /// <summary>
    /// Ed25519 comes from libsodium (NSec): offered only when the native library loads, because
    /// methods.md §10 says an algorithm the implementation cannot verify is not offered.
    /// </summary>
    public static readonly bool EdDsaAvailable = ProbeEd25519();

    public static bool IsSupported(int algorithm) =>
        algorithm is Es256 or Rs256 || (algorithm == EdDsa && EdDsaAvailable);

    /// <summary>The policy's algorithms that can be verified, in the policy's order, without repeats.</summary>
    public static IReadOnlyList<int> Offered(IEnumerable<int> configured) => configured.Where(IsSupported).Distinct().ToList();

    private static bool ProbeEd25519()
    {
        try
        {
            return SignatureAlgorithm.Ed25519 is not null;
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or PlatformNotSupportedException or InvalidOperationException)
        {
            return false;
        }
    }
}
