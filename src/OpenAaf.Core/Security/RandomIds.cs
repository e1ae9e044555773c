using System.Security.Cryptography;

namespace OpenAaf.Core.Security;

/// <summary>Identifiers from the system CSPRNG (api.md §1.2).</summary>
public static class RandomIds
{
    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>32 characters of [A-Za-z0-9]: about 190 bits, for session and process ids and generated secrets.</summary>
    public static string NewToken() => RandomNumberGenerator.GetString(Alphanumeric, 32);

    /// <summary>32 lowercase hex characters (128 bits), for object ids.</summary>
    public static string NewHexId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
