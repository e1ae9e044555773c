using System.Globalization;

namespace OpenAaf.Core.Methods;

/// <summary>Timestamps as the API writes them: UTC, ISO 8601, microseconds, no offset (api.md §1.6).</summary>
public static class WireTime
{
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
}
