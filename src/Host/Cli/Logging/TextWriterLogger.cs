using Microsoft.Extensions.Logging;

namespace Corps.Host.Cli.Logging;

/// <summary>One category's logger of <see cref="TextWriterLoggerProvider"/>.</summary>
internal sealed class TextWriterLogger(string category, TextWriterLoggerProvider provider) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
            provider.Write(logLevel, category, eventId, formatter(state, exception), exception);
    }
}
