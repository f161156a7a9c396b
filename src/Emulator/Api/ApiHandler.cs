using System.Text.Json;

namespace Corps.Emulator.Api;

/// <summary>
/// Writes the <c>data</c> object of a successful answer (starting it and leaving it open: the pipeline closes it), or returns the error instead (in which case anything
/// already written is discarded). Handlers run under the org's read or write lock and must not block.
/// </summary>
internal delegate ApiError? ApiHandler(ApiCall call, Utf8JsonWriter data);
