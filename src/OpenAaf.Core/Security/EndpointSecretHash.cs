using System.Security.Cryptography;
using System.Text;

namespace OpenAaf.Core.Security;

/// <summary>The vendor's endpoint-session proof (api.md §3.4): SHA256(secret + hex(SHA256(id + salt))).</summary>
public static class EndpointSecretHash
{
    public static string Compute(string endpointId, string secret, string salt)
    {
        var inner = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(endpointId + salt)));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret + inner)));
    }

    /// <summary>Constant-time, case-insensitive comparison of a 64-hex-digit hash with the expected one.</summary>
    public static bool Verify(string endpointId, string secret, string salt, string presentedHash)
    {
        var expected = Encoding.ASCII.GetBytes(Compute(endpointId, secret, salt));
        var presented = Encoding.ASCII.GetBytes(presentedHash.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, presented);
    }
}
