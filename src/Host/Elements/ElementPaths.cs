namespace Corps.Host.Elements;

/// <summary>Path rules for element folders: how files are shown, and which paths stay inside the elements directory.</summary>
internal sealed class ElementPaths
{
    private readonly string _root;
    private readonly string _displayBase;

    public ElementPaths(string elementsDirectory)
    {
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(elementsDirectory));
        // Problems name files as the operator sees them in the repository ("elements/corps/Acme/Acme.json"),
        // whatever the current directory, so messages are stable in logs, tests and docs.
        _displayBase = Path.GetDirectoryName(_root) ?? _root;
        RealRoot = RealPath(_root);
    }

    public string Root => _root;

    /// <summary>The elements directory with every symbolic link resolved.</summary>
    public string RealRoot { get; }

    public string Display(string path) =>
        Path.GetRelativePath(_displayBase, Path.GetFullPath(path)).Replace('\\', '/');

    /// <summary>True when <paramref name="path"/>, after following links, is still inside the elements directory.</summary>
    /// <remarks>
    /// A link inside the elements directory that points elsewhere could make the host read (and echo parts of) files
    /// the operator never meant to hand it; elements are refused rather than followed out.
    /// </remarks>
    public bool StaysInside(string path)
    {
        var real = RealPath(path);
        var root = RealRoot + Path.DirectorySeparatorChar;
        return real.StartsWith(root, StringComparison.Ordinal) || string.Equals(real, RealRoot, StringComparison.Ordinal);
    }

    private static string RealPath(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var parent = Path.GetDirectoryName(full);
        var resolvedParent = parent is null ? null : RealPath(parent);
        var current = resolvedParent is null ? full : Path.Combine(resolvedParent, Path.GetFileName(full));
        FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
        if (info.LinkTarget is null)
            return current;
        var target = info.ResolveLinkTarget(returnFinalTarget: true);
        return target is null ? current : RealPath(target.FullName);
    }
}
