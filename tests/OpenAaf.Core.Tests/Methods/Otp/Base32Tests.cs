using System.Text;
using OpenAaf.Core.Methods.Otp;

namespace OpenAaf.Core.Tests.Methods.Otp;

/// <summary>RFC 4648 §10 vectors and the tolerance of methods.md §5.2 (case, spaces, <c>=</c>).</summary>
public sealed class Base32Tests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("f", "MY")]
    [InlineData("fo", "MZXQ")]
    [InlineData("foo", "MZXW6")]
    [InlineData("foob", "MZXW6YQ")]
    [InlineData("fooba", "MZXW6YTB")]
    [InlineData("foobar", "MZXW6YTBOI")]
    public void Rfc4648Vectors_EncodeWithoutPadding_AndDecodeWithOrWithout(string text, string encoded)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        var padded = encoded.PadRight((encoded.Length + 7) / 8 * 8, '=');

        Assert.Equal(encoded, Base32.Encode(bytes));
        Assert.Equal(bytes, Base32.TryDecode(encoded));
        Assert.Equal(bytes, Base32.TryDecode(padded));
    }

    [Theory]
    [InlineData(OtpVectors.Seed20Base32)]
    [InlineData("gezdgnbvgy3tqojqgezdgnbvgy3tqojq")]
    [InlineData("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ")]
    [InlineData("gezd gnbv Gy3t qojq GEZD gnbv gy3t qojq====")]
    [InlineData("GEZDGNBVGY3T=QOJQGEZDGNBVGY3TQOJQ")]
    public void Decoding_IgnoresCaseSpacesAndPadding(string text) =>
        Assert.Equal(OtpVectors.Seed20, Base32.TryDecode(text));

    [Theory]
    [InlineData("GEZDGNBVGY3TQOJ1")]   // 1 is not in the alphabet (it would be I or L)
    [InlineData("GEZDGNBVGY3TQOJ0")]   // nor 0 (O)
    [InlineData("GEZDGNBVGY3TQOJ8")]
    [InlineData("GEZDGNBV-GY3TQOJQ")]
    [InlineData("GEZDGNBVGY3TQOJQ\t")]
    [InlineData("GEZDGNBVGY3TQOJÄ")]
    [InlineData("A")]                  // 1, 3 or 6 symbols in the last quantum cannot be whole bytes
    [InlineData("MZX")]
    [InlineData("MZXW6Y")]
    public void Decoding_RefusesForeignCharactersAndImpossibleLengths(string text) => Assert.Null(Base32.TryDecode(text));

    [Fact]
    public void RandomBytes_RoundTrip()
    {
        var random = new Random(4648);
        for (var length = 0; length < 70; length++)
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            Assert.Equal(bytes, Base32.TryDecode(Base32.Encode(bytes)));
            Assert.Equal(bytes, Base32.TryDecode(Base32.Encode(bytes).ToLowerInvariant()));
        }
    }
}
