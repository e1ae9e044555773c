using OpenAaf.Core.Catalogue;

namespace OpenAaf.Core.Methods.Hotp;

/// <summary>The catalogue entries of HOTP:1 enrollment (methods.md §6.2, api.md §11.5).</summary>
public static class HotpOutcomes
{
    public static readonly Outcome HotpSyncFailed = new("OAAF-3118", "HOTP_SYNC_FAILED", "Token could not be synchronised");
}
