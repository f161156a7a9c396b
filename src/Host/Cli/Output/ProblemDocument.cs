using Corps.Host.Elements;

namespace Corps.Host.Cli.Output;

/// <summary>An element error or warning in <c>--json</c> output.</summary>
/// <param name="Severity"><c>error</c> or <c>warning</c>.</param>
/// <param name="File">The file, relative to the elements directory's parent.</param>
/// <param name="Key">The key, if any.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Fix">What to do.</param>
public sealed record ProblemDocument(string Severity, string File, string? Key, string Message, string? Fix)
{
    internal static ProblemDocument Error(ElementProblem problem) => new("error", problem.File, problem.Key, problem.Message, problem.Fix);

    internal static ProblemDocument Warning(ElementProblem problem) => new("warning", problem.File, problem.Key, problem.Message, problem.Fix);
}
