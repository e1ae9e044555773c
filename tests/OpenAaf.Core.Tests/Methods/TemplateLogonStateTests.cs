using System.Text.Json;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.Fido2;
using OpenAaf.Core.Methods.Hotp;
using OpenAaf.Core.Methods.Totp;
using OpenAaf.Core.Templates;
using OpenAaf.Core.Tests.Methods.Otp;

namespace OpenAaf.Core.Tests.Methods;

/// <summary>
/// The logon state supersedes the counter sealed at enrolment, and a damaged state fails closed: it never
/// reads as a counter of zero, which would let used codes through again.
/// </summary>
public sealed class TemplateLogonStateTests
{
    private readonly OtpTestContext _hotp = new(MethodIds.Hotp);

    [Fact]
    public void Open_WithoutState_UsesTheSealedCounter_WithState_UsesTheState()
    {
        var sealedAt5 = _hotp.Add(new HotpSecret { Secret = OtpVectors.Seed20, Counter = 5 }.ToBytes());

        var fromPayload = HotpSecret.Open(_hotp.Secrets, sealedAt5).Counter;
        var fromState = HotpSecret.Open(_hotp.Secrets, TemplateLogonState.With(sealedAt5, new HotpLogonState(9))).Counter;

        Assert.Equal((5L, 9L), (fromPayload, fromState));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"counter":-1}""")]
    [InlineData("""{"counter":"7"}""")]
    [InlineData("""{"counter":7,"last_used_step":3}""")]
    [InlineData("null")]
    [InlineData("[]")]
    public void Open_DamagedState_Throws(string state)
    {
        var template = _hotp.Add(new HotpSecret { Secret = OtpVectors.Seed20, Counter = 5 }.ToBytes()) with { LogonState = state };

        Assert.ThrowsAny<JsonException>(() => HotpSecret.Open(_hotp.Secrets, template));
    }

    [Fact]
    public void States_AreSmallJsonObjects_InTheTemplate()
    {
        var template = new Template { Id = "t", UserId = "u", MethodId = MethodIds.Totp };

        Assert.Equal("""{"last_used_step":42}""", TemplateLogonState.With(template, new TotpLogonState(42)).LogonState);
        Assert.Equal("""{"sign_count":3,"backup_eligible":true,"backup_state":false}""",
            TemplateLogonState.With(template, new Fido2LogonState(3, true, false)).LogonState);
        Assert.Null(TemplateLogonState.Read<TotpLogonState>(template));
    }
}
