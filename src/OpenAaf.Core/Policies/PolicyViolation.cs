namespace OpenAaf.Core.Policies;

/// <summary>A policy field whose value is out of range; <see cref="Field"/> is the wire field name.</summary>
public sealed record PolicyViolation(string Field, string Message);
