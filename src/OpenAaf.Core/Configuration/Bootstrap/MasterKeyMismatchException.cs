namespace OpenAaf.Core.Configuration.Bootstrap;

/// <summary>The master key cannot decrypt the check value kept with the data: fatal, never ignored.</summary>
public sealed class MasterKeyMismatchException(string message) : Exception(message);
