using Corps.Emulator.Cli;
using Corps.Emulator.Options;

namespace Corps.Emulator.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void Parse_EveryOption_Mapped()
    {
        var (options, export, error) = CommandLine.Parse([
            "--urls", "http://127.0.0.1:5055", "--generate", "users=1000,depts=50,seed=9,depth=5",
            "--app", "cli_1111111111111111:sec1", "--app", "cli_2222222222222222:sec2",
            "--app-permissions", "cli_2222222222222222=contact:user.base:readonly,contact:contact.base:readonly",
            "--app-scope", "cli_2222222222222222=depts:D0001|D0002;users:ou_x",
            "--rate-limit", "realistic", "--faults", "seed=4,5xx=10%", "--token-lifetime", "90s",
            "--events-to", "http://127.0.0.1:6000/events", "--encrypt-key", "k", "--verification-token", "t", "--time-factor", "0.01",
            "--export-org", "out.json",
        ]);
        Assert.Null(error);
        Assert.Equal(5055, options!.Port);
        Assert.Equal(1000, options.Generate.Users);
        Assert.Equal(5, options.Generate.Depth);
        Assert.Equal(2, options.Apps.Count);
        Assert.Equal(["D0001", "D0002"], options.Apps[1].Scope!.DepartmentIds);
        Assert.Equal(2, options.Apps[1].Permissions!.Count);
        Assert.Null(options.Apps[0].Permissions);
        Assert.Equal(RateLimitMode.Realistic, options.RateLimit.Mode);
        Assert.Equal(TimeSpan.FromSeconds(90), options.TokenLifetime);
        Assert.Equal("k", options.EventTargets[0].EncryptKey);
        Assert.Equal(0.01, options.TimeFactor);
        Assert.Equal("out.json", export);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--app", "no-secret")]
    [InlineData("--rate-limit", "fast")]
    [InlineData("--app-scope", "cli_x=all")]
    public void Parse_BadInput_ErrorMessage(params string[] args)
    {
        var (options, _, error) = CommandLine.Parse(args);
        Assert.Null(options);
        Assert.False(string.IsNullOrEmpty(error));
    }
}
