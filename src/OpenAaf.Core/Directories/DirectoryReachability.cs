namespace OpenAaf.Core.Directories;

public enum ReachabilityState
{
    /// <summary>No directory call was needed yet.</summary>
    Unknown,
    /// <summary>The last call reached a server (whatever it answered).</summary>
    Reachable,
    /// <summary>The last call reached no server, or the directory refused the service account.</summary>
    Unreachable,
}

/// <summary>What a repository's last directory call told about it, for the readiness report.</summary>
/// <param name="LastErrorAt">When a call last failed to reach the directory, if ever.</param>
public sealed record DirectoryReachability(ReachabilityState State, DateTimeOffset? LastErrorAt)
{
    public static readonly DirectoryReachability Unknown = new(ReachabilityState.Unknown, null);
}
