namespace Corps.Emulator.Api;

/// <summary>
/// The errors the emulator answers with. Statuses documented on the contact pages are used as documented; the
/// token family (9999166x/72) is UNCONFIRMED in the reference and answered with HTTP 400, the status most often
/// reported for them, which also makes the Node SDK's axios throw as it does against the real service.
/// </summary>
internal static class ApiErrors
{
    public static ApiError NeedToken { get; } = new(400, 99991661,
        "Missing access token for authorization. Please make a request with token attached.");

    public static ApiError InvalidTenantToken { get; } = new(400, 99991663, "Invalid access token for authorization. Please make a request with token attached.");

    public static ApiError InvalidUserToken { get; } = new(400, 99991668, "Invalid access token for authorization. Please make a request with token attached.");

    public static ApiError BadTokenPrefix { get; } = new(400, 99991671, "Invalid access token for authorization. Token must start with t- or u-.");

    public static ApiError PageSizeInvalid { get; } = new(400, 40011, "page size is invalid");

    public static ApiError PageTokenInvalid { get; } = new(400, 40012, "page token is invalid");

    public static ApiError NoDepartmentAuthority { get; } = new(403, 40004, "no dept authority error");

    public static ApiError DepartmentNotExist { get; } = new(400, 40015, "department not exist");

    public static ApiError NoUserAuthority { get; } = new(400, 41050, "no user authority error");

    public static ApiError UserIdInvalid { get; } = new(400, 41012, "user id invalid");

    public static ApiError InvalidGroupId { get; } = new(400, 42002, "invalid group_id");

    public static ApiError NoGroupAuthority { get; } = new(403, 42009, "no group authority error");

    public static ApiError InternalError { get; } = new(500, 40003, "internal error");

    public static ApiError RateLimited(int limit, int resetSeconds) => new(429, 99991400, "request trigger frequency limit")
    {
        Headers =
        [
            new("x-ogw-ratelimit-limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("x-ogw-ratelimit-reset", resetSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ],
    };

    public static ApiError PermissionDenied(IReadOnlyList<string> anyOf) =>
        new(400, 99991672, "Access denied. One of the following scopes is required: [" + string.Join(", ", anyOf) + "].")
        {
            PermissionViolations = anyOf,
        };

    public static ApiError Param(string message) => new(400, 40001, "param error: " + message);

    public static ApiError FieldInvalid(string field, string value, string description) => new(400, 99992402, "field validation failed")
    {
        FieldViolation = (field, value, description),
    };
}
