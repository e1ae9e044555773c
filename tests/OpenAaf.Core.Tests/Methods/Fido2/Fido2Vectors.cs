namespace OpenAaf.Core.Tests.Methods.Fido2;

/// <summary>test-vectors.md §7, verbatim.</summary>
public static class Fido2Vectors
{
    public const string RpId = "mfa.example.test";
    public const string Origin = "https://mfa.example.test";
    public const string UserId = "a8e32d86c69871a507f45b2e64976138";
    public const string CredentialId = "Znc85jW-mlnjuuO1obxwaw";
    public const string UserHandle = "qOMthsaYcaUH9FsuZJdhOA";
    public const string CoseKeyHex =
        "a5010203262001215820675d2d364e91d21789456c434ff4a91be1799c01919848536bdf0b62679349e62258208ef595d09edeb5d02c0e9638ff889d8a7e41e8b031f095aa982256d117bfb104";
    public static readonly byte[] RegistrationChallenge = Convert.FromHexString("02ef5759b9fd71e7ca18e2e32e30dd51d8e0739dd3387a9db1e4e6d32268653a");
    public static readonly byte[] AssertionChallenge = Convert.FromHexString("c2ffa9008f4316076b6214268af1055a6b138b11a7ede2223dacbf1e19fc3659");

    public const string RegistrationClientData =
        "eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIiwiY2hhbGxlbmdlIjoiQXU5WFdibjljZWZLR09MakxqRGRVZGpnYzUzVE9IcWRzZVRtMHlKb1pUbyIsIm9yaWdpbiI6Imh0dHBzOi8vbWZhLmV4YW1wbGUudGVzdCIsImNyb3NzT3JpZ2luIjpmYWxzZX0";
    public const string AttestationObject =
        "o2NmbXRkbm9uZWdhdHRTdG10oGhhdXRoRGF0YViUE4wrTQKWojUtS933_jMQuUjSQRts9NsXQF3Dm4agefFFAAAAAAAAAAAAAAAAAAAAAAAAAAAAEGZ3POY1vppZ47rjtaG8cGulAQIDJiABIVggZ10tNk6R0heJRWxDT_SpG-F5nAGRmEhTa98LYmeTSeYiWCCO9ZXQnt610CwOljj_iJ2KfkHosDHwlaqYIlbRF7-xBA";

    public const string C1 =
        "eyJ0eXBlIjoid2ViYXV0aG4uZ2V0IiwiY2hhbGxlbmdlIjoid3YtcEFJOURGZ2RyWWhRbWl2RUZXbXNUaXhHbjdlSWlQYXlfSGhuOE5sayIsIm9yaWdpbiI6Imh0dHBzOi8vbWZhLmV4YW1wbGUudGVzdCIsImNyb3NzT3JpZ2luIjpmYWxzZX0";
    public const string C2 =
        "eyJ0eXBlIjoid2ViYXV0aG4uZ2V0IiwiY2hhbGxlbmdlIjoid3YtcEFJOURGZ2RyWWhRbWl2RUZXbXNUaXhHbjdlSWlQYXlfSGhuOE5sayIsIm9yaWdpbiI6Imh0dHBzOi8vbWZhLmV4YW1wbGUudGVzdC5ldmlsLmV4YW1wbGUiLCJjcm9zc09yaWdpbiI6ZmFsc2V9";
    public const string C3 =
        "eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIiwiY2hhbGxlbmdlIjoid3YtcEFJOURGZ2RyWWhRbWl2RUZXbXNUaXhHbjdlSWlQYXlfSGhuOE5sayIsIm9yaWdpbiI6Imh0dHBzOi8vbWZhLmV4YW1wbGUudGVzdCIsImNyb3NzT3JpZ2luIjpmYWxzZX0";
    public const string C4 =
        "eyJ0eXBlIjoid2ViYXV0aG4uZ2V0IiwiY2hhbGxlbmdlIjoiQVBCazFRaEFVZzZGa2xNNWQ5TnBySV9yWmdiS0JGeTRVTFg5U2ZPWkNUQSIsIm9yaWdpbiI6Imh0dHBzOi8vbWZhLmV4YW1wbGUudGVzdCIsImNyb3NzT3JpZ2luIjpmYWxzZX0";

