using System.Security.Cryptography;

namespace OpenAaf.Core.Security;

/// <summary>
/// Where challenges, OTP codes and generated secrets come from. The system CSPRNG in production; tests
/// substitute fixed bytes to replay recorded vectors (test-vectors.md, "Test hooks").
/// </summary>
public interface IRandomSource
{
    void Fill(Span<byte> buffer);
}

public sealed class CryptographicRandomSource : IRandomSource
{
    public static readonly CryptographicRandomSource Instance = new();

    public void Fill(Span<byte> buffer) => RandomNumberGenerator.Fill(buffer);
}
