using OpenAaf.Core.Enrollment;
using OpenAaf.Core.Users;

namespace OpenAaf.Core.Methods.Fido2;

/// <summary>
/// FIDO2:1 — WebAuthn / FIDO2 authenticators (methods.md §10): ES256, RS256 and EdDSA credentials, attestation
/// formats none, packed and fido-u2f. The sub-protocol of §10.3/§10.5 reaches the same steps through the
/// server's translation of its messages into <c>response</c> payloads.
/// </summary>
public sealed class Fido2Method : IAuthenticationMethod, IEnrollableMethod
{
    public string Id => MethodIds.Fido2;

    public bool IsAutoCreatedFor(AuthenticatedUser user) => false;

    public ValueTask<MethodStep> AnswerAsync(MethodContext context, MethodInput input, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Fido2Logon.Answer(context, input));

    public ValueTask<EnrollStep> EnrollAsync(EnrollContext context, MethodInput input, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Fido2Enrollment.Enroll(context, input));
}
