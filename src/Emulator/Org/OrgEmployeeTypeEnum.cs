namespace Corps.Emulator.Org;

/// <summary>An employee type (built in or custom).</summary>
public sealed class OrgEmployeeTypeEnum
{
    /// <summary>Enum id.</summary>
    public string EnumId { get; set; } = "";

    /// <summary>The value users carry in <c>employee_type</c>.</summary>
    public string EnumValue { get; set; } = "";

    /// <summary>Display text.</summary>
    public string Content { get; set; } = "";

    /// <summary>1 built in, 2 custom.</summary>
    public int EnumType { get; set; } = 1;

    /// <summary>1 active, 2 inactive.</summary>
    public int EnumStatus { get; set; } = 1;
}
