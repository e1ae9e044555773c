namespace OpenAaf.Core.Methods.Otp;

/// <summary>The values of an OTP method's <c>otp_format</c> (methods.md §13): six or eight decimal digits.</summary>
public static class OtpFormats
{
    public static readonly string[] All = ["dec6", "dec8"];
}
