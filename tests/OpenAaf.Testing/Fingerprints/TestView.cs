namespace OpenAaf.Testing.Fingerprints;

/// <summary>One finger view for <see cref="RecordWriter"/>; Extended is the raw extended data block content.</summary>
public sealed record TestView(IReadOnlyList<TestMinutia> Minutiae, int Position = 2, int Impression = 0, int Quality = 80, byte[]? Extended = null);
