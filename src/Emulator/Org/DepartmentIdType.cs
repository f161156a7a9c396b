namespace Corps.Emulator.Org;

/// <summary>The <c>department_id_type</c> query parameter.</summary>
public enum DepartmentIdType
{
    /// <summary><c>open_department_id</c> (default).</summary>
    OpenDepartmentId,

    /// <summary><c>department_id</c>.</summary>
    DepartmentId,
}
