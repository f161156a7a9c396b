using Corps.Emulator.Options;

namespace Corps.Emulator.Events;

/// <summary>A configured event target with its resolved app id.</summary>
internal sealed record EventTarget(EventTargetOptions Options, string AppId);
