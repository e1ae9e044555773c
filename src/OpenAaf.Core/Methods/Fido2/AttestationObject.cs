using System.Formats.Cbor;

namespace OpenAaf.Core.Methods.Fido2;

/// <summary>
/// The attestation object (WebAuthn §6.5.4): a CBOR map with text <c>fmt</c>, map <c>attStmt</c> and bytes
/// <c>authData</c>, nothing after it (methods.md §10.6 step 2).
/// </summary>
public sealed record AttestationObject(string Format, AttestationStatement Statement, byte[] AuthData)
{
    public static AttestationObject? TryParse(byte[] encoded)
    {
        try
        {
            var reader = StrictCbor.Reader(encoded);
            string? format = null;
            AttestationStatement? statement = null;
            byte[]? authData = null;
            var pairs = StrictCbor.ReadMapStart(reader);
            for (var i = 0; i < pairs; i++)
            {
                switch (StrictCbor.ReadText(reader))
                {
                    case "fmt": format = StrictCbor.ReadText(reader); break;
                    case "attStmt": statement = AttestationStatement.Read(reader); break;
                    case "authData": authData = StrictCbor.ReadBytes(reader); break;
                    default: StrictCbor.Skip(reader); break;
                }
            }
            reader.ReadEndMap();
            if (reader.BytesRemaining != 0 || format is null || statement is null || authData is null) return null;
            return new AttestationObject(format, statement, authData);
        }
        catch (Exception e) when (StrictCbor.IsMalformed(e))
        {
            return null;
        }
    }
}
