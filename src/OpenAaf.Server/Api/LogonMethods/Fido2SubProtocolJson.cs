using System.Text.Json.Nodes;
using OpenAaf.Core.Catalogue;
using OpenAaf.Server.Http;

namespace OpenAaf.Server.Api.LogonMethods;

/// <summary>
/// Replies in the message format of the WebAuthn helper library the observed clients use (methods.md §10.3,
/// §10.5): always an object with <c>status</c> ("ok"/"failed") and <c>errorMessage</c>, which the library
/// requires to be "" with ok and non-empty with failed.
/// </summary>
public static class Fido2SubProtocolJson
{
    /// <summary>200 ok, with the members of <paramref name="options"/> (request or creation options) flattened in.</summary>
    public static IResult Ok(JsonObject? options = null) => JsonBodyResult.Ok(w =>
    {
        w.WriteStartObject();
        w.WriteString("status", "ok");
        w.WriteString("errorMessage", "");
        foreach (var (key, value) in options ?? [])
        {
            w.WritePropertyName(key);
            if (value is null) w.WriteNullValue();
            else value.WriteTo(w);
        }
        w.WriteEndObject();
    });

    /// <summary>200 failed: a verification verdict, with the catalogue text as the message.</summary>
    public static IResult Failed(string message) => JsonBodyResult.Ok(w =>
    {
        w.WriteStartObject();
        w.WriteString("status", "failed");
        w.WriteString("errorMessage", NonEmpty(message));
        w.WriteEndObject();
    });

    /// <summary>A protocol error (unknown process, wrong method, busy): the library's shape plus <c>msgid</c>, with the outcome's HTTP status.</summary>
    public static IResult Error(Outcome outcome, string? message = null, int? httpStatus = null) =>
        new JsonBodyResult(httpStatus ?? OutcomeStatus.Of(outcome), w =>
        {
            w.WriteStartObject();
            w.WriteString("status", "failed");
            w.WriteString("errorMessage", NonEmpty(message ?? outcome.Message));
            w.WriteString("msgid", outcome.MsgId);
            w.WriteEndObject();
        });

    private static string NonEmpty(string message) => message.Length > 0 ? message : "Request failed";
}
