namespace OpenAaf.Core.Configuration.Bootstrap;

/// <summary>Outcome of registering an endpoint: a name clash is an expected result, not an exception.</summary>
public sealed record EndpointAddResult(EndpointAddOutcome Outcome, EndpointDefinition? Endpoint)
{
    public static readonly EndpointAddResult NameConflict = new(EndpointAddOutcome.NameConflict, null);
    public static readonly EndpointAddResult IdConflict = new(EndpointAddOutcome.IdConflict, null);
}
