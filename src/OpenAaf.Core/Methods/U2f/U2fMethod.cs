using OpenAaf.Core.Enrollment;
using OpenAaf.Core.Users;

namespace OpenAaf.Core.Methods.U2f;

/// <summary>
/// U2F:1 — FIDO U2F security keys (methods.md §9): logon with legacy sign responses or WebAuthn assertions
/// made with the appid extension, enrollment with U2F registration responses. Stateless: the challenge lives
/// in the process's method state, the key in the sealed template secret, its counter in the template's logon state.
/// </summary>
public sealed class U2fMethod : IAuthenticationMethod, IEnrollableMethod
{
    public string Id => MethodIds.U2f;

    public bool IsAutoCreatedFor(AuthenticatedUser user) => false;

    public ValueTask<MethodStep> AnswerAsync(MethodContext context, MethodInput input, CancellationToken cancellationToken) =>
        ValueTask.FromResult(U2fLogon.Answer(context, input));

    public ValueTask<EnrollStep> EnrollAsync(EnrollContext context, MethodInput input, CancellationToken cancellationToken) =>
        ValueTask.FromResult(U2fEnrollment.Step(context, input));
}
