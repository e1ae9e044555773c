namespace OpenAaf.Core.Methods;

/// <summary>
/// One authentication method (LDAP_PASSWORD:1, PASSWORD:1, …): a logon step from the process state and
/// the client's <c>response</c> to a <see cref="MethodStep"/>. Wrong credentials are values, not exceptions.
/// </summary>
public interface IAuthenticationMethod
{
    string Id { get; }

    /// <summary>
    /// Methods the user never enrolls (methods.md §1.2): true when the user meets the prerequisite, so the
    /// engine materialises the "Auto-created" template. False for every enrollable method.
    /// </summary>
    bool IsAutoCreatedFor(Users.AuthenticatedUser user);

    ValueTask<MethodStep> AnswerAsync(MethodContext context, MethodInput input, CancellationToken cancellationToken);
}
