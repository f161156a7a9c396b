using System.Text.Json;

namespace Corps.Integration.Tests.Feishu.Support;

/// <summary>What one in-process CLI run printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    /// <summary>Stdout parsed as the command's one JSON document.</summary>
    public JsonElement Json
    {
        get
        {
            using var document = JsonDocument.Parse(Output);
            return document.RootElement.Clone();
        }
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
