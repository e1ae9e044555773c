namespace OpenAaf.Core.Methods.Otp;

/// <summary>How a secret typed or pasted by a client is encoded (methods.md §5.2).</summary>
public enum OtpSecretEncoding
{
    Base32,
    Hex,
    /// <summary>Manual entry: hex if the text is an even-length hex string, else base32.</summary>
    Detect,
}
