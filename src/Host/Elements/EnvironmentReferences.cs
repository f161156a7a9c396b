using System.Text.RegularExpressions;

namespace Corps.Host.Elements;

/// <summary>Resolves <c>${env:VAR}</c> references in element values.</summary>
internal sealed partial class EnvironmentReferences
{
    private readonly Func<string, string?> _lookup;

    public EnvironmentReferences(Func<string, string?> lookup) => _lookup = lookup;

    /// <summary>Replaces every reference in <paramref name="value"/>; reports each variable that is not set.</summary>
    /// <returns>The resolved value, or null when a variable is missing (the problem is already reported).</returns>
    public string? Resolve(string value, string file, string key, ProblemCollector problems)
    {
        var missing = false;
        var resolved = Reference().Replace(value, match =>
        {
            var variable = match.Groups["name"].Value;
            var found = _lookup(variable);
            if (found is not null)
                return found;
            missing = true;
            problems.Error(file, key, $"refers to environment variable '{variable}', which is not set.",
                $"Set {variable} in the host's environment, or write the value into the file.");
            return string.Empty;
        });
        return missing ? null : resolved;
    }

    /// <summary>True when the raw value points at the environment (so a hint can suggest the same).</summary>
    public static bool IsReference(string value) => Reference().IsMatch(value);

    [GeneratedRegex(@"\$\{env:(?<name>[A-Za-z_][A-Za-z0-9_]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
