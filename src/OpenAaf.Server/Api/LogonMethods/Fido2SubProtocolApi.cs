using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Logon;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.Fido2;
using OpenAaf.Server.Http;
using OpenAaf.Server.Telemetry;

namespace OpenAaf.Server.Api.LogonMethods;

/// <summary>
/// <c>POST /logon_method/FIDO2:1/login/{logon_process_id}</c> (methods.md §10.3) and
/// <c>…/enroll/{enroll_process_id}</c> (§10.5): the WebAuthn helper library's two messages, translated into
/// answers of the logon and enroll engines. There is no session parameter: the
/// process id is the credential. The verdict stays in the process until the client's next <c>do_logon</c>.
/// </summary>
public static class Fido2SubProtocolApi
{
    public static IEndpointRouteBuilder MapFido2SubProtocolApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/logon_method/FIDO2:1/login/{logonProcessId}", LoginAsync).WithLogonStep("fido2_login");
        app.MapPost("/api/v1/logon_method/FIDO2:1/enroll/{enrollProcessId}", EnrollAsync);
        return app;
    }

    private static async Task<IResult> EnrollAsync(
        HttpContext http, string enrollProcessId, Core.Enrollment.EnrollEngine engine, CancellationToken ct)
    {
        MethodInput input;
        string? userName;
        try
        {
            using var request = await ApiRequest.ReadAsync(http, ApiRequest.LargeBodyLimit);
            input = Fido2EnrollSubProtocol.ToInput(request.Body);
            userName = Fido2EnrollSubProtocol.UserName(request.Body);
        }
        catch (ApiException e)
        {
            return Fido2SubProtocolJson.Error(e.Outcome);
        }
        var reply = await engine.StepSubProtocolAsync(enrollProcessId, MethodIds.Fido2, userName, input, ct);
        return reply.Outcome == Outcomes.EnrollProcessMismatch ? Fido2EnrollSubProtocol.WrongUser() : Fido2EnrollSubProtocol.Reply(reply);
    }

    private static async Task<IResult> LoginAsync(HttpContext http, string logonProcessId, LogonEngine engine, CancellationToken ct)
    {
        MethodInput input;
        try
        {
            using var request = await ApiRequest.ReadAsync(http, ApiRequest.LargeBodyLimit);
            // The payload is copied out of the request document, which is disposed here.
            input = Fido2SubProtocolRequest.ToInput(request.Body);
        }
        catch (ApiException e)
        {
            return Fido2SubProtocolJson.Error(e.Outcome);
        }
        var reply = await engine.AnswerSubProtocolAsync(logonProcessId, MethodIds.Fido2, input, ct);
        return Reply(reply);
    }

    /// <summary>The engine's reply in the library's shape: options flattened on MORE_DATA, ok, failed, or an error.</summary>
    public static IResult Reply(LogonReply reply)
    {
        if (reply.Result is not { } result) return Fido2SubProtocolJson.Error(reply.Error!);
        return result.Status switch
        {
            EnvelopeStatus.MoreData => Fido2SubProtocolJson.Ok(
                result.Extras.GetValueOrDefault(RequestOptionsJson.Key) as System.Text.Json.Nodes.JsonObject),
            EnvelopeStatus.Failed => Fido2SubProtocolJson.Failed(result.Outcome.Message),
            _ => Fido2SubProtocolJson.Ok(),
        };
    }
}
