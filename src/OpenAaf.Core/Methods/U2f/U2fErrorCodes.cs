using System.Text.Json;

namespace OpenAaf.Core.Methods.U2f;

/// <summary>Reads <see cref="U2fErrorCode"/> from a signResponse or registerResponse.</summary>
internal static class U2fErrorCodes
{
    private const long Ok = 0;
    private const long Timeout = 5;

    public static U2fErrorCode Of(JsonElement response)
    {
        var input = new MethodInput(response);
        if (!JsonKeys.TryGet(response, "errorCode", out _)) return U2fErrorCode.None;
        // A code that is not a number is still an error report: fail closed as OTHER.
        return input.GetInteger("errorCode") switch
        {
            Ok => U2fErrorCode.None,
            Timeout => U2fErrorCode.Timeout,
            _ => U2fErrorCode.Other,
        };
    }
}
