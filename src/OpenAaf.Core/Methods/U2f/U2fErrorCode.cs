namespace OpenAaf.Core.Methods.U2f;

/// <summary>
/// The <c>errorCode</c> of a U2F JavaScript API response (1 OTHER, 2 BAD_REQUEST, 3 CONFIGURATION_UNSUPPORTED,
/// 4 DEVICE_INELIGIBLE, 5 TIMEOUT). Only a timeout is worth a new challenge (methods.md §9.2).
/// </summary>
internal enum U2fErrorCode { None, Timeout, Other }
