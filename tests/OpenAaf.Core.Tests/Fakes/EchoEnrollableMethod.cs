using System.Text;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Enrollment;
using OpenAaf.Core.Methods;

namespace OpenAaf.Core.Tests.Fakes;

/// <summary>
/// A two-step enrollment for engine tests: the first step asks for data, the second takes
/// <c>{"secret": "…"}</c> ("bad" fails, "throw" throws as a method with a bug would) and finishes with it as the secret payload.
/// </summary>
public sealed class EchoEnrollableMethod(string id = MethodIds.Totp) : IEnrollableMethod
{
    public string Id => id;

    public ValueTask<EnrollStep> EnrollAsync(EnrollContext context, MethodInput input, CancellationToken cancellationToken)
    {
        var secret = input.GetString("secret");
        EnrollStep step = secret switch
        {
            null => new EnrollStep.MoreData(Outcomes.DataRequired, "asked", input.GetString("user_id")),
            "bad" => new EnrollStep.Failed(Outcomes.ValidationError),
            "throw" => throw new InvalidOperationException("a bug in the method"),
            _ when context.State != "asked" => new EnrollStep.Failed(Outcomes.ValidationError),
            _ => new EnrollStep.Done(new EnrolledAuthenticator("{\"len\": " + secret.Length + "}", Encoding.UTF8.GetBytes(secret))),
        };
        return ValueTask.FromResult(step);
    }
}
