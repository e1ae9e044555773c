using OpenAaf.Core.Policies;
using static OpenAaf.Core.Policies.PolicyChecks;

namespace OpenAaf.Core.Methods.SecQuest;

/// <summary>
/// SECQUEST:1 (methods.md §8), a method of the contract not implemented yet: chains may name it and its policy
/// component is read, shown and checked, but logon and enrollment refuse it with METHOD_NOT_SUPPORTED.
/// </summary>
public static class SecQuestDescriptor
{
    public const string Id = "SECQUEST:1";

    public static readonly MethodDescriptor Instance = new()
    {
        Id = Id,
        Title = "Security Questions",
        Policy = PolicyComponent.ForMethod<SecQuestMethodOptions>("SecQuestMethod", Rules),
    };

    private static IEnumerable<PolicyViolation> Rules(SecQuestMethodOptions s) =>
    [
        .. AtLeast("AllQuestions", s.AllQuestions.Count, 1),
        .. Between("TotalQuestionsForLogon", s.TotalQuestionsForLogon, 1, Math.Max(1, s.AllQuestions.Count)),
        .. Between("CorrectQuestionsForLogon", s.CorrectQuestionsForLogon, 1, Math.Max(1, s.TotalQuestionsForLogon)),
        .. AtLeast("MinAnswerLength", s.MinAnswerLength, 1),
    ];
}
