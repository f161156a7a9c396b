using System.Text.Json;

namespace Corps.Reliability.Tests.Support;

/// <summary>One finished <c>corps</c> run: exit code and both streams.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public JsonElement Json
    {
        get
        {
            using var document = JsonDocument.Parse(Output);
            return document.RootElement.Clone();
        }
    }

    public string All => Output + "\n" + Error;

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";
}