    /// <summary>The rows of §7.2: authenticatorData, signature, client data, stored count.</summary>
    public static readonly IReadOnlyDictionary<string, (string AuthData, string Signature, string ClientData, uint Stored)> Rows =
        new Dictionary<string, (string, string, string, uint)>
        {
            ["A1"] = ("E4wrTQKWojUtS933_jMQuUjSQRts9NsXQF3Dm4agefEFAAAAAQ", "MEYCIQDXuj-lAA2F-m4S7BUSBahxMCVfWozNTLSOrHxXNtZ9vAIhAJcPLttPGPeidhPNvjGSyDCb_0WzEbyCwXe6oZgluR6z", C1, 0),
            ["A2"] = ("E4wrTQKWojUtS933_jMQuUjSQRts9NsXQF3Dm4agefEFAAAAAg", "MEQCIDnU1tsEJbG8ogZBh3jFHGaABMkK8Jzpx_Z2ZRP5iOYiAiAPP0jFZcFbDeSMab8PP6J6HmGd1ZVFeJzhO5xdN3e-Zg", C1, 1),
            ["A3"] = ("E4wrTQKWojUtS933_jMQuUjSQRts9NsXQF3Dm4agefEFAAAAAQ", "MEYCIQDXuj-lAA2F-m4S7BUSBahxMCVfWozNTLSOrHxXNtZ9vAIhAJcPLttPGPeidhPNvjGSyDCb_0WzEbyCwXe6oZgluR6z", C1, 2),
            ["A4"] = ("E4wrTQKWojUtS933_jMQuUjSQRts9NsXQF3Dm4agefEEAAAAAw", "MEUCIHZ08C9r_6CkmVRhH4gNOiQlJ6hv3S1AlKXareozrMXyAiEA0_Hg29hUEjTApvnJG424vlACP5oTlPevq0kDXygLomw", C1, 0),
            ["A5"] = ("E4wrTQKWojUtS933_jMQuUjSQRts9NsXQF3Dm4agefEBAAAAAw", "MEUCIQD7HPLl3JatJbgw94EaXKberVWgr2tTWuHwidZIp4TUwAIgYhUYF3dEtlYVA_4u7ulZinaV9_cSO3lCNg2xsQy8RlM", C1, 0),
            ["A6"] = ("7BLEjRZWRNZnjgG2IWorOh4Rkf8dKV1cTqMUOko_COgFAAAAAw", "MEYCIQDqH53XqYkAtsCOA8piQEj3YijLzu6JYxvs82J41uS54gIhANbxXoBh3MO3YYk1_PzfbEbLh7IAEiS-8mh6uBkHZroB", C1, 0),
            ["A7"] = ("E4wrTQKWojUtS933_jMQuUjSQRts9NsXQF3Dm4agefEFAAAAAw", "MEUCIFjfhx93_NZtYfyarwYU34VJ7zUJJ5z2KrBU_4JawNxYAiEAovrp1_oWoS53zZjT8y_oSHDG81lp3176PHRG9bmiZIM", C2, 0),
            ["A8"] = ("E4wrTQKWojUtS933_jMQuUjSQRts9NsXQF3Dm4agefEFAAAAAw", "MEQCID5fDAxCtkzPeMrPtfo9yo8FOQFfZ5wkO8m7S2nXYgaOAiBmJT5xo-V40-5e8FCWAiCpvAO91tq_KO89HW7PypHEQQ", C3, 0),
            ["A9"] = ("E4wrTQKWojUtS933_jMQuUjSQRts9NsXQF3Dm4agefEFAAAAAw", "MEUCIFRWGcUr1vS8t2CWnnwoNwZokVyksUvihceP1jlLgYUeAiEApuG3kXrL7ghXjdXghHc-yEPHOiqH68mi-huY-qJUPzY", C4, 0),
        };

    /// <summary>The ready <c>do_logon</c> <c>response</c> of a row.</summary>
    public static string AssertionResponse(string row)
    {
        var (authData, signature, clientData, _) = Rows[row];
        return "{\"webauthn_response\": {\"id\": \"" + CredentialId + "\", \"rawId\": \"" + CredentialId +
               "\", \"type\": \"public-key\", \"response\": {\"clientDataJSON\": \"" + clientData + "\", \"authenticatorData\": \"" +
               authData + "\", \"signature\": \"" + signature + "\", \"userHandle\": \"" + UserHandle + "\"}, \"clientExtensionResults\": {}}}";
    }

    /// <summary>The ready <c>do_enroll</c> <c>response</c> of §7.1.</summary>
    public static readonly string RegistrationResponse =
        "{\"webauthn_response\": {\"id\": \"" + CredentialId + "\", \"rawId\": \"" + CredentialId +
        "\", \"type\": \"public-key\", \"response\": {\"clientDataJSON\": \"" + RegistrationClientData +
        "\", \"attestationObject\": \"" + AttestationObject + "\"}, \"clientExtensionResults\": {}}}";
}
