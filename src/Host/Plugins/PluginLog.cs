using Microsoft.Extensions.Logging;

namespace Corps.Host.Plugins;

/// <summary>The plugin loader's log messages (event ids 1100–1199).</summary>
internal static partial class PluginLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "No plugins directory at {Directory}; no corp types are available")]
    public static partial void NoPluginsDirectory(ILogger logger, string directory);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Plugin {Plugin} loaded from {Folder} with {TypeCount} corp type(s)")]
    public static partial void Loaded(ILogger logger, string plugin, string folder, int typeCount);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Plugin folder {Plugin} at {Folder} failed to load")]
    public static partial void Failed(ILogger logger, Exception exception, string plugin, string folder);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Corp type {CorpType} is served by {FirstFolder} and {SecondFolder}; the second is refused")]
    public static partial void DuplicateType(ILogger logger, string corpType, string firstFolder, string secondFolder);
}
