using System.Text.Json;
using Corps.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace Corps.Reliability.Tests;

/// <summary>
/// Promise 4 (CLI): hostile and random argument lists — unknown commands and options, bad ids, injection attempts, bad
/// URLs, huge and odd strings — give a clear error with exit code 2 (never 1, never a stack trace), a single JSON
/// document under <c>--json</c>, and change nothing in the store.
/// </summary>
public sealed class CliArgumentTests(ITestOutputHelper output)
{
    private static readonly string[] Commands = ["list", "sync", "tree", "members", "admin", "role", "offline", "signature", "status", "nope", ""];

    private static readonly string[] Words =
    [
        "Acme", "corps.Acme", "Nope", "corps.", "..", "../../etc/passwd", "get", "set", "0", "-1", "99999999999999999999", "1e9", "abc",
        "1;DROP TABLE members", "' OR 1=1 --", "javascript:alert(1)", "file:///etc/passwd", "http://", "https://x.test/sign.png\u0000",
        "--force", "--dry-run", "--json", "--verbose", "--url", "--urls", "--store", "--elements", "--plugins", "-x", "--", "\u200b", "名字",
        new string('A', 10_000), "%s%s%n", "${env:HOME}", "\t", " ",
    ];

    [Fact]
    public async Task Cli_HostileAndRandomArguments_Exit2WithAMessageAndNothingChanges()
    {
        await using var rig = await Rig.StartAsync(new RigOptions { Users = 30 });
        Assert.Equal(0, (await rig.CliAsync("sync")).ExitCode);
        var before = rig.Dump();

        var fixedCases = new[]
        {
            new[] { "offline", "Acme", "0" }, ["offline", "Acme", "-5"], ["offline", "Acme", "99999999999999999999"], ["offline", "Acme", "1;DROP TABLE members"],
            ["role", "set", "Acme", "abc", "editor"], ["admin", "set", "Acme", "' OR 1=1 --"], ["signature", "set", "Acme", "1", "javascript:alert(1)"],
            ["signature", "set", "Acme", "1", "file:///etc/passwd"], ["signature", "get", "Acme", "999999"], ["tree", "../../etc/passwd"],
            ["members", "corps."], ["sync", "Nope"], ["status", "--url", "not a url"], ["status", "--url", "file:///etc/passwd"], ["--store", "/proc/version", "list"],
            ["--elements", "/nonexistent/elements", "sync"], ["--plugins", "/nonexistent/plugins", "sync", "Acme"], ["sync", "--dry-run", "--force", "--json", "Nope"],
            [new string('A', 100_000)], ["serve", "--urls", "http://256.0.0.1:99999"],
        };
        var random = new Random(81);
        var inputs = Scale.Long ? 2_000 : 150;
        var cases = fixedCases.ToList();
        while (cases.Count < inputs)
        {
            var args = new List<string> { Commands[random.Next(Commands.Length)] };
            for (var n = random.Next(5); n > 0; n--)
                args.Add(Words[random.Next(Words.Length)]);
            // Never a real member id, so no random case can legitimately change a member; never serve (it would listen).
            if (args[0] is "offline" or "role" or "admin" or "signature" && args.Skip(1).Any(a => a is "set") && args.Count > 3)
                args = ["members", .. args.Skip(1)];
            cases.Add([.. args.Where(a => a.Length > 0)]);
        }

        var codes = new Dictionary<int, int>();
        foreach (var args in cases)
        {
            var json = random.Next(2) == 0;
            var run = await rig.CliAsync([.. args, .. json ? new[] { "--json" } : []]);
            codes[run.ExitCode] = codes.GetValueOrDefault(run.ExitCode) + 1;
            var shown = string.Join(' ', args.Select(a => a.Length > 40 ? a[..40] + "…" : a));
            Assert.True(run.ExitCode is 0 or 2, $"corps {shown}: {run}");
            // --verbose prints stack traces by design; without it, never.
            if (!args.Contains("--verbose"))
                Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
            if (run.ExitCode == 2)
                Assert.Contains("error", run.Error + run.Output, StringComparison.OrdinalIgnoreCase);
            if (json && run.Output.Length > 0 && !args.Contains("--help"))
            {
                // Exactly one JSON document on stdout, whatever happened.
                var exception = Record.Exception(() => JsonDocument.Parse(run.Output).Dispose());
                Assert.True(exception is null, $"corps {shown} --json wrote something that is not one JSON document:\n{run.Output}");
            }
        }

        Assert.Null(rig.Dump().Without("sync_runs", "sync_locks").DifferenceFrom(before.Without("sync_runs", "sync_locks")));
        output.WriteLine(Figures.Record("CLI arguments", $"{cases.Count} hostile or random argument lists: " + string.Join(", ", codes.OrderBy(c => c.Key).Select(c => $"{c.Value}× exit {c.Key}")) + "; 0 exit 1, 0 stack traces, store unchanged"));
    }
}
