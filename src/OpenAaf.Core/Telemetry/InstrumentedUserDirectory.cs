using System.Diagnostics;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Directories;
using K = OpenAaf.Core.Telemetry.OpenAafTelemetry.Keys;

namespace OpenAaf.Core.Telemetry;

/// <summary>
/// Wraps one LDAP or Active Directory repository: each call gets a span (<c>directory find_by_login</c>, …)
/// and a duration in <c>openaaf.directory.operation.duration</c> by repository name, operation and outcome
/// (found, not_found, ambiguous; a bind's <see cref="PasswordCheck"/>; unavailable, cancelled or error).
/// The login name, the DN and the password are never recorded. Disposing it disposes the directory it wraps.
/// </summary>
public sealed class InstrumentedUserDirectory(IUserDirectory inner, OpenAafMetrics metrics) : IUserDirectory, IDisposable
{
    public RepositoryDefinition Repository => inner.Repository;

    /// <summary>Forwarded: readiness reports what the wrapped directory last saw.</summary>
    public DirectoryReachability Reachability => inner.Reachability;

    public ValueTask<DirectoryLookup> FindByLoginAsync(string loginName, CancellationToken cancellationToken) =>
        MeasureAsync("find_by_login", () => inner.FindByLoginAsync(loginName, cancellationToken), Outcome);

    public ValueTask<DirectoryLookup> FindByUpnAsync(string upn, CancellationToken cancellationToken) =>
        MeasureAsync("find_by_upn", () => inner.FindByUpnAsync(upn, cancellationToken), Outcome);

    public ValueTask<DirectoryLookup> FindByObjectIdAsync(string objectId, CancellationToken cancellationToken) =>
        MeasureAsync("find_by_object_id", () => inner.FindByObjectIdAsync(objectId, cancellationToken), Outcome);

    public ValueTask<PasswordCheck> VerifyPasswordAsync(DirectoryUser user, string password, CancellationToken cancellationToken) =>
        MeasureAsync("verify_password", () => inner.VerifyPasswordAsync(user, password, cancellationToken), Outcome);

    public void Dispose() => (inner as IDisposable)?.Dispose();

    private async ValueTask<T> MeasureAsync<T>(string operation, Func<ValueTask<T>> call, Func<T, string> outcomeOf)
    {
        using var activity = OpenAafTelemetry.ActivitySource.StartActivity("directory " + operation, ActivityKind.Client);
        activity?.SetTag(K.Repository, inner.Repository.Name);
        activity?.SetTag(K.Operation, operation);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await call().ConfigureAwait(false);
            var outcome = outcomeOf(result);
            metrics.DirectoryCalled(inner.Repository.Name, operation, outcome, null, Stopwatch.GetElapsedTime(started));
            activity?.SetTag(K.Outcome, outcome);
            return result;
        }
        catch (Exception e)
        {
            var outcome = e switch
            {
                DirectoryUnavailableException => "unavailable",
                OperationCanceledException => "cancelled",
                _ => "error",
            };
            var errorType = e.GetType().FullName ?? e.GetType().Name;
            metrics.DirectoryCalled(inner.Repository.Name, operation, outcome, errorType, Stopwatch.GetElapsedTime(started));
            activity?.SetTag(K.Outcome, outcome);
            activity?.SetTag(K.ErrorType, errorType);
            activity?.SetStatus(ActivityStatusCode.Error, outcome);
            throw;
        }
    }

    private static string Outcome(DirectoryLookup lookup) => lookup.Status switch
    {
        LookupStatus.Found => "found",
        LookupStatus.NotFound => "not_found",
        LookupStatus.Ambiguous => "ambiguous",
        _ => lookup.Status.ToString(),
    };

    private static string Outcome(PasswordCheck check) => check switch
    {
        PasswordCheck.Ok => "ok",
        PasswordCheck.Wrong => "wrong",
        PasswordCheck.LogonNotPermitted => "logon_not_permitted",
        PasswordCheck.PasswordExpired => "password_expired",
        PasswordCheck.AccountDisabled => "account_disabled",
        PasswordCheck.AccountExpired => "account_expired",
        PasswordCheck.MustChange => "must_change",
        PasswordCheck.AccountLocked => "account_locked",
        _ => check.ToString(),
    };
}

/// <summary>Hands out the repositories of <paramref name="inner"/> wrapped in <see cref="InstrumentedUserDirectory"/>.</summary>
public sealed class InstrumentedUserDirectoryFactory(IUserDirectoryFactory inner, OpenAafMetrics metrics) : IUserDirectoryFactory
{
    public IUserDirectory Create(RepositoryDefinition repository) => new InstrumentedUserDirectory(inner.Create(repository), metrics);
}
