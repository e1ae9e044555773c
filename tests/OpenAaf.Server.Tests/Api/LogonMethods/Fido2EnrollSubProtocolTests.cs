using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Directories;
using OpenAaf.Core.Enrollment;
using OpenAaf.Core.Methods.Fido2;
using OpenAaf.Core.Policies;
using OpenAaf.Core.Security;
using OpenAaf.Core.Templates;
using OpenAaf.Core.Users;
using OpenAaf.Server.Api.LogonMethods;

namespace OpenAaf.Server.Tests.Api.LogonMethods;

/// <summary>
/// The enroll sub-protocol translation (methods.md §10.5) in front of the real <see cref="Fido2Method"/>, as the enroll
/// engine will call it: test-vectors.md §7.1 without its wrapper gives <c>{"status": "ok", "errorMessage": ""}</c>.
/// </summary>
public sealed class Fido2EnrollSubProtocolTests
{
    private const string ClientData =
        "eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIiwiY2hhbGxlbmdlIjoiQXU5WFdibjljZWZLR09MakxqRGRVZGpnYzUzVE9IcWRzZVRtMHlKb1pUbyIsIm9yaWdpbiI6Imh0dHBzOi8vbWZhLmV4YW1wbGUudGVzdCIsImNyb3NzT3JpZ2luIjpmYWxzZX0";
    private const string Attestation =
        "o2NmbXRkbm9uZWdhdHRTdG10oGhhdXRoRGF0YViUE4wrTQKWojUtS933_jMQuUjSQRts9NsXQF3Dm4agefFFAAAAAAAAAAAAAAAAAAAAAAAAAAAAEGZ3POY1vppZ47rjtaG8cGulAQIDJiABIVggZ10tNk6R0heJRWxDT_SpG-F5nAGRmEhTa98LYmeTSeYiWCCO9ZXQnt610CwOljj_iJ2KfkHosDHwlaqYIlbRF7-xBA";
    private static readonly byte[] Challenge = Convert.FromHexString("02ef5759b9fd71e7ca18e2e32e30dd51d8e0739dd3387a9db1e4e6d32268653a");
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private static readonly JsonElement VectorBody = JsonDocument.Parse(
        "{\"rawId\": \"Znc85jW-mlnjuuO1obxwaw\", \"id\": \"Znc85jW-mlnjuuO1obxwaw\", \"username\": \"JAGUAR\\\\denis\", " +
        "\"response\": {\"clientDataJSON\": \"" + ClientData + "\", \"attestationObject\": \"" + Attestation + "\"}}").RootElement;

    private readonly TemplateSecrets _secrets = new(new SecretProtector(new byte[32]));

