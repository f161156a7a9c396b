using Corps.Emulator.Apps;
using Corps.Emulator.Org;

namespace Corps.Emulator.Json;

/// <summary>How objects are rendered for one caller: which fields it may see and which id types it asked for.</summary>
internal sealed record JsonView(EmulatedOrg Org, FieldGate Gate, UserIdType UserIdType, DepartmentIdType DepartmentIdType, bool WithCounts = true);
