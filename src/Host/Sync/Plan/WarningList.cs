namespace Corps.Host.Sync.Plan;

/// <summary>Collects warnings, keeping a readable number of them in the report.</summary>
internal sealed class WarningList(List<string> target)
{
    private const int Limit = 50;
    private int _dropped;

    public void Add(string warning)
    {
        if (target.Count < Limit)
            target.Add(warning);
        else
            _dropped++;
    }

    /// <summary>Adds the "… and N more" line, once, after the last warning.</summary>
    public void Complete()
    {
        if (_dropped > 0)
            target.Add($"… and {_dropped} more warnings like these.");
    }
}
