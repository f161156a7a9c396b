namespace Corps.Host.Elements;

/// <summary>Gathers the errors and warnings of one element while its files are read.</summary>
internal sealed class ProblemCollector
{
    private readonly List<ElementProblem> _errors = [];
    private readonly List<ElementProblem> _warnings = [];

    public IReadOnlyList<ElementProblem> Errors => _errors;

    public IReadOnlyList<ElementProblem> Warnings => _warnings;

    public bool HasErrors => _errors.Count > 0;

    public void Error(string file, string? key, string message, string? fix = null) =>
        _errors.Add(new ElementProblem(file, key, message, fix));

    public void Warning(string file, string? key, string message, string? fix = null) =>
        _warnings.Add(new ElementProblem(file, key, message, fix));
}
