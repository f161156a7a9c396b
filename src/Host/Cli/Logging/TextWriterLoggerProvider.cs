using Microsoft.Extensions.Logging;

namespace Corps.Host.Cli.Logging;

/// <summary>Logs to a writer (the CLI's stderr), so <c>--verbose</c> works the same in-process and as a process.</summary>
internal sealed class TextWriterLoggerProvider(TextWriter writer, TimeProvider time) : ILoggerProvider
{
    private readonly Lock _gate = new();

    public ILogger CreateLogger(string categoryName) => new TextWriterLogger(categoryName, this);

    public void Dispose()
    {
    }

    internal void Write(LogLevel level, string category, EventId eventId, string message, Exception? exception)
    {
        lock (_gate)
        {
            writer.WriteLine($"{time.GetUtcNow():HH:mm:ss.fff} {level,-11} {category}[{eventId.Id}] {message}");
            if (exception is not null)
                writer.WriteLine(exception);
        }
    }
}
