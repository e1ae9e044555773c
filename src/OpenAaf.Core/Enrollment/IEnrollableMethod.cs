using OpenAaf.Core.Methods;

namespace OpenAaf.Core.Enrollment;

/// <summary>
/// The enrollment side of a method (methods.md §1.1): from the enroll process state and the client's
/// <c>response</c> to an <see cref="EnrollStep"/>. A failure does not end the process: the method
/// starts over at its first step.
/// </summary>
public interface IEnrollableMethod
{
    string Id { get; }

    ValueTask<EnrollStep> EnrollAsync(EnrollContext context, MethodInput input, CancellationToken cancellationToken);
}
