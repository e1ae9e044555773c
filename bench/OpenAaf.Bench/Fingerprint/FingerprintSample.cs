using OpenAaf.Biometrics.Matching;

namespace OpenAaf.Bench.Fingerprint;

/// <summary>One impression: file F_I.iso is impression I of finger F.</summary>
internal sealed record FingerprintSample(string Finger, string Impression, string Path, FingerprintTemplate Template);
