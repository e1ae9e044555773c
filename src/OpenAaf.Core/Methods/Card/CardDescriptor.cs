using OpenAaf.Core.Policies;

namespace OpenAaf.Core.Methods.Card;

/// <summary>
/// CARD:1 (methods.md §12), a method of the contract not implemented yet: chains may name it and its policy
/// component (SmartcardMethod) is read and shown, but logon and enrollment refuse it with METHOD_NOT_SUPPORTED.
/// </summary>
public static class CardDescriptor
{
    public const string Id = "CARD:1";

    public static readonly MethodDescriptor Instance = new()
    {
        Id = Id,
        Title = "Card",
        Policy = PolicyComponent.ForMethod<SmartcardMethodOptions>("SmartcardMethod"),
    };
}
