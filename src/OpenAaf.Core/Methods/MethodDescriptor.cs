using System.Text.Json;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Directories;
using OpenAaf.Core.Enrollment;
using OpenAaf.Core.Policies;

namespace OpenAaf.Core.Methods;

/// <summary>
/// Everything the server knows about one method apart from its steps: the wire id and title (api.md §9.6),
/// its policy component with defaults and rules (methods.md §13), its own catalogue entries (api.md §11),
/// and the parts of the wire that concern it. Each method declares one in its folder;
/// <see cref="MethodCatalog"/> is the list of them and the only list of methods.
/// </summary>
public sealed record MethodDescriptor
{
    public required string Id { get; init; }
    public required string Title { get; init; }

    /// <summary>The method's component of the policies; null for a method without settings.</summary>
    public PolicyComponent? Policy { get; init; }

    /// <summary>
    /// The method's own catalogue entries (TOTP:1 and HOTP:1 both list the OTP ones); those of the engine, the API
    /// and several kinds of method are in <see cref="Catalogue.Outcomes"/>.
    /// </summary>
    public IReadOnlyList<Outcome> Outcomes { get; init; } = [];

    /// <summary>
    /// The user has the method without enrolling it once a prerequisite holds (methods.md §1.2, the column of
    /// api.md §9.6). Whether it holds for a user is the implementation's
    /// <see cref="IAuthenticationMethod.IsAutoCreatedFor"/>, which is false for every user of a method that is not.
    /// </summary>
    public bool IsAutoCreated { get; init; }

    /// <summary>The default recipient of <c>get_recipient</c> (api.md §9.7) from the user's directory entry; null when the method sends nothing.</summary>
    public Func<DirectoryUser, string?>? Recipient { get; init; }

    /// <summary>Writes the value of <c>logon_hints</c>, which a MORE_DATA logon envelope carries while this method is current.</summary>
    public Action<Utf8JsonWriter, PolicySet>? LogonHints { get; init; }

    /// <summary>
    /// The class that answers logon steps (an <see cref="IAuthenticationMethod"/>, made by the host's service
    /// container). Null for a method of the contract that is not implemented yet: it is known (chains may name
    /// it, its policy component exists) and refused with METHOD_NOT_SUPPORTED at logon and enrollment.
    /// </summary>
    public Type? Implementation { get; init; }

    /// <summary>The class that answers enrollment steps (an <see cref="IEnrollableMethod"/>); may be <see cref="Implementation"/> itself.</summary>
    public Type? Enrollment { get; init; }

    public bool IsImplemented => Implementation is not null;
    public bool IsEnrollable => Enrollment is not null;

    /// <summary>The catalogue entries declared as public static fields of <paramref name="holders"/> (e.g. <c>TotpOutcomes</c>).</summary>
    public static IReadOnlyList<Outcome> OutcomesOf(params Type[] holders) =>
        holders.SelectMany(h => h.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
            .Where(f => f.FieldType == typeof(Outcome))
            .Select(f => (Outcome)f.GetValue(null)!)
            .ToList();
}
