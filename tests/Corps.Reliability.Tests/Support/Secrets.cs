namespace Corps.Reliability.Tests.Support;

/// <summary>Distinctive secret values: any of them found anywhere outside the auth config is a leak.</summary>
internal static class Secrets
{
    public const string EncryptKey = "ENCKEY-q7Zr4Lw9-never-shown";
    public const string VerificationToken = "VTOKEN-p3Xk8Mv2-never-shown";

    /// <summary>The app secret of the emulator's app for these tests (the emulator checks it on the token endpoint).</summary>
    public const string AppSecret = "APPSECRET-h5Ty1Qn6-never-shown";

    public const string AppId = "cli_7e1ab0c2d3e4f5a6";

    /// <summary>Deliveries encrypted and signed with these keys.</summary>
    public static SignedDelivery Delivery { get; } = new(EncryptKey, VerificationToken, AppId);
}
