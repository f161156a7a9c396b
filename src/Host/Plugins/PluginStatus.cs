namespace Corps.Host.Plugins;

/// <summary>Whether a plugin folder could be used.</summary>
public enum PluginStatus
{
    /// <summary>Loaded; its corp types are available.</summary>
    Loaded = 0,

    /// <summary>Not loaded; <see cref="LoadedPlugin.Message"/> says why and what to do.</summary>
    Failed = 1,
}
