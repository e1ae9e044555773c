namespace OpenAaf.Testing.Fingerprints;

/// <summary>The seed's fingerprint capture (spec/test-vectors.md §5): ISO 2005, 256 × 180 px, 45 minutiae of type 0.</summary>
public static class SeedCapture
{
    public const string Base64 =
        "Rk1SACAyMAAAAAEsAAABAAC0AMUAxQEAAANaLQAPAEsvYwAXAGTQYwAcAF9HYwAlAC6QYwAlAEyvYwAmAH93YwAuADKQYwAwAGt3YwAx"
        + "AFf3YwA0AKAQYwA3ADEHYwA5AEWAYwA+AKUQYwBBAIqHYwBIAKkQYwBQADVoYwBRAGSYYwBTACvoYwBVAKoYYwBeAI6YYwBfAKoYYwBh"
        + "AGO3MgBiACHfYwBkACvYYwBqAKofYwB0AC/YYwB4AHWvYwB5AEZQYwB5AGE3YwB7ABjYYwB9AE/HYwCCABTYYwCMABlYYwCOAHG3YwCY"
        + "AGo3YwCZAJMvYwCbACHQYwCbAEtHYwCmAEjHYwDKAJcvYwDKAKkvYwDOAGY3YwDWAFRAYwDXAFzAYwDrAHq3YwAA";

    public static byte[] Bytes() => Convert.FromBase64String(Base64);
}
