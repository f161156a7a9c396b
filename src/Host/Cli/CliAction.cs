using System.CommandLine;
using Corps.Abstractions;
using Corps.Host.Cli.Output;

namespace Corps.Host.Cli;

/// <summary>Runs a command's handler at the process edge: failures become one clear line and an exit code.</summary>
public static class CliAction
{
    /// <summary>Sets <paramref name="command"/>'s action to <paramref name="handler"/>, wrapped in the CLI's error handling.</summary>
    /// <param name="command">The command.</param>
    /// <param name="globals">The global options.</param>
    /// <param name="handler">Does the work; returns the exit code.</param>
    public static void Set(Command command, CliGlobals globals, Func<CliContext, ParseResult, CancellationToken, Task<int>> handler)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(globals);
        ArgumentNullException.ThrowIfNull(handler);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var context = new CliContext(globals, parseResult);
            try
            {
                return await handler(context, parseResult, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                return Fail(context, ex);
            }
        });
    }

    /// <summary>Writes the one-line error for <paramref name="exception"/> and returns its exit code.</summary>
    public static int Fail(CliContext context, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(exception);
        var (code, kind, message) = Describe(exception);
        context.Error.WriteLine($"error: {message}");
        if (context.Verbose)
            context.Error.WriteLine(exception);
        if (context.Json)
            context.WriteJson(new ErrorDocument(new ErrorBody(kind, message, code)));
        return code;
    }

    /// <summary>The exit code, kind and one-line message for a failure.</summary>
    internal static (int Code, string Kind, string Message) Describe(Exception exception) => exception switch
    {
        UpstreamException upstream => (ExitCodes.Upstream, "upstream", WithUpstreamDetails(upstream)),
        CorpException corp => (ExitCodes.For(corp.Kind), corp.Kind.ToString().ToLowerInvariant(), corp.Message),
        OperationCanceledException => (ExitCodes.Unexpected, "cancelled", "The command was cancelled."),
        _ => (ExitCodes.Unexpected, "unexpected", $"Unexpected {exception.GetType().Name}: {exception.Message} Run again with --verbose for details and report it."),
    };

    private static string WithUpstreamDetails(UpstreamException upstream)
    {
        var details = new List<string>();
        if (upstream.HttpStatus is { } status)
            details.Add($"HTTP {status}");
        if (upstream.Code is { } code)
            details.Add($"code {code}");
        if (upstream.UpstreamMessage is { Length: > 0 } message)
            details.Add($"'{message}'");
        if (upstream.LogId is { Length: > 0 } logId)
            details.Add($"log id {logId}");
        return details.Count == 0 ? upstream.Message : $"{upstream.Message} (upstream: {string.Join(", ", details)})";
    }
}
