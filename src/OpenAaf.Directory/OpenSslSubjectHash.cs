using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace OpenAaf.Directory;

/// <summary>
/// OpenSSL's <c>X509_NAME_hash</c> (what <c>openssl x509 -hash</c> prints and <c>openssl rehash</c>
/// names files after): SHA-1 over the canonical name encoding, first four bytes little-endian.
/// Canonical form: each RDN's DER SET with string values converted to UTF8String, trimmed,
/// inner whitespace collapsed to one space and ASCII lowercased; no outer SEQUENCE.
/// </summary>
internal static class OpenSslSubjectHash
{
    public static string Compute(X500DistinguishedName name)
    {
        var reader = new AsnReader(name.RawData, AsnEncodingRules.DER);
        var rdns = reader.ReadSequence();
        reader.ThrowIfNotEmpty();
        var canonical = new MemoryStream();
        while (rdns.HasData)
        {
            var set = rdns.ReadSetOf();
            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSetOf())
            {
                while (set.HasData)
                {
                    var attribute = set.ReadSequence();
                    var oid = attribute.ReadObjectIdentifier();
                    var value = attribute.ReadEncodedValue();
                    using (writer.PushSequence())
                    {
                        writer.WriteObjectIdentifier(oid);
                        WriteCanonicalValue(writer, value);
                    }
                }
            }
            canonical.Write(writer.Encode());
        }
        var digest = SHA1.HashData(canonical.ToArray());
        var hash = digest[0] | (uint)digest[1] << 8 | (uint)digest[2] << 16 | (uint)digest[3] << 24;
        return hash.ToString("x8");
    }

    private static void WriteCanonicalValue(AsnWriter writer, ReadOnlyMemory<byte> encoded)
    {
        var tag = Asn1Tag.Decode(encoded.Span, out _);
        UniversalTagNumber? type = tag.TagClass == TagClass.Universal ? (UniversalTagNumber)tag.TagValue : null;
        if (type is UniversalTagNumber.UTF8String or UniversalTagNumber.BMPString or UniversalTagNumber.UniversalString
            or UniversalTagNumber.PrintableString or UniversalTagNumber.T61String or UniversalTagNumber.IA5String
            or UniversalTagNumber.VisibleString or UniversalTagNumber.NumericString)
        {
            var text = ReadString(encoded, type.Value);
            writer.WriteCharacterString(UniversalTagNumber.UTF8String, Canonicalize(text));
            return;
        }
        writer.WriteEncodedValue(encoded.Span);
    }

    private static string ReadString(ReadOnlyMemory<byte> encoded, UniversalTagNumber type)
    {
        var reader = new AsnReader(encoded, AsnEncodingRules.BER);
        if (type == UniversalTagNumber.T61String)
        {
            // Like OpenSSL, treat T61String bytes as Latin-1.
            var bytes = reader.ReadOctetString(new Asn1Tag(UniversalTagNumber.T61String));
            return Encoding.Latin1.GetString(bytes);
        }
        return reader.ReadCharacterString(type);
    }

    private static string Canonicalize(string value)
    {
        var text = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value.Trim(' ', '\t', '\n', '\v', '\f', '\r'))
        {
            if (c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r') { pendingSpace = true; continue; }
            if (pendingSpace) { text.Append(' '); pendingSpace = false; }
            text.Append(c < 0x80 ? char.ToLowerInvariant(c) : c);
        }
        return text.ToString();
    }
}
