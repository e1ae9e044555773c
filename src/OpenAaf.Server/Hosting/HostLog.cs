namespace OpenAaf.Server.Hosting;

/// <summary>
/// The host's log lines, source-generated and structured. None carries a request body, a credential or a secret:
/// an unhandled exception is logged with its route only, and the demo credentials by the path of their file.
/// </summary>
internal static partial class HostLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "OpenAAF listening on {Urls}; {Settings}")]
    public static partial void Listening(this ILogger logger, string urls, string settings);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Demo administrator and endpoint credentials are in {Path}")]
    public static partial void DemoCredentials(this ILogger logger, string path);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Repository {Repository}: {Warning}")]
    public static partial void RepositoryWarning(this ILogger logger, string repository, string warning);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Directory unavailable: {Message}")]
    public static partial void DirectoryUnavailable(this ILogger logger, string message);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    public static partial void UnhandledError(this ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Pruning expired sessions failed; retrying in {Interval}")]
    public static partial void PruningFailed(this ILogger logger, Exception exception, TimeSpan interval);
}
