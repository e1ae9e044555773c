namespace OpenAaf.Core.Configuration.Bootstrap;

/// <summary>A chain as the configuration declares it: the required chain is named, not referenced by id.</summary>
public sealed record ChainDeclaration
{
    public required string Name { get; init; }
    public string ShortName { get; init; } = "";
    public required IReadOnlyList<string> Methods { get; init; }
    public bool Enabled { get; init; } = true;
    public IReadOnlyList<string> Groups { get; init; } = [];
    public bool ApplyForEndpointOwner { get; init; }
    public string? RequiredChain { get; init; }
    public int? GracePeriodHours { get; init; }
    public string ImageName { get; init; } = "default";
}
