using System.Formats.Cbor;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.Fido2;
using OpenAaf.Core.Security;

namespace OpenAaf.Core.Tests.Methods.Fido2;

/// <summary>The CBOR parsers: strict encoding, exact lengths, consistent COSE keys, bounded nesting.</summary>
public sealed class Fido2CborTests
{
    private static readonly byte[] Vector = Base64UrlText.TryDecode(Fido2Vectors.AttestationObject, 4096, out var b) ? b : [];

    private static byte[] Map(Action<CborWriter> entries, int? count)
    {
        var w = new CborWriter(CborConformanceMode.Lax, convertIndefiniteLengthEncodings: false);
        w.WriteStartMap(count);
        entries(w);
        w.WriteEndMap();
        return w.Encode();
    }

    private static void Entry(CborWriter w, string key, Action<CborWriter> value)
    {
        w.WriteTextString(key);
        value(w);
    }

    private static byte[] AuthDataOfVector => AttestationObject.TryParse(Vector)!.AuthData;

    [Fact]
    public void TheVector_Parses_AndItsCoseKeyIsTheVectorsKey()
    {
        var parsed = AttestationObject.TryParse(Vector)!;
        var authData = AuthenticatorData.TryParse(parsed.AuthData)!;

        Assert.Equal("none", parsed.Format);
        Assert.True(parsed.Statement.IsEmpty);
        Assert.Equal(Fido2Vectors.CoseKeyHex, Convert.ToHexStringLower(authData.Credential!.PublicKey.Encoded));
        Assert.True(CoseSignature.IsUsable(authData.Credential.PublicKey));
    }

    [Fact]
    public void TrailingBytes_IndefiniteLengths_DuplicateKeys_AndWrongTypes_AreRefused()
    {
        Assert.Null(AttestationObject.TryParse([.. Vector, 0x00]));
        Assert.Null(AttestationObject.TryParse(Map(w =>
        {
            Entry(w, "fmt", x => x.WriteTextString("none"));
            Entry(w, "attStmt", x => { x.WriteStartMap(0); x.WriteEndMap(); });
            Entry(w, "authData", x => x.WriteByteString(AuthDataOfVector));
        }, null)));
        Assert.Null(AttestationObject.TryParse(Map(w =>
        {
            Entry(w, "fmt", x => x.WriteTextString("none"));
            Entry(w, "fmt", x => x.WriteTextString("packed"));
            Entry(w, "attStmt", x => { x.WriteStartMap(0); x.WriteEndMap(); });
            Entry(w, "authData", x => x.WriteByteString(AuthDataOfVector));
        }, 4)));
        Assert.Null(AttestationObject.TryParse(Map(w =>
        {
            Entry(w, "fmt", x => x.WriteTextString("none"));
            Entry(w, "attStmt", x => x.WriteByteString([]));
            Entry(w, "authData", x => x.WriteByteString(AuthDataOfVector));
        }, 3)));
        Assert.Null(AttestationObject.TryParse(Map(w =>
        {
            Entry(w, "fmt", x => x.WriteTextString("none"));
            Entry(w, "attStmt", x => { x.WriteStartMap(0); x.WriteEndMap(); });
            Entry(w, "authData", x => { x.WriteStartIndefiniteLengthByteString(); x.WriteByteString(AuthDataOfVector); x.WriteEndIndefiniteLengthByteString(); });
        }, 3)));
    }

    [Fact]
    public void DeeplyNestedExtensions_AreRefused_WithoutRecursingAway()
    {
        byte[] nested = [0xa1, 0x01, .. Enumerable.Repeat((byte)0x81, 100_000), 0x00];
        byte[] authData = [.. new byte[32], 0x81, 0, 0, 0, 1, .. nested];

        Assert.Null(AuthenticatorData.TryParse(authData));
    }

    [Fact]
    public async Task WellFormedExtensions_AreAccepted_AndAssertionsWithAttestedDataAreNot()
    {
        var f = new Fido2Fixture(random: CryptographicRandomSource.Instance);
        using var key = new SoftwareAuthenticator(CoseAlgorithms.Es256);
        var template = await f.EnrolledAsync(key);
        var extensions = Map(w => Entry(w, "credProtect", x => x.WriteInt32(1)), 1);

        Assert.IsType<MethodStep.Passed>(await f.AuthenticateAsync(key, [template], c => c with { Extensions = extensions }));
        Assert.Equal(Fido2Outcomes.Fido2BadResponse, Fido2Fixture.FailureOf(await f.AuthenticateAsync(key, [template],
            c => c with { Flags = c.Flags | AuthenticatorFlags.AttestedCredentialData })));
    }

    public static TheoryData<string> InconsistentKeys => new()
    {
        "a5010203390100200121582000000000000000000000000000000000000000000000000000000000000000012258200000000000000000000000000000000000000000000000000000000000000001",
        "a5010203262002215820675d2d364e91d21789456c434ff4a91be1799c01919848536bdf0b62679349e62258208ef595d09edeb5d02c0e9638ff889d8a7e41e8b031f095aa982256d117bfb104",
        "a501020326200121581f5d2d364e91d21789456c434ff4a91be1799c01919848536bdf0b62679349e62258208ef595d09edeb5d02c0e9638ff889d8a7e41e8b031f095aa982256d117bfb104",
        "a4010103272004215820d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
        "a401030339010020584000",
        "a3010203262001",
    };

    [Theory]
    [MemberData(nameof(InconsistentKeys))]
    public void CoseKeysWhoseTypeAlgorithmAndParametersDisagree_AreRefused(string hex) =>
        Assert.Null(CoseKey.TryParse(Convert.FromHexString(hex)));

    [Fact]
    public void PointsNotOnTheCurve_AreNotUsable()
    {
        var offCurve = Fido2Vectors.CoseKeyHex[..^2] + "05";
        var key = CoseKey.TryParse(Convert.FromHexString(offCurve));

        Assert.NotNull(key);
        Assert.False(CoseSignature.IsUsable(key));
    }
}
