using System.Text.Json;
using Corps.Abstractions;

namespace Corps.Host.Tests.Fakes;

/// <summary>Builds elements the way the element loader would have.</summary>
public static class TestElements
{
    public static CorpElement Create(string name = "Acme", DeletionGuardOptions? guard = null) => new()
    {
        Name = name,
        Title = name + " Inc.",
        Type = "corps.FakeType",
        Directory = "/elements/corps/" + name,
        Auth = new CorpAuthConfig { AppId = "cli_test", AppSecret = new Secret("s3cr3t-value") },
        Guard = guard ?? DeletionGuardOptions.Default,
        Data = JsonDocument.Parse("{}").RootElement,
    };
}
