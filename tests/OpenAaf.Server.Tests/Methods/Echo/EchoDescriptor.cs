using OpenAaf.Core.Methods;
using OpenAaf.Core.Policies;
using static OpenAaf.Core.Policies.PolicyChecks;

namespace OpenAaf.Server.Tests.Methods.Echo;

/// <summary>
/// ECHO:1, a method that exists only in the tests: the user passes by saying the configured word. It is a
/// folder and a descriptor, like any method, and uses every part of a descriptor.
/// </summary>
public static class EchoDescriptor
{
    public const string Id = "ECHO:1";

    public static readonly MethodDescriptor Instance = new()
    {
        Id = Id,
        Title = "Echo",
        Policy = PolicyComponent.ForMethod<EchoMethodOptions>("EchoMethod", Rules),
        Outcomes = MethodDescriptor.OutcomesOf(typeof(EchoOutcomes)),
        IsAutoCreated = true,
        Recipient = user => user.Email,
        LogonHints = (w, policies) =>
        {
            w.WriteStartObject();
            w.WriteNumber("word_length", policies.Method<EchoMethodOptions>().Word.Length);
            w.WriteEndObject();
        },
        Implementation = typeof(EchoMethod),
    };

    private static IEnumerable<PolicyViolation> Rules(EchoMethodOptions p) =>
    [
        .. NonEmptyItems("word", [p.Word]),
        .. AtLeast("max_length", p.MaxLength, 1),
        .. NotAbove("word", p.Word.Length, "max_length", p.MaxLength),
    ];
}
