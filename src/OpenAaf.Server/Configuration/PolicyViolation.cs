namespace OpenAaf.Server.Configuration;

/// <summary>A policy field whose value is out of range; <see cref="Field"/> is the wire field name.</summary>
internal sealed record PolicyViolation(string Field, string Message);
