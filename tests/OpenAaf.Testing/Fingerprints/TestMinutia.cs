namespace OpenAaf.Testing.Fingerprints;

/// <summary>A minutia as a record codes it: type bits, pixel position, raw angle in the format's unit.</summary>
public sealed record TestMinutia(int Type, int X, int Y, int Angle, int Quality = 60);
