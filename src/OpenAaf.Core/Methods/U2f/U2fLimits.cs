namespace OpenAaf.Core.Methods.U2f;

/// <summary>
/// Upper bounds on decoded fields: anything larger cannot be a valid U2F message and is refused while
/// decoding (U2F_BAD_RESPONSE / U2F_REGISTRATION_INVALID) instead of being parsed or hashed.
/// </summary>
internal static class U2fLimits
{
    /// <summary>The length byte of the raw formats allows 255 (u2f.h says 128; the Perl tester emits more than 64).</summary>
    public const int KeyHandle = 255;
    public const int ClientData = 8 * 1024;
    /// <summary>flags ‖ counter ‖ DER signature of at most 72 bytes, with room for lenient encoders.</summary>
    public const int SignatureData = 256;
    public const int Signature = 256;
    public const int AuthenticatorData = 1024;
    /// <summary>Header, public key, key handle, a certificate of up to 2048 bytes (u2f.h) with slack, signature.</summary>
    public const int RegistrationData = 8 * 1024;
}
