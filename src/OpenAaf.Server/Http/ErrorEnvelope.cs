using System.Text.Json;
using OpenAaf.Core.Catalogue;

namespace OpenAaf.Server.Http;

/// <summary>Writes the error envelope of api.md §2.1; the only place that does.</summary>
public static class ErrorEnvelope
{
    /// <summary>
    /// Retry-After of a 429 whose cause has no clock of its own (the per-endpoint process cap): processes end as
    /// logons finish, and expired ones are pruned every 30 s.
    /// </summary>
    public const int DefaultRetryAfterSeconds = 30;

    public static IResult Result(Outcome outcome, string? description = null) =>
        new JsonBodyResult(OutcomeStatus.Of(outcome), w => Write(w, outcome, [], description),
            OutcomeStatus.Of(outcome) == StatusCodes.Status429TooManyRequests ? DefaultRetryAfterSeconds : null);

    /// <summary>An outcome whose status depends on the route, e.g. AUCORE-1056 is 404 on the user routes (api.md §11.2).</summary>
    public static IResult Result(Outcome outcome, int status) =>
        new JsonBodyResult(status, w => Write(w, outcome, [], null));

    /// <summary>429 with the Retry-After header clients use to back off.</summary>
    public static IResult TooManyRequests(int retryAfterSeconds) =>
        new JsonBodyResult(OutcomeStatus.Of(Outcomes.TooManyRequests), w => Write(w, Outcomes.TooManyRequests, [], null), retryAfterSeconds);

    public static IResult Validation(IReadOnlyList<FieldError> fields) =>
        new JsonBodyResult(400, w => Write(w, Outcomes.ValidationError, fields, null));

    /// <summary>A logical error whose items name a field, e.g. the 409 duplicate template (<c>name</c> "category_id").</summary>
    public static IResult Fields(Outcome outcome, IReadOnlyList<FieldError> fields) =>
        new JsonBodyResult(OutcomeStatus.Of(outcome), w => Write(w, outcome, fields, null));

    public static IResult From(ApiException e) =>
        new JsonBodyResult(OutcomeStatus.Of(e.Outcome), w => Write(w, e.Outcome, e.Fields, e.Description));

    public static void Write(Utf8JsonWriter writer, Outcome outcome, IReadOnlyList<FieldError> fields, string? description)
    {
        writer.WriteStartObject();
        writer.WriteString("status", "error");
        writer.WriteStartArray("errors");
        if (fields.Count == 0)
        {
            writer.WriteStartObject();
            writer.WriteString("location", "server");
            writer.WriteString("name", "AuError");
            writer.WriteString("msgid", outcome.MsgId);
            writer.WriteString("description", description ?? outcome.Message);
            writer.WriteEndObject();
        }
        foreach (var field in fields)
        {
            writer.WriteStartObject();
            writer.WriteString("location", field.Location);
            writer.WriteString("name", field.Name);
            writer.WriteString("msgid", outcome.MsgId);
            writer.WriteString("description", field.Description);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteString("reason", outcome.Reason);
        writer.WriteEndObject();
    }
}
