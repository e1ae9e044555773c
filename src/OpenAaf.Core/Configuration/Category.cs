namespace OpenAaf.Core.Configuration;

/// <summary>A template category; the default category <c>""</c> is implicit.</summary>
public sealed record Category(string Id, string Name, string Desc);
