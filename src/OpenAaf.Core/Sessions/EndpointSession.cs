namespace OpenAaf.Core.Sessions;

/// <summary>Proof that a client knows an endpoint's secret; the only credential of the logon API.</summary>
public sealed record EndpointSession
{
    public required string Id { get; init; }
    public required string EndpointId { get; init; }
    public required DateTimeOffset Created { get; init; }
    public required DateTimeOffset LastUsed { get; init; }
    /// <summary>Free-form JSON object the client attached; returned as given.</summary>
    public string SessionData { get; init; } = "{}";
}
