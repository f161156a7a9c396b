using Corps.Feishu.Wire;

namespace Corps.Feishu.Client;

/// <summary>Turns an Open API error code into what an operator should do about it.</summary>
internal static class ErrorAdvice
{
    /// <summary>Token codes: the tenant token was refused (expired, revoked, malformed); a new one usually fixes it.</summary>
    public static bool IsTokenError(int code) => code is 99991663 or 99991661 or 99991664 or 99991671;

    /// <summary>Rate-limit code (some old APIs answer it with HTTP 400 rather than 429).</summary>
    public const int RateLimited = 99991400;

    /// <summary>Codes the server uses for its own transient trouble.</summary>
    public static bool IsTransient(int code) => code == 40003;

    public static string Fix(int code, IFeishuResponse response, FeishuClientOptions options)
    {
        var console = options.CloudName == "Lark" ? "the Lark developer console" : "the Feishu developer console";
        return code switch
        {
            40004 or 40014 =>
                $"The department is outside the app's contact scope: in {console} widen the app's contact scope (Permissions & Scopes → data range) " +
                "to include it, or make the app visible to all members, then publish a new version.",
            41050 =>
                $"The user is outside the app's contact scope: in {console} add the user (or a department holding them) to the contact scope, then publish a new version.",
            42009 =>
                $"The user group is outside the app's contact scope: in {console} add the group to the contact scope, then publish a new version.",
            99991672 or 99991679 =>
                $"Grant {Permissions(response)} to the app in {console} (Permissions & Scopes), publish a new version and have a tenant admin approve it.",
            10014 or 10015 or 99991664 or 99991665 =>
                $"Check appId and appSecret in {options.CredentialsFile}: they must be the self-built app's values from {console} (Credentials & Basic Info).",
            99991662 or 99991673 =>
                $"Enable the app and install it in the tenant (the tenant's admin console → apps), then retry.",
            99991401 =>
                $"Add this host's outbound IP to the app's IP allow-list in {console} (Security Settings), or remove the allow-list.",
            99991663 or 99991661 or 99991671 =>
                $"The tenant token was refused even after fetching a new one: check the app is enabled and appId/appSecret in {options.CredentialsFile}.",
            RateLimited =>
                $"Still rate limited after waiting: lower 'rateLimit' or 'maxConcurrency' in {options.CredentialsFile}, or retry later.",
            40011 or 40012 or 40009 =>
                "A page token was refused: the listing changed or expired while it was read; run the sync again.",
            42008 =>
                "The tenant is not valid for this app: check the app is installed in the intended tenant.",
            _ => $"Look up code {code} in the {options.CloudName} Open Platform error code list; quote the log id to {options.CloudName} support.",
        };
    }

    private static string Permissions(IFeishuResponse response)
    {
        var subjects = response.Error?.PermissionViolations?
            .Select(v => v.Subject)
            .Where(s => !string.IsNullOrWhiteSpace(s))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        if (subjects is { Length: > 0 })
            return "one of the permissions " + string.Join(", ", subjects.Select(s => $"'{s}'"));
        // Without error.permission_violations the message usually names the scopes: "…required: [contact:user.id:readonly]".
        var msg = response.Msg;
        var open = msg?.IndexOf('[', StringComparison.Ordinal) ?? -1;
        var close = msg?.LastIndexOf(']') ?? -1;
        return open >= 0 && close > open ? $"the permission {msg![open..(close + 1)]}" : "the permission the API needs";
    }
}
