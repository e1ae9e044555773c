using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Time.Testing;
using OpenAaf.Core.Directories;
using Xunit;

namespace OpenAaf.Directory.Tests;

public sealed class UnitTests
{
    [Theory]
    [InlineData("denis", "denis")]
    [InlineData("*", @"\2a")]
    [InlineData("a)(uid=*", @"a\29\28uid=\2a")]
    [InlineData(@"back\slash", @"back\5cslash")]
    [InlineData("nul\0", @"nul\00")]
    [InlineData("Ümlaut", "Ümlaut")]
    public void Escapes_filter_values(string value, string expected) => Assert.Equal(expected, LdapFilter.Escape(value));

    [Fact]
    public void Substitutes_every_placeholder_and_finds_their_attributes()
    {
        Assert.Equal(@"(|(uid=a\2a)(sAMAccountName=a\2a))", LdapFilter.Substitute("(|(uid={0})(sAMAccountName={0}))", "a*"));
        Assert.Equal(["uid", "sAMAccountName"], LdapFilter.PlaceholderAttributes("(&(objectClass=person)(|(uid={0})(sAMAccountName={0})))"));
        Assert.Equal(["mail"], LdapFilter.PlaceholderAttributes("(mail={0}@example.test)"));
    }

    [Theory]
    [InlineData("80090308: LdapErr: DSID-0C0903A9, comment: AcceptSecurityContext error, data 52e, v1db1", PasswordCheck.Wrong)]
    [InlineData("80090308: LdapErr: DSID-0C0903A9, comment: AcceptSecurityContext error, data 525, v1db1", PasswordCheck.Wrong)]
    [InlineData("… data 530, v1db1", PasswordCheck.LogonNotPermitted)]
    [InlineData("… data 531, v1db1", PasswordCheck.LogonNotPermitted)]
    [InlineData("… data 532, v1db1", PasswordCheck.PasswordExpired)]
    [InlineData("… data 533, v1db1", PasswordCheck.AccountDisabled)]
    [InlineData("… data 701, v1db1", PasswordCheck.AccountExpired)]
    [InlineData("… data 773, v1db1", PasswordCheck.MustChange)]
    [InlineData("… data 775, v1db1", PasswordCheck.AccountLocked)]
    [InlineData("", PasswordCheck.Wrong)]
    [InlineData(null, PasswordCheck.Wrong)]
    public void Maps_ad_sub_codes(string? diagnostic, PasswordCheck expected) => Assert.Equal(expected, BindResultMapper.MapSubCode(diagnostic));

    [Fact]
    public void Object_ids()
    {
        var guid = Convert.FromBase64String("etsgg1oxJkaWhQU+AM65Ig==");
        Assert.Equal(Convert.ToHexStringLower(guid), ObjectIds.FromGuidBytes(guid));
        Assert.Equal("5c39823e7afc1041958893439340f5cc", ObjectIds.FromEntryUuid("5c39823e-7afc-1041-9588-93439340f5cc"));
        Assert.Equal(@"(objectGUID=\7a\db\20\83\5a\31\26\46\96\85\05\3e\00\ce\b9\22)", ObjectIds.Filter(ObjectIds.FromGuidBytes(guid), true));
        Assert.StartsWith("(|(entryUUID=5c39823e-7afc-1041-9588-93439340f5cc)", ObjectIds.Filter("5C39823E7AFC1041958893439340F5CC", false));
        Assert.False(ObjectIds.IsValid("5c39823e7afc1041958893439340f5c*"));
        Assert.False(ObjectIds.IsValid("abc"));
    }

    [Theory]
    [InlineData("ldap://dc1.example.com", "dc1.example.com", 389, false)]
    [InlineData("ldaps://dc1.example.com", "dc1.example.com", 636, true)]
    [InlineData("ldap://127.0.0.1:3389/", "127.0.0.1", 3389, false)]
    [InlineData("LDAPS://[::1]:3636", "::1", 3636, true)]
    public void Parses_urls(string url, string host, int port, bool ssl)
    {
        var parsed = LdapServerUrl.Parse(url);
        Assert.Equal((host, port, ssl), (parsed.Host, parsed.Port, parsed.UseSsl));
    }

    [Fact]
    public void Rejects_other_schemes() => Assert.Throws<ArgumentException>(() => LdapServerUrl.Parse("http://x"));

    [Fact]
    public void Dead_servers_go_last_for_a_while()
    {
        var time = new FakeTimeProvider();
        var health = new ServerHealth([LdapServerUrl.Parse("ldap://a"), LdapServerUrl.Parse("ldap://b"), LdapServerUrl.Parse("ldap://c")], TimeSpan.FromSeconds(30), time);
        Assert.Equal([0, 1, 2], health.Order());
        health.MarkDead(0);
        Assert.Equal([1, 2, 0], health.Order());
        Assert.Equal(1, health.Preferred);
        time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal([0, 1, 2], health.Order());
        health.MarkDead(1);
        health.MarkAlive(1);
        Assert.Equal(0, health.Preferred);
    }

    [Theory]
    [InlineData("/CN=localhost")]
    [InlineData("/C=DE/O=Example  Corp/OU=Unit/CN=  Mixed Case   Name ")]
    [InlineData("/CN=Ümlaut Root/O=Straße")]
    public void Subject_hash_matches_openssl(string subject)
    {
        var dir = System.IO.Directory.CreateTempSubdirectory("openaaf-hash-").FullName;
        try
        {
            var pem = Path.Combine(dir, "c.pem");
            Run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-utf8", "-subj", subject,
                "-keyout", Path.Combine(dir, "k.pem"), "-out", pem);
            var expected = Run("openssl", "x509", "-hash", "-noout", "-in", pem).Trim();
            using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(pem));
            Assert.Equal(expected, OpenSslSubjectHash.Compute(certificate.SubjectName));
        }
        finally
        {
            System.IO.Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Ca_directory_holds_hash_named_certificates()
    {
        var dir = CaCertificateDirectory.For(WrongCa.Path);
        var file = Assert.Single(System.IO.Directory.GetFiles(dir));
        Assert.Matches(@"^[0-9a-f]{8}\.0$", Path.GetFileName(file));
        Assert.Equal(dir, CaCertificateDirectory.For(WrongCa.Path));
    }

    private static string Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output;
    }
}
