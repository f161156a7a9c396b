using System.Text.Json;

namespace Corps.Host.Elements;

/// <summary>Reads one element JSON file defensively: size cap, depth cap, object root, links kept inside.</summary>
internal sealed class ElementFileReader
{
    /// <summary>Element files are a few hundred bytes; anything this large is a mistake or an attack.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    /// <summary>Element files are two levels deep; the cap keeps a hostile file from exhausting the parser.</summary>
    public const int MaxDepth = 16;

    /// <summary>How long reading one element file may take (a regular file takes microseconds).</summary>
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(5);

    private static readonly JsonDocumentOptions _options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = MaxDepth,
    };

    private readonly ElementPaths _paths;

    public ElementFileReader(ElementPaths paths) => _paths = paths;

    /// <summary>Parses <paramref name="path"/>; returns null (and reports why) when it cannot be used.</summary>
    public JsonDocument? Read(string path, string createHint, ProblemCollector problems)
    {
        var display = _paths.Display(path);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            problems.Error(display, null, Directory.Exists(path) ? "is a folder, not a file." : "is missing.", createHint);
            return null;
        }

        if (!_paths.StaysInside(path))
        {
            problems.Error(display, null, "is a link that leads outside the elements directory.",
                "Copy the file into the element folder instead of linking to it.");
            return null;
        }

        var target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? info;
        if (target.Length > MaxFileBytes)
        {
            problems.Error(display, null, $"is {target.Length:N0} bytes; element files may be at most {MaxFileBytes:N0} bytes.",
                "Keep only the element's settings in it.");
            return null;
        }

        // A named pipe or a device passes every check above and then blocks the reader forever; .NET cannot tell such a
        // file from a regular one without opening it, so the read gets a deadline (the blocked thread is left behind).
        var reading = Task.Run(() => File.ReadAllBytes(path));
        if (!((IAsyncResult)reading).AsyncWaitHandle.WaitOne(ReadTimeout))
        {
            problems.Error(display, null, $"could not be read within {ReadTimeout.TotalSeconds:0} s (a named pipe or a device?).",
                "Element files must be regular files.");
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = reading.GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Error(display, null, $"cannot be read ({ex.GetType().Name}).", "Check the file's permissions.");
            return null;
        }

        // JsonDocument checks UTF-8 only when a string is read, which would throw from deep inside the parsers; refuse
        // the file here, with its name, instead.
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            problems.Error(display, null, "is not valid UTF-8 text.", "Save the file as UTF-8 (element files are JSON).");
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, _options);
        }
        catch (JsonException ex)
        {
            // JsonException's message quotes positions, never the content, so it is safe to show.
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, position {ex.BytePositionInLine + 1}" : string.Empty;
            problems.Error(display, null, $"is not valid JSON{where}.", "Fix the syntax (comments and trailing commas are allowed).");
            return null;
        }

        if (!AllTextDecodes(document.RootElement))
        {
            problems.Error(display, null, "holds a string or key that is not valid text (an unpaired \\u surrogate escape).",
                "Fix the escape, or write the character itself.");
            document.Dispose();
            return null;
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            problems.Error(display, null, $"must hold a JSON object, not {Describe(document.RootElement.ValueKind)}.", createHint);
            document.Dispose();
            return null;
        }

        return document;
    }

    /// <summary>False when a string or property name holds a <c>\\u</c> escape that is not valid UTF-16 (a lone
    /// surrogate): JsonDocument accepts it and throws only when the string is read, deep inside the parsers.</summary>
    private static bool AllTextDecodes(JsonElement element)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    return true;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        _ = property.Name;
                        if (!AllTextDecodes(property.Value))
                            return false;
                    }

                    return true;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        if (!AllTextDecodes(item))
                            return false;
                    }

                    return true;
                default:
                    return true;
            }
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
