namespace Corps.Host.Catalog;

/// <summary>Whether an element became a usable corp, and if not, at which step it stopped.</summary>
public enum CorpEntryStatus
{
    /// <summary>The corp was created and can be synced.</summary>
    Ready = 0,

    /// <summary>The element's files are invalid (see the entry's problems).</summary>
    ElementInvalid = 1,

    /// <summary>No loaded plugin serves the element's type.</summary>
    TypeUnknown = 2,

    /// <summary>The type is not served because a plugin failed to load.</summary>
    PluginFailed = 3,

    /// <summary>The corp type's constructor threw.</summary>
    CreateFailed = 4,
}
