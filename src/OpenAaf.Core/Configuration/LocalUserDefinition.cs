namespace OpenAaf.Core.Configuration;

/// <summary>A user of the LOCAL repository as declared by bootstrap.</summary>
public sealed record LocalUserDefinition
{
    public required string Name { get; init; }
    public string? Password { get; init; }
    public string Email { get; init; } = "";
    public string MobilePhone { get; init; } = "";
    public IReadOnlyList<string> Groups { get; init; } = [];
}
