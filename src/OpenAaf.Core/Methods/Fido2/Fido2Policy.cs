using OpenAaf.Core.Policies;

namespace OpenAaf.Core.Methods.Fido2;

/// <summary>
/// <see cref="Fido2MethodOptions"/> with its defaults resolved against the public URL (methods.md §13):
/// RP ids default to the public URL's host, origins to <c>https://</c> + each RP id plus the public URL's origin.
/// </summary>
public sealed record Fido2Policy
{
    public required IReadOnlyList<string> RpIds { get; init; }
    public required IReadOnlySet<string> Origins { get; init; }
    public required Fido2MethodOptions Options { get; init; }
    public required IReadOnlyList<int> Algorithms { get; init; }

    public bool UserVerificationRequired => string.Equals(Options.UserVerification, "required", StringComparison.Ordinal);
    public TimeSpan Timeout => TimeSpan.FromSeconds(Math.Max(1, Options.Timeout));
    public string? DefaultRpId => RpIds.Count > 0 ? RpIds[0] : null;

    public static Fido2Policy From(Fido2MethodOptions options, string publicUrl)
    {
        var rpIds = (options.RpIds ?? (WebOrigin.HostOf(publicUrl) is { } host ? [host] : []))
            .Select(r => r.Trim().ToLowerInvariant()).Where(r => r.Length > 0).Distinct().ToList();
        var origins = options.Origins?.Select(WebOrigin.Normalize) ??
                      [.. rpIds.Select(r => WebOrigin.Normalize("https://" + r)), WebOrigin.OriginOf(publicUrl)];
        return new Fido2Policy
        {
            RpIds = rpIds,
            Origins = origins.OfType<string>().ToHashSet(StringComparer.Ordinal),
            Options = options,
            Algorithms = CoseAlgorithms.Offered(options.Algorithms),
        };
    }

    /// <summary>The configured spelling of <paramref name="rpId"/> when it is allowed; null otherwise.</summary>
    public string? AllowedRpId(string rpId) =>
        RpIds.FirstOrDefault(r => string.Equals(r, rpId.Trim(), StringComparison.OrdinalIgnoreCase));

    public bool AllowsOrigin(string origin) => WebOrigin.Normalize(origin) is { } normalized && Origins.Contains(normalized);
}
