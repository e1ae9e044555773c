using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Directories;
using OpenAaf.Core.Users;

namespace OpenAaf.Core.Methods.LdapPassword;

/// <summary>LDAP_PASSWORD:1 — the directory password, verified by a bind as the user (methods.md §2).</summary>
public sealed class LdapPasswordMethod(DirectoryRegistry directories, IConfigurationSource configuration) : IAuthenticationMethod
{
    public string Id => MethodIds.LdapPassword;

    /// <summary>Every user of an LDAP/AD repository has this method without enrolling it.</summary>
    public bool IsAutoCreatedFor(AuthenticatedUser user) =>
        configuration.Current.FindRepositoryById(user.RepositoryId) is { IsDirectory: true };

    public async ValueTask<MethodStep> AnswerAsync(MethodContext context, MethodInput input, CancellationToken cancellationToken)
    {
        var answer = input.GetString("answer");
        if (answer is null) return new MethodStep.MoreData(Outcomes.AnswerRequired, null);
        // An empty password would be an unauthenticated bind, which many servers accept (RFC 4513 §5.1.2).
        if (answer.Length == 0) return new MethodStep.Failed(Outcomes.PasswordWrong);

        var repository = context.Configuration.FindRepositoryById(context.User.RepositoryId);
        if (repository is not { IsDirectory: true }) return new MethodStep.Failed(Outcomes.MethodNotEnrolled);

        var check = await directories.Get(repository).VerifyPasswordAsync(context.User.Account, answer, cancellationToken);
        return check switch
        {
            PasswordCheck.Ok => new MethodStep.Passed(context.Templates[0]),
            PasswordCheck.LogonNotPermitted => new MethodStep.Failed(LdapPasswordOutcomes.LdapLogonNotPermitted),
            PasswordCheck.PasswordExpired => new MethodStep.Failed(LdapPasswordOutcomes.LdapPasswordExpired),
            PasswordCheck.AccountDisabled => new MethodStep.Failed(LdapPasswordOutcomes.LdapAccountDisabled),
            PasswordCheck.AccountExpired => new MethodStep.Failed(LdapPasswordOutcomes.LdapAccountExpired),
            PasswordCheck.MustChange => new MethodStep.Failed(LdapPasswordOutcomes.LdapPasswordMustChange),
            PasswordCheck.AccountLocked => new MethodStep.Failed(LdapPasswordOutcomes.LdapAccountLocked),
            _ => new MethodStep.Failed(Outcomes.PasswordWrong),
        };
    }
}
