using System.CommandLine;
using Corps.Host.Demo;

namespace Corps.Host.Cli.Commands;

/// <summary>
/// <c>corps demo</c>: the Feishu emulator in-process with a generated organisation, a demo element pointing the real
/// Feishu plugin at it, a full sync into the store and a second sync that finds nothing to write.
/// </summary>
public sealed class DemoCommand : ICliCommand
{
    /// <inheritdoc/>
    public Command Create(CliGlobals globals)
    {
        ArgumentNullException.ThrowIfNull(globals);
        var users = new Option<int>("--users") { Description = "People in the generated organisation.", DefaultValueFactory = _ => DemoOptions.DefaultUsers };
        var departments = new Option<int?>("--depts") { Description = "Departments in the generated organisation (default: one per 20 people)." };
        var seed = new Option<int>("--seed") { Description = "The generator's seed (same seed and sizes, same organisation).", DefaultValueFactory = _ => 1 };
        var depth = new Option<int>("--depth") { Description = "Maximum depth of the department tree.", DefaultValueFactory = _ => 4 };
        var noRateLimits = new Option<bool>("--no-rate-limits") { Description = "Turn off Feishu's rate limits (emulator) and the client's pacing." };
        users.Validators.Add(result => Range(result, result.GetValueOrDefault<int>(), 1, 200_000));
        departments.Validators.Add(result => Range(result, result.GetValueOrDefault<int?>() ?? 1, 1, 20_000));
        depth.Validators.Add(result => Range(result, result.GetValueOrDefault<int>(), 1, 10));

        var command = new Command("demo", "Sync a generated organisation from the built-in Feishu emulator through the real Feishu plugin (store: ./data/demo.db).")
        {
            users,
            departments,
            seed,
            depth,
            noRateLimits,
        };
        CliAction.Set(command, globals, (context, parseResult, cancellationToken) =>
        {
            // The demo writes its own store unless --store names one: a demo never lands in the real pool by accident.
            var storeGiven = parseResult.GetResult(globals.Store) is { Implicit: false };
            var options = new DemoOptions
            {
                Users = parseResult.GetValue(users),
                Departments = parseResult.GetValue(departments),
                Seed = parseResult.GetValue(seed),
                Depth = parseResult.GetValue(depth),
                RateLimits = !parseResult.GetValue(noRateLimits),
                StorePath = storeGiven ? context.StorePath : Path.GetFullPath(Path.Combine("data", "demo.db")),
            };
            return new DemoRun(context, options).RunAsync(cancellationToken);
        });
        return command;
    }

    private static void Range(System.CommandLine.Parsing.OptionResult result, int value, int min, int max)
    {
        if (value < min || value > max)
            result.AddError($"{result.Option.Name} must be from {min} to {max}; it is {value}.");
    }
}
