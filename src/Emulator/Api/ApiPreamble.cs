using Corps.Emulator.Control;

namespace Corps.Emulator.Api;

/// <summary>What <see cref="ApiPipeline.StartAsync"/> established for a request that was not answered by a fault.</summary>
internal sealed record ApiPreamble(string LogId, long CallNumber, EndpointCounters Counters);
