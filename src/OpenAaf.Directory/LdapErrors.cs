using System.DirectoryServices.Protocols;

namespace OpenAaf.Directory;

/// <summary>Sorts S.DS.P exceptions into "this server cannot serve us" and the rest.</summary>
internal static class LdapErrors
{
    // libldap client codes as S.DS.P reports them: server down (81, also TLS failures on
    // ldaps), local error (82), timeout (85), connect error (91, also StartTLS failures), -1.
    private static readonly HashSet<int> ConnectivityCodes = [81, 82, 85, 91, -1];

    /// <summary>
    /// True when the server could not be reached, timed out, failed TLS, or said it is busy or
    /// unavailable: another URL may do better.
    /// </summary>
    public static bool IsConnectivity(Exception exception) => exception switch
    {
        LdapException e => ConnectivityCodes.Contains(e.ErrorCode) || e.ErrorCode is (int)ResultCode.Busy or (int)ResultCode.Unavailable,
        DirectoryOperationException e => e.Response?.ResultCode is ResultCode.Busy or ResultCode.Unavailable,
        TimeoutException => true,
        _ => false,
    };

    /// <summary>Short text for logs and exception messages; never contains credentials.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        LdapException e => $"LDAP error {e.ErrorCode}: {e.Message}{(string.IsNullOrEmpty(e.ServerErrorMessage) ? "" : " (" + e.ServerErrorMessage + ")")}",
        DirectoryOperationException e => $"result {e.Response?.ResultCode}: {e.Message}",
        _ => exception.GetType().Name + ": " + exception.Message,
    };
}
