using System.Text;
using OpenAaf.Core.Methods.Otp;

namespace OpenAaf.Core.Tests.Methods.Otp;

/// <summary>Seeds and codes of test-vectors.md §4 (RFC 4226 Appendix D, RFC 6238 Appendix B).</summary>
public static class OtpVectors
{
    public static readonly byte[] Seed20 = Encoding.ASCII.GetBytes("12345678901234567890");
    public static readonly byte[] Seed32 = Encoding.ASCII.GetBytes("12345678901234567890123456789012");
    public static readonly byte[] Seed64 = Encoding.ASCII.GetBytes("1234567890123456789012345678901234567890123456789012345678901234");

    public const string Seed20Hex = "3132333435363738393031323334353637383930";
    public const string Seed20Base32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    public const string Seed32Base32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA====";
    public const string Seed64Base32 =
        "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNA=";

    /// <summary>RFC 4226 Appendix D: HOTP(Seed20, count) for count 0…9.</summary>
    public static readonly string[] Hotp = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"];

    /// <summary>The seed the RFC 6238 reference code uses for each algorithm (test-vectors.md §4.2).</summary>
    public static byte[] SeedFor(OtpAlgorithm algorithm) => algorithm switch
    {
        OtpAlgorithm.Sha256 => Seed32,
        OtpAlgorithm.Sha512 => Seed64,
        _ => Seed20,
    };

    /// <summary>RFC 6238 Appendix B: (unix time, algorithm, 8-digit code).</summary>
    public static TheoryData<long, OtpAlgorithm, string> Totp => new()
    {
        { 59, OtpAlgorithm.Sha1, "94287082" }, { 59, OtpAlgorithm.Sha256, "46119246" }, { 59, OtpAlgorithm.Sha512, "90693936" },
        { 1111111109, OtpAlgorithm.Sha1, "07081804" }, { 1111111109, OtpAlgorithm.Sha256, "68084774" }, { 1111111109, OtpAlgorithm.Sha512, "25091201" },
        { 1111111111, OtpAlgorithm.Sha1, "14050471" }, { 1111111111, OtpAlgorithm.Sha256, "67062674" }, { 1111111111, OtpAlgorithm.Sha512, "99943326" },
        { 1234567890, OtpAlgorithm.Sha1, "89005924" }, { 1234567890, OtpAlgorithm.Sha256, "91819424" }, { 1234567890, OtpAlgorithm.Sha512, "93441116" },
        { 2000000000, OtpAlgorithm.Sha1, "69279037" }, { 2000000000, OtpAlgorithm.Sha256, "90698825" }, { 2000000000, OtpAlgorithm.Sha512, "38618901" },
        { 20000000000, OtpAlgorithm.Sha1, "65353130" }, { 20000000000, OtpAlgorithm.Sha256, "77737706" }, { 20000000000, OtpAlgorithm.Sha512, "47863826" },
    };
}
