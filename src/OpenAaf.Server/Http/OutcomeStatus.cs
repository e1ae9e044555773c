using System.Collections.Frozen;
using OpenAaf.Core.Catalogue;

namespace OpenAaf.Server.Http;

/// <summary>
/// The HTTP status of an error envelope, by msgid (api.md §11.2, §11.3, §11.5, §11.6). Every other
/// catalogue entry is a verdict that travels in a 200 logon or enroll envelope.
/// </summary>
public static class OutcomeStatus
{
    private static readonly FrozenDictionary<string, int> ByMsgId = new Dictionary<string, int>
    {
        // Vendor codes (§11.2).
        [Outcomes.LogonProcessNotFound.MsgId] = 444,
        [Outcomes.EnrollProcessNotFound.MsgId] = StatusCodes.Status400BadRequest,
        // 404 on the user routes of §8 and §9 (ErrorEnvelope.Result with a status says so there).
        [Outcomes.UserNotFound.MsgId] = StatusCodes.Status400BadRequest,
        [Outcomes.EndpointSessionNotFound.MsgId] = 433,
        [Outcomes.LoginSessionNotFound.MsgId] = 434,
        [Outcomes.LoginSessionExpired.MsgId] = 434,
        [Outcomes.MethodExistsInCategory.MsgId] = StatusCodes.Status409Conflict,

        // Requests, sessions, processes (§11.3).
        [Outcomes.ValidationError.MsgId] = StatusCodes.Status400BadRequest,
        [Outcomes.MalformedJson.MsgId] = StatusCodes.Status400BadRequest,
        [Outcomes.EndpointAuthFailed.MsgId] = StatusCodes.Status401Unauthorized,
        [Outcomes.AdminAuthFailed.MsgId] = StatusCodes.Status401Unauthorized,
        [Outcomes.AccessDenied.MsgId] = StatusCodes.Status403Forbidden,
        [Outcomes.NotFound.MsgId] = StatusCodes.Status404NotFound,
        [Outcomes.EventNotFound.MsgId] = StatusCodes.Status400BadRequest,
        [Outcomes.EventNotAllowed.MsgId] = StatusCodes.Status400BadRequest,
        [Outcomes.MethodNotSupported.MsgId] = StatusCodes.Status400BadRequest,
        [Outcomes.CategoryNotFound.MsgId] = StatusCodes.Status400BadRequest,
        [Outcomes.NoChains.MsgId] = StatusCodes.Status400BadRequest,
        [Outcomes.MethodNotInChains.MsgId] = StatusCodes.Status400BadRequest,
        [Outcomes.MethodAlreadyCompleted.MsgId] = StatusCodes.Status400BadRequest,
        [Outcomes.ProcessBusy.MsgId] = StatusCodes.Status409Conflict,
        [Outcomes.RepositoryUnavailable.MsgId] = StatusCodes.Status503ServiceUnavailable,
        [Outcomes.SenderUnavailable.MsgId] = StatusCodes.Status503ServiceUnavailable,
        [Outcomes.InternalError.MsgId] = StatusCodes.Status500InternalServerError,
        [Outcomes.RequestTooLarge.MsgId] = StatusCodes.Status413PayloadTooLarge,
        [Outcomes.TooManyRequests.MsgId] = StatusCodes.Status429TooManyRequests,
        [Outcomes.MethodNotAllowed.MsgId] = StatusCodes.Status405MethodNotAllowed,
        [Outcomes.ServiceUnavailable.MsgId] = StatusCodes.Status503ServiceUnavailable,
        [Outcomes.UserAmbiguous.MsgId] = StatusCodes.Status400BadRequest,

        // Enrollment (§11.5): the one code that is also an HTTP error, at POST /enroll.
        [Outcomes.EnrollNotAllowed.MsgId] = StatusCodes.Status403Forbidden,

        // Templates, users, admin (§11.6).
        [Outcomes.TemplateNotFound.MsgId] = StatusCodes.Status404NotFound,
        [Outcomes.EnrollProcessMismatch.MsgId] = StatusCodes.Status400BadRequest,
        [Outcomes.EndpointNotFound.MsgId] = StatusCodes.Status404NotFound,
        [Outcomes.DeleteMeDisabled.MsgId] = StatusCodes.Status403Forbidden,
        [Outcomes.EndpointExists.MsgId] = StatusCodes.Status409Conflict,
        [Outcomes.EnrollNotComplete.MsgId] = StatusCodes.Status400BadRequest,
        [Outcomes.ReenrollmentDisabled.MsgId] = StatusCodes.Status403Forbidden,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static int Of(Outcome outcome) => ByMsgId.GetValueOrDefault(outcome.MsgId, StatusCodes.Status200OK);
}