    private EnrollContext Context(string? state, IReadOnlyList<Template>? others = null) => new()
    {
        User = new AuthenticatedUser
        {
            UserId = "a8e32d86c69871a507f45b2e64976138", RepositoryId = "r",
            Account = new DirectoryUser { RepositoryName = "JAGUAR", LoginName = "denis", ObjectId = new string('0', 32) },
        },
        OtherTemplates = others ?? [], Policies = PolicySet.Defaults with { Fido2Method = new Fido2MethodOptions { RpIds = ["mfa.example.test"] } },
        State = state, Time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now), Random = new Fixed(Challenge),
        Secrets = _secrets, PublicUrl = "https://mfa.example.test",
    };

    private static string State => new Fido2State("mfa.example.test", Challenge, Now.AddMinutes(2)).Serialize();

    /// <summary>The enroll engine's reply to a step, as <c>EnrollEngine.ApplyAsync</c> builds it.</summary>
    private static IResult Reply(EnrollStep step) => Fido2EnrollSubProtocol.Reply(step switch
    {
        EnrollStep.MoreData more => new EnrollReply(EnvelopeStatus.MoreData, more.Outcome, "FIDO2:1") { Extras = step.Extras },
        EnrollStep.Done => new EnrollReply(EnvelopeStatus.Ok, Outcomes.Enrolled, "FIDO2:1"),
        EnrollStep.Failed failed => new EnrollReply(EnvelopeStatus.Failed, failed.Outcome, "FIDO2:1"),
        _ => throw new InvalidOperationException(),
    });

    private static async Task<(int Status, string Body)> RunAsync(IResult result)
    {
        var context = new DefaultHttpContext();
        using var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteAsync(context);
        return (context.Response.StatusCode, Encoding.UTF8.GetString(body.ToArray()));
    }

    [Fact]
    public async Task Vector71WithoutItsWrapper_IsOk()
    {
        var step = await new Fido2Method().EnrollAsync(Context(State), Fido2EnrollSubProtocol.ToInput(VectorBody), default);

        Assert.IsType<EnrollStep.Done>(step);
        Assert.Equal((200, """{"status":"ok","errorMessage":""}"""), await RunAsync(Reply(step)));
        Assert.Equal("JAGUAR\\denis", Fido2EnrollSubProtocol.UserName(VectorBody));
    }

    [Fact]
    public async Task OptionsRequest_GetsTheCreationOptionsFlattened()
    {
        var options = JsonDocument.Parse("""{"username": "JAGUAR\\denis", "displayName": "JAGUAR\\denis"}""").RootElement;

        var step = await new Fido2Method().EnrollAsync(Context(State), Fido2EnrollSubProtocol.ToInput(options), default);
        var (status, body) = await RunAsync(Reply(step));
        var reply = JsonNode.Parse(body)!;

        Assert.Equal(200, status);
        Assert.StartsWith("""{"status":"ok","errorMessage":"","rp":{"id":"mfa.example.test","name":"OpenAAF"},"user":{"id":"qOMthsaYcaUH9FsuZJdhOA","name":"JAGUAR\\denis","displayName":"denis"},"challenge":"Au9XWbn9cefKGOLjLjDdUdjgc53TOHqdseTm0yJoZTo",""", body);
        Assert.Equal("none", reply["attestation"]!.GetValue<string>());
    }

    [Fact]
    public async Task FailedRegistration_IsFailedWithTheCatalogueText()
    {
        var first = await new Fido2Method().EnrollAsync(Context(State), Fido2EnrollSubProtocol.ToInput(VectorBody), default);
        var payload = Assert.IsType<EnrollStep.Done>(first).Authenticator;
        var existing = new Template
        {
            Id = "t1", UserId = "a8e32d86c69871a507f45b2e64976138", MethodId = "FIDO2:1",
            Secret = _secrets.Seal("a8e32d86c69871a507f45b2e64976138", "FIDO2:1", payload.Secret),
        };

        var again = await new Fido2Method().EnrollAsync(Context(State, [existing]), Fido2EnrollSubProtocol.ToInput(VectorBody), default);

        Assert.Equal((200, """{"status":"failed","errorMessage":"Security key is already registered"}"""), await RunAsync(Reply(again)));
    }

    [Fact]
    public async Task UnknownProcess_Is400WithAucore1015_BusyIs409_AndAForeignUserFails()
    {
        Assert.Equal((400, """{"status":"failed","errorMessage":"Enrollment process is not found abc","msgid":"AUCORE-1015"}"""),
            await RunAsync(Fido2EnrollSubProtocol.NotFound("abc")));
        Assert.Equal((409, """{"status":"failed","errorMessage":"Another request for this process is in progress","msgid":"OAAF-1114"}"""),
            await RunAsync(Fido2EnrollSubProtocol.Reply(new EnrollReply(EnvelopeStatus.Failed, Outcomes.ProcessBusy, "FIDO2:1"))));
        Assert.Equal((200, """{"status":"failed","errorMessage":"Enrollment process belongs to another user or method"}"""),
            await RunAsync(Fido2EnrollSubProtocol.WrongUser()));
    }

    private sealed class Fixed(byte[] value) : IRandomSource
    {
        public void Fill(Span<byte> buffer) => value.CopyTo(buffer);
    }
}
