namespace OpenAaf.Core.Configuration.Bootstrap;

/// <summary>An endpoint as the configuration declares it; the id may be given (legacy predefined endpoints).</summary>
public sealed record EndpointDeclaration
{
    /// <summary>32 lowercase hex, or null to keep the stored id (or generate one).</summary>
    public string? Id { get; init; }
    public required string Name { get; init; }
    public required string Secret { get; init; }
    public int Typ { get; init; } = 3;
    public string Desc { get; init; } = "";
    public bool IsTrusted { get; init; }
    public bool IsEnabled { get; init; } = true;
    public string? OwnerUserName { get; init; }
}
