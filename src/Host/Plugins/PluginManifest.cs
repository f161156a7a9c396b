using System.Text.Json;

namespace Corps.Host.Plugins;

/// <summary>A plugin folder's optional <c>plugin.json</c>: <c>{ "name", "assembly", "hostAbi" }</c>.</summary>
/// <remarks>Read before anything is loaded, so an incompatible plugin is refused without running any of its code.</remarks>
internal sealed record PluginManifest(string? Name, string? Assembly, string? HostAbi)
{
    /// <summary>The plugin ABI this host speaks; bumped when Corps.Abstractions changes incompatibly.</summary>
    public const string CurrentHostAbi = "1";

    public const string FileName = "plugin.json";

    private const long MaxBytes = 64 * 1024;

    /// <summary>Reads <c>plugin.json</c> from <paramref name="folder"/>; a missing file is an empty manifest.</summary>
    /// <exception cref="PluginLoadException">The manifest is unusable; the message says why and what to do.</exception>
    public static PluginManifest Read(string folder, string display)
    {
        var path = Path.Combine(folder, FileName);
        var file = new FileInfo(path);
        if (!file.Exists)
            return new PluginManifest(null, null, null);
        if (file.Length > MaxBytes)
            throw new PluginLoadException($"{display}/{FileName} is larger than {MaxBytes / 1024} KiB.", "Keep only name, assembly and hostAbi in it.");

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions
            {
                AllowTrailingCommas = true,
                CommentHandling = JsonCommentHandling.Skip,
                MaxDepth = 8,
            });
        }
        catch (JsonException)
        {
            throw new PluginLoadException($"{display}/{FileName} is not valid JSON.", "Fix its syntax or remove it.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new PluginLoadException($"{display}/{FileName} must hold a JSON object.", "Write { \"name\": \"…\", \"assembly\": \"….dll\", \"hostAbi\": \"1\" }.");
            var manifest = new PluginManifest(
                Text(root, "name", display),
                Text(root, "assembly", display),
                Text(root, "hostAbi", display));
            manifest.Validate(display);
            return manifest;
        }
    }

    private void Validate(string display)
    {
        if (HostAbi is not null && HostAbi != CurrentHostAbi)
        {
            throw new PluginLoadException(
                $"{display}/{FileName} asks for host ABI '{HostAbi}', but this host speaks ABI '{CurrentHostAbi}'.",
                $"Install a build of the plugin made for host ABI {CurrentHostAbi}, or a corps host that speaks ABI {HostAbi}.");
        }

        // The assembly must be a plain file name inside the folder: a path could make the host load code from anywhere.
        if (Assembly is not null && (Assembly.Length == 0 || Assembly != Path.GetFileName(Assembly) || Assembly is "." or ".."
            || Assembly.Contains('\\', StringComparison.Ordinal) || !Assembly.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)))
        {
            throw new PluginLoadException($"{display}/{FileName}: 'assembly' must be a .dll file name inside the plugin folder, without any path.",
                "Write e.g. \"assembly\": \"MyCorp.dll\".");
        }
    }

    private static string? Text(JsonElement root, string key, string display)
    {
        if (!root.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number when key == "hostAbi" => value.GetRawText(),
            _ => throw new PluginLoadException($"{display}/{FileName}: '{key}' must be a string.", $"Write \"{key}\": \"…\"."),
        };
    }
}
