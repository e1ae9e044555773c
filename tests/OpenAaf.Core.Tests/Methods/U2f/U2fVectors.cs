namespace OpenAaf.Core.Tests.Methods.U2f;

/// <summary>The U2F vectors of test-vectors.md §2–§3, verbatim (data file: exempt from the size rule).</summary>
internal static class U2fVectors
{
    // §2 Registration — FIDO U2F spec example.
    public const string RegAppId = "http://example.com";
    public const string RegChallengeHex = "beaad2e965c37b5254b39fdcde2e3e2e42881d1afedd755bddacee0394e27c7a";
    public const string RegUserPublicKeyHex =
        "04b174bc49c7ca254b70d2e5c207cee9cf174820ebd77ea3c65508c26da51b657c1cc6b952f8621697936482da0a6d3d3826a59095daf6cd7c03e2e60385d2f6d9";
    public const string KeyHandleHex =
        "2a552dfdb7477ed65fd84133f86196010b2215b57da75d315b7b9e8fe2e3925a6019551bab61d16591659cbaf00b4950f7abfe6660e2e006f76868b772d70c25";
    public const string KeyHandle = "KlUt_bdHftZf2EEz-GGWAQsiFbV9p10xW3uej-LjklpgGVUbq2HRZZFlnLrwC0lQ96v-ZmDi4Ab3aGi3ctcMJQ";
    public const string AttestationCertificateHex =
        "3082013c3081e4a003020102020a47901280001155957352300a06082a8648ce" +
        "3d0403023017311530130603550403130c476e756262792050696c6f74301e17" +
        "0d3132303831343138323933325a170d3133303831343138323933325a303131" +
        "2f302d0603550403132650696c6f74476e756262792d302e342e312d34373930" +
        "313238303030313135353935373335323059301306072a8648ce3d020106082a" +
        "8648ce3d030107034200048d617e65c9508e64bcc5673ac82a6799da3c144668" +
        "2c258c463fffdf58dfd2fa3e6c378b53d795c4a4dffb4199edd7862f23abaf02" +
        "03b4b8911ba0569994e101300a06082a8648ce3d0403020347003044022060cd" +
        "b6061e9c22262d1aac1d96d8c70829b2366531dda268832cb836bcd30dfa0220" +
        "631b1459f09e6330055722c8d89b7f48883b9089b88d60d1d9795902b30410df";
    public const string RegistrationData =
        "BQSxdLxJx8olS3DS5cIHzunPF0gg69d-o8ZVCMJtpRtlfBzGuVL4YhaXk2SC2gptPTgmpZCV2vbNfAPi5gOF0vbZQCpVLf23R37WX9hBM_hhlgELIhW1faddMVt7no_i45JaYBlVG6th0WWRZZy68AtJUPer_mZg4uAG92hot3LXDCUwggE8MIHkoAMCAQICCkeQEoAAEVWVc1IwCgYIKoZIzj0EAwIwFzEVMBMGA1UEAxMMR251YmJ5IFBpbG90MB4XDTEyMDgxNDE4MjkzMloXDTEzMDgxNDE4MjkzMlowMTEvMC0GA1UEAxMmUGlsb3RHbnViYnktMC40LjEtNDc5MDEyODAwMDExNTU5NTczNTIwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAASNYX5lyVCOZLzFZzrIKmeZ2jwURmgsJYxGP__fWN_S-j5sN4tT15XEpN_7QZnt14YvI6uvAgO0uJEboFaZlOEBMAoGCCqGSM49BAMCA0cAMEQCIGDNtgYenCImLRqsHZbYxwgpsjZlMd2iaIMsuDa80w36AiBjGxRZ8J5jMAVXIsjYm39IiDuQibiNYNHZeVkCswQQ3zBFAiAUcYmbzDmH5i6CAsmznDPBkDP3NANS26gPyrAX25Iw5AIhAIJnfWc9iRkzreb2F-Xb3i4kfnBCP9WteASm09OWHvhx";
    public const string RegClientData =
        "eyJ0eXAiOiJuYXZpZ2F0b3IuaWQuZmluaXNoRW5yb2xsbWVudCIsImNoYWxsZW5nZSI6InZxclM2V1hEZTFKVXM1X2MzaTQtTGtLSUhSci0zWFZiM2F6dUE1VGlmSG8iLCJjaWRfcHVia2V5Ijp7Imt0eSI6IkVDIiwiY3J2IjoiUC0yNTYiLCJ4IjoiSHpRd2xmWFg3UTRTNU10Q0NuWlVOQnczUk16UE85dE95V2pCcVJsNHRKOCIsInkiOiJYVmd1R0ZMSVp4MWZYZzN3TnFmZGJuNzVoaTQtXzctQnhoTWxqdzQySHQ0In0sIm9yaWdpbiI6Imh0dHA6Ly9leGFtcGxlLmNvbSJ9";
    public const string RegUserPrivateKeyHex = "9a9684b127c5e3a706d618c86401c7cf6fd827fd0bc18d24b0eb842e36d16df1";

