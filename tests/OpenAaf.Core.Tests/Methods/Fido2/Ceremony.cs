using OpenAaf.Core.Methods.Fido2;

namespace OpenAaf.Core.Tests.Methods.Fido2;

/// <summary>What a software authenticator is asked to produce, and how to get it wrong on purpose.</summary>
public sealed record Ceremony
{
    public required byte[] Challenge { get; init; }
    public string Origin { get; init; } = Fido2Vectors.Origin;
    /// <summary>clientDataJSON type; null = the ceremony's own (webauthn.create / webauthn.get).</summary>
    public string? Type { get; init; }
    public bool CrossOrigin { get; init; }
    public AuthenticatorFlags Flags { get; init; } = AuthenticatorFlags.UserPresent | AuthenticatorFlags.UserVerified;
    /// <summary>Sign count to report; null = the authenticator's next count.</summary>
    public uint? Counter { get; init; }
    /// <summary>RP id whose hash starts authData; null = the authenticator's.</summary>
    public string? RpIdForHash { get; init; }
    public bool BogusSignature { get; init; }
    public byte[]? UserHandle { get; init; }
    /// <summary>Extension CBOR appended to authData (the ED flag is set with it).</summary>
    public byte[]? Extensions { get; init; }
    /// <summary>Registration only: none, packed (self), packed-x5c, fido-u2f, or any other format name.</summary>
    public string Format { get; init; } = "none";
}
