using OpenAaf.Core.Enrollment;
using OpenAaf.Core.Telemetry;
using OpenAaf.Core.Users;

namespace OpenAaf.Core.Methods.Finger;

/// <summary>
/// FINGER:1 — fingerprint minutiae records (methods.md §11): logon compares one capture with the enrolled
/// impressions (<see cref="FingerLogon"/>), enrollment builds the set of fingers (<see cref="FingerEnrollment"/>).
/// Records and prepared templates are biometric data: they live in the sealed payload and are never logged.
/// </summary>
/// <param name="metrics">Counts the matcher's comparisons at logon (<c>openaaf.finger.comparisons</c>); optional.</param>
public sealed class FingerMethod(OpenAafMetrics? metrics = null) : IAuthenticationMethod, IEnrollableMethod
{
    public string Id => MethodIds.Finger;

    public bool IsAutoCreatedFor(AuthenticatedUser user) => false;

    public ValueTask<MethodStep> AnswerAsync(MethodContext context, MethodInput input, CancellationToken cancellationToken) =>
        ValueTask.FromResult(FingerLogon.Answer(context, input, metrics));

    public ValueTask<EnrollStep> EnrollAsync(EnrollContext context, MethodInput input, CancellationToken cancellationToken) =>
        ValueTask.FromResult(FingerEnrollment.Step(context, input));
}