    // §3.1 Authentication — spec example.
    public const string AuthAppId = "https://gstatic.com/securitykey/a/example.com";
    public const string AuthOrigin = "http://example.com";
    public const string AuthChallengeHex = "a29b17a9489f0eb88002659c9629df6d2d1ef94498d028322477bf3ad77bcfca";
    public const string AuthChallenge = "opsXqUifDriAAmWclinfbS0e-USY0CgyJHe_Otd7z8o";
    public const string AuthUserPrivateKeyHex = "ffa1e110dde5a2f8d93c4df71e2d4337b7bf5ddb60c75dc2b6b81433b54dd3c0";
    public const string AuthUserPublicKey = "BNNo8bZlut48M6IPHkKcd1DVAzZgwBkRnSmqS6erwEqnyApGu-EcqMtWdNdPMfipA_a60QX7ardK7-9NuLACXh0";
    public const string AuthSignatureData =
        "AQAAAAEwRAIgS18M0XU0zt2MNO4JVw71QqNT30Q2AwzkPUBt6HC4R3gCICZ7uZj6ybcmbrYOfLC16r39W6lhT1PHsiJy7BAEepI_";
    public const string AuthClientData =
        "eyJ0eXAiOiJuYXZpZ2F0b3IuaWQuZ2V0QXNzZXJ0aW9uIiwiY2hhbGxlbmdlIjoib3BzWHFVaWZEcmlBQW1XY2xpbmZiUzBlLVVTWTBDZ3lKSGVfT3RkN3o4byIsImNpZF9wdWJrZXkiOnsia3R5IjoiRUMiLCJjcnYiOiJQLTI1NiIsIngiOiJIelF3bGZYWDdRNFM1TXRDQ25aVU5CdzNSTXpQTzl0T3lXakJxUmw0dEo4IiwieSI6IlhWZ3VHRkxJWngxZlhnM3dOcWZkYm43NWhpNC1fNy1CeGhNbGp3NDJIdDQifSwib3JpZ2luIjoiaHR0cDovL2V4YW1wbGUuY29tIn0";
    // Base64 tolerance variant: the same data in standard base64 with padding.
    public const string AuthClientDataStandard =
        "eyJ0eXAiOiJuYXZpZ2F0b3IuaWQuZ2V0QXNzZXJ0aW9uIiwiY2hhbGxlbmdlIjoib3BzWHFVaWZEcmlBQW1XY2xpbmZiUzBlLVVTWTBDZ3lKSGVfT3RkN3o4byIsImNpZF9wdWJrZXkiOnsia3R5IjoiRUMiLCJjcnYiOiJQLTI1NiIsIngiOiJIelF3bGZYWDdRNFM1TXRDQ25aVU5CdzNSTXpQTzl0T3lXakJxUmw0dEo4IiwieSI6IlhWZ3VHRkxJWngxZlhnM3dOcWZkYm43NWhpNC1fNy1CeGhNbGp3NDJIdDQifSwib3JpZ2luIjoiaHR0cDovL2V4YW1wbGUuY29tIn0=";
    public const string AuthSignatureDataStandard =
        "AQAAAAEwRAIgS18M0XU0zt2MNO4JVw71QqNT30Q2AwzkPUBt6HC4R3gCICZ7uZj6ybcmbrYOfLC16r39W6lhT1PHsiJy7BAEepI/";

