namespace Corps.Emulator.Api;

/// <summary>How one Open API endpoint is guarded.</summary>
/// <param name="Name">Stable name for counters and rate limits, e.g. <c>GET /open-apis/contact/v3/users/find_by_department</c>.</param>
/// <param name="AnyPermission">The call is allowed when any of these is granted (empty = no check).</param>
/// <param name="AcceptsUserToken">True for endpoints marked T,U in the reference.</param>
/// <param name="HasBody">True when the handler needs the JSON body.</param>
internal sealed record ApiSpec(string Name, IReadOnlyList<string> AnyPermission, bool AcceptsUserToken = true, bool HasBody = false);
