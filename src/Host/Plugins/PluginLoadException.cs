namespace Corps.Host.Plugins;

/// <summary>Why a plugin folder cannot be loaded; caught by <see cref="PluginLoader"/> and turned into a status.</summary>
internal sealed class PluginLoadException(string message, string fix) : Exception($"{message} {fix}");
