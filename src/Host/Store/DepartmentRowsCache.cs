using Corps.Host.Sync.Local;

namespace Corps.Host.Store;

/// <summary>
/// A corp's department rows, read once per batch of events inside its transaction: member events do not change
/// departments, and reading every department again for each event was most of what an event cost. A department event
/// empties it.
/// </summary>
internal sealed class DepartmentRowsCache
{
    /// <summary>The rows, or null when they must be read (again).</summary>
    public IReadOnlyCollection<LocalDepartmentRow>? Rows { get; set; }
}