    // §3.2 Negative and sequence vectors (with the §3.1 key handle and clientData unless stated).
    public const string N1UserNotPresent = "AAAAAAIwRQIhANERmNQiIhcurEWxs-uCL5jcBhHsSbQzB245X5w_ComLAiB0UmFCfpGfrftxMATsPeTscatYyp_j5Fe4guF5d1e8kA";
    public const string N2CounterZero = "AQAAAAAwRQIhAJOxhz4eVUDPNqyAQ2lWsZypQ_yig1ysiss8JIcj1s8UAiBYtHWCcIHPA77R0wYeVJDEU-YvDHM9IApS7KDwrjGY_Q";
    public const string N3CounterChanged = "AQAAAAIwRAIgS18M0XU0zt2MNO4JVw71QqNT30Q2AwzkPUBt6HC4R3gCICZ7uZj6ybcmbrYOfLC16r39W6lhT1PHsiJy7BAEepI_";
    public const string N5UnknownKeyHandle = "K1Ut_bdHftZf2EEz-GGWAQsiFbV9p10xW3uej-LjklpgGVUbq2HRZZFlnLrwC0lQ96v-ZmDi4Ab3aGi3ctcMJQ";

    public const string G1SignatureData = "AQAAAAIwRQIhAMSAowMRKVfzF2KA2eFHUPS1ZAP51D2UuzrYHc-XsuCqAiBPI_wcINrojzCt6pnCaHHY7aLRARanaK8_ObhAbO2VdA";
    public const string G1ClientData = "eyJ0eXAiOiJuYXZpZ2F0b3IuaWQuZ2V0QXNzZXJ0aW9uIiwiY2hhbGxlbmdlIjoib3BzWHFVaWZEcmlBQW1XY2xpbmZiUzBlLVVTWTBDZ3lKSGVfT3RkN3o4byIsIm9yaWdpbiI6Imh0dHA6Ly9leGFtcGxlLmNvbSJ9";
    public const string G2SignatureData = "AQAAAAIwRgIhAI8lFHf7bAawaTS_L-AwY4PB-ft39W5u_TpXQdfp6o1GAiEA0ayr3zI8QHLMWZRwfKs1i5ZGf3XHBZWZL3y9sOxUmnw";
    public const string G2ClientData = "eyJ0eXAiOiJuYXZpZ2F0b3IuaWQuZmluaXNoRW5yb2xsbWVudCIsImNoYWxsZW5nZSI6Im9wc1hxVWlmRHJpQUFtV2NsaW5mYlMwZS1VU1kwQ2d5SkhlX090ZDd6OG8iLCJvcmlnaW4iOiJodHRwOi8vZXhhbXBsZS5jb20ifQ";
    public const string G3SignatureData = "AQAAAAIwRAIgPHowjtzETnkBh2081VJ1NydAtfAMrDop7BD81VMs74ACIHEgh1h1Wigqvh6P-4R1ruh78mIHKx5LMdkbE1q2biL5";
    public const string G3ClientData = "eyJ0eXAiOiJuYXZpZ2F0b3IuaWQuZ2V0QXNzZXJ0aW9uIiwiY2hhbGxlbmdlIjoib3BzWHFVaWZEcmlBQW1XY2xpbmZiUzBlLVVTWTBDZ3lKSGVfT3RkN3o4byIsIm9yaWdpbiI6Imh0dHBzOi8vZXZpbC1leGFtcGxlLmNvbSJ9";
    public const string G4SignatureData = "AQAAAAIwRgIhAPvXzT7VnJSh-Nk5G2hcDBUODVUipNwQENL1lTiF5IdNAiEA9zuqBY9U5_-42c1RYnEPFelH1sfiTlbRVIh5qiav7uE";
    public const string G4ClientData = "eyJ0eXAiOiJuYXZpZ2F0b3IuaWQuZ2V0QXNzZXJ0aW9uIiwiY2hhbGxlbmdlIjoiSDU3SWNtQThGNlRjbE1uMVdrcE9xUWNyd1ZaQTVKMjkyelhFUFFrTzQzYyIsIm9yaWdpbiI6Imh0dHA6Ly9leGFtcGxlLmNvbSJ9";

