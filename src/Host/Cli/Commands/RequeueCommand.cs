using System.CommandLine;
using Corps.Abstractions;
using Corps.Host.Events;

namespace Corps.Host.Cli.Commands;

/// <summary><c>corps requeue NAME</c>: puts a corp's parked events back in its event queue once their cause is fixed.</summary>
/// <remarks>Writes the store only; a running <c>corps serve</c> picks the events up on its next inbox poll.</remarks>
public sealed class RequeueCommand : ICliCommand
{
    private readonly Argument<string> _name = new("NAME") { Description = "The element whose parked events to retry." };

    /// <inheritdoc/>
    public Command Create(CliGlobals globals)
    {
        var command = new Command("requeue", "Put a corp's parked events (see 'corps status') back in its event queue.")
        {
            _name,
        };
        CliAction.Set(command, globals, RunAsync);
        return command;
    }

    private async Task<int> RunAsync(CliContext context, ParseResult parseResult, CancellationToken cancellationToken)
    {
        var name = parseResult.GetValue(_name)!;
        await using var session = await context.OpenSessionAsync(openStore: false, cancellationToken).ConfigureAwait(false);
        var entry = session.Catalog.Find(name) ?? throw new CorpException(CorpErrorKind.Configuration,
            $"There is no element named '{name}' in {session.Catalog.Discovery.Directory}.", "Run 'corps list' to see the elements.");
        var requeued = session.Database is { } database
            ? await new SqliteEventInbox(database.Path, context.Time).RequeueParkedAsync(entry.FullName, cancellationToken).ConfigureAwait(false)
            : 0;
        if (context.Json)
            context.WriteJson(new { corp = entry.FullName, requeued });
        else
            context.Output.WriteLine($"{entry.FullName}: {requeued} parked event(s) back in the queue.");
        return ExitCodes.Ok;
    }
}
