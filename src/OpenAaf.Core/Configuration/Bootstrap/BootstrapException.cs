namespace OpenAaf.Core.Configuration.Bootstrap;

/// <summary>
/// A bootstrap document that refers to something that does not exist. The Server's loader validates
/// documents first, so this means a caller skipped validation: a bug, not an operator error.
/// </summary>
public sealed class BootstrapException(string message) : Exception(message);
