using Xunit;

namespace OpenAaf.Server.Tests.Configuration;

public sealed class EnvSecretTests : IDisposable
{
    private const string File = """
        { "bootstrap": {
            "users": [ { "name": "ADMIN", "password": "env:ADMIN_PW" } ],
            "endpoints": [ { "name": "test", "secret": "env:EP_SECRET" } ] } }
        """;

    private readonly ConfigTestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void EnvReference_IsReplacedByTheVariable()
    {
        var result = _dir.Load(File, ("ADMIN_PW", "pw-from-env"), ("EP_SECRET", "secret-from-env"));

        Assert.True(result.IsValid, ConfigAssert.Describe(result));
        Assert.Equal("pw-from-env", result.Document.Users[0].Password);
        Assert.Equal("secret-from-env", result.Document.Endpoints[0].Secret);
    }

    [Fact]
    public void EnvReference_MissingVariables_AreAllReported()
    {
        var result = _dir.Load(File);

        Assert.Equal(
            ["bootstrap.users[0].password: environment variable ADMIN_PW is not set",
             "bootstrap.endpoints[0].secret: environment variable EP_SECRET is not set"],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void EnvReference_InAnOverride_IsResolvedToo()
    {
        var result = _dir.Load(File, ("ADMIN_PW", "a"), ("EP_SECRET", "b"), ("OTHER", "c"), ("OPENAAF_Bootstrap__Endpoints__0__Secret", "env:OTHER"));

        Assert.True(result.IsValid, ConfigAssert.Describe(result));
        Assert.Equal("c", result.Document.Endpoints[0].Secret);
    }

    [Fact]
    public void EnvReference_WithoutName_IsAnError() =>
        ConfigAssert.SingleError(_dir.Load("""{ "security": { "masterKey": "env:" } }"""), "security.masterKey", "needs a variable name");

    [Fact]
    public void MasterKey_Malformed_IsReportedWithoutItsValue()
    {
        var result = _dir.Load("""{ "security": { "masterKey": "env:KEY" } }""", ("KEY", "c2hvcnQ="));

        ConfigAssert.SingleError(result, "security.masterKey", "base64 text of 32 bytes");
        Assert.DoesNotContain("c2hvcnQ=", result.Errors[0].Message, StringComparison.Ordinal);
    }
}
