using System.DirectoryServices.Protocols;
using System.Text.RegularExpressions;
using OpenAaf.Core.Directories;

namespace OpenAaf.Directory;

/// <summary>
/// Maps a failed user bind to a <see cref="PasswordCheck"/> (methods.md §2): result 49 with the AD
/// sub-code in the diagnostic text (<c>…AcceptSecurityContext error, data 52e, v…</c>).
/// </summary>
internal static partial class BindResultMapper
{
    /// <summary>The check result, or null when the failure is not about the credentials (outage, server error).</summary>
    public static PasswordCheck? Map(Exception exception)
    {
        if (LdapErrors.IsConnectivity(exception)) return null;
        var (code, text) = exception switch
        {
            LdapException e => (e.ErrorCode, e.ServerErrorMessage),
            DirectoryOperationException { Response: { } r } => ((int)r.ResultCode, r.ErrorMessage),
            _ => (-1, null),
        };
        return code switch
        {
            49 => MapSubCode(text),
            // inappropriateAuthentication, insufficientAccessRights, unwillingToPerform,
            // noSuchObject, invalidDNSyntax: the server refused these credentials.
            48 or 50 or 53 or 32 or 34 => PasswordCheck.Wrong,
            _ => null,
        };
    }

    /// <summary>AD sub-code of an invalidCredentials result; plain 49 (OpenLDAP) is a wrong password.</summary>
    public static PasswordCheck MapSubCode(string? diagnostic)
    {
        var match = diagnostic is null ? Match.Empty : SubCode().Match(diagnostic);
        if (!match.Success) return PasswordCheck.Wrong;
        return match.Groups[1].Value.ToLowerInvariant() switch
        {
            "530" or "531" => PasswordCheck.LogonNotPermitted,
            "532" => PasswordCheck.PasswordExpired,
            "533" => PasswordCheck.AccountDisabled,
            "701" => PasswordCheck.AccountExpired,
            "773" => PasswordCheck.MustChange,
            "775" => PasswordCheck.AccountLocked,
            _ => PasswordCheck.Wrong, // 52e wrong password, 525 no such user, anything unknown
        };
    }

    [GeneratedRegex(@"\bdata ([0-9a-fA-F]{1,8})\b")]
    private static partial Regex SubCode();
}
