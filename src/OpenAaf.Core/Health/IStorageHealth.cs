namespace OpenAaf.Core.Health;

/// <summary>Whether the durable storage can serve requests now (readiness, operations.md "Health").</summary>
public interface IStorageHealth
{
    /// <summary>
    /// A cheap round trip to the real store: true when it answers as the database the server set up at
    /// start. Never throws for an unreachable store; false then.
    /// </summary>
    Task<bool> CheckAsync(CancellationToken cancellationToken);
}
