namespace OpenAaf.Core.Logon;

/// <summary>
/// What is remembered of a logon process after it ended (OK, FAILED, aborted, expired, a finished template test): enough
/// to tell its owner that it existed (api.md §5.5 answers a repeated abort with 200) without keeping its state.
/// </summary>
/// <param name="Ended">when it ended; for a process pruned after it expired, when it was last used</param>
public sealed record EndedLogonProcess(string Id, string EndpointSessionId, string EndpointId, bool IsTest, DateTimeOffset Ended)
{
    public static EndedLogonProcess Of(LogonProcess process, DateTimeOffset ended) =>
        new(process.Id, process.EndpointSessionId, process.EndpointId, process.IsTest, ended);
}
