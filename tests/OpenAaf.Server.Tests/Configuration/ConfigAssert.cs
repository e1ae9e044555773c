using OpenAaf.Server.Configuration;
using Xunit;

namespace OpenAaf.Server.Tests.Configuration;

internal static class ConfigAssert
{
    /// <summary>For <c>Assert.True(result.IsValid, Describe(result))</c>, which lets the compiler see Settings and Document as set.</summary>
    public static string Describe(ConfigLoadResult result) => "unexpected errors:\n" + string.Join("\n", result.Errors);

    public static void Valid(ConfigLoadResult result) => Assert.True(result.IsValid, Describe(result));

    /// <summary>Exactly one error, at <paramref name="path"/>, whose message contains <paramref name="message"/>.</summary>
    public static void SingleError(ConfigLoadResult result, string path, string message)
    {
        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    public static void HasError(ConfigLoadResult result, string path, string message) =>
        Assert.Contains(result.Errors, e => e.Path == path && e.Message.Contains(message, StringComparison.Ordinal));
}
