using OpenAaf.Core.Catalogue;

namespace OpenAaf.Core.Methods.Password;

/// <summary>The catalogue entries of PASSWORD:1 (methods.md §3) (api.md §11.4).</summary>
public static class PasswordOutcomes
{
    public static readonly Outcome PasswordExpired = new("OAAF-2111", "PASSWORD_EXPIRED", "Password has expired");
}