    // §3.3 Seed 2.6 sign response — parse-only (its key is unknown).
    public const string SeedSignatureData = "AQAAAXwwRQIhALtnK0-DhFVyW3SqRtvNmdY4-nkNQSlj2znH59v5NrhgAiAwXGWmSG7J_Z4-2GM0OzUAYHc829uAm4cDGTAx3Wc7BA";
    public const string SeedClientData = "eyAiY2hhbGxlbmdlIjogIkxSSFB5ZWZhZEZGWGQ5YXJPTlJLMVZpWGJ1eUV6NTlFa3FvcXgweU1BeDAiLCAib3JpZ2luIjogImh0dHBzOlwvXC9kcmJpb210ZGV2YXAydi5hbHJhamhpLmJhbmsiLCAidHlwIjogIm5hdmlnYXRvci5pZC5nZXRBc3NlcnRpb24iIH0";
    public const string SeedKeyHandle = "dzdh2h3JCUD-hJdZ8W-CR-SGtOmUikx01l1l3gCzxCloFTFNLdeVtCD4UpeEnswbcKp_OtQvUt0N2AeAH735pA";
    public const string SeedKeyHandleHex =
        "773761da1dc90940fe849759f16f8247e486b4e9948a4c74d65d65de00b3c4296815314d2dd795b420f85297849ecc1b70aa7f3ad42f52dd0dd807801fbdf9a4";
    public const string SeedChallengeHex = "2d11cfc9e7da74515777d6ab38d44ad558976eec84cf9f4492aa2ac74c8c031d";

    // §3.4 U2F through WebAuthn with the appid extension.
    public const string WebAuthnClientDataJson = "eyJ0eXBlIjoid2ViYXV0aG4uZ2V0IiwiY2hhbGxlbmdlIjoib3BzWHFVaWZEcmlBQW1XY2xpbmZiUzBlLVVTWTBDZ3lKSGVfT3RkN3o4byIsIm9yaWdpbiI6Imh0dHA6Ly9leGFtcGxlLmNvbSIsImNyb3NzT3JpZ2luIjpmYWxzZX0";
    public const string WebAuthnAuthenticatorData = "SwvpNLrrtdEtJgEbaSJ_peht-U59lKopSaifLUk5ksoBAAAAAg";
    public const string WebAuthnSignature = "MEQCIGFCpIUODCtpq8bFWhRV4oakmunNefrJp1L0HQG_XL8fAiAeo-YycH-ftG2tj1QN-YJ6XngxCuEAkmOOC98K6oXn8Q";
    public const string WebAuthnRepackedSignatureData =
        "AQAAAAIwRAIgYUKkhQ4MK2mrxsVaFFXihqSa6c15-smnUvQdAb9cvx8CIB6j5jJwf5-0ba2PVA35gnpeeDEK4QCSY44L3wrqhefx";

    /// <summary>The ready <c>do_logon</c> response of §3.1 with another signatureData / clientData / keyHandle.</summary>
    public static string SignResponse(string signatureData = AuthSignatureData, string clientData = AuthClientData, string keyHandle = KeyHandle) =>
        $$$"""{"signResponse": {"keyHandle": "{{{keyHandle}}}", "signatureData": "{{{signatureData}}}", "clientData": "{{{clientData}}}"}}""";

    /// <summary>The ready <c>do_logon</c> response of §3.4.</summary>
    public static string WebAuthnResponse(string clientDataJson = WebAuthnClientDataJson, string authenticatorData = WebAuthnAuthenticatorData, string signature = WebAuthnSignature) =>
        $$$"""{"webauthn_response": {"id": "{{{KeyHandle}}}", "rawId": "{{{KeyHandle}}}", "type": "public-key", "response": {"clientDataJSON": "{{{clientDataJson}}}", "authenticatorData": "{{{authenticatorData}}}", "signature": "{{{signature}}}", "userHandle": null}, "clientExtensionResults": {"appid": true} } }""";

    /// <summary>The ready <c>do_enroll</c> response of §2 step 2.</summary>
    public static string RegisterResponse(string registrationData = RegistrationData, string clientData = RegClientData) =>
        $$$"""{"registerResponse": {"version": "U2F_V2", "registrationData": "{{{registrationData}}}", "clientData": "{{{clientData}}}"}}""";
}
