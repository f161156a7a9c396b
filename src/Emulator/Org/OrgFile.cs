using System.Text.Json;

namespace Corps.Emulator.Org;

/// <summary>Reads and writes the organisation file (format: docs/emulator.md).</summary>
public static class OrgFile
{
    /// <summary>Loads an organisation from <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not valid JSON in the expected shape; the message names the file.</exception>
    public static EmulatedOrg Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        OrgDocument? document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonSerializer.Deserialize(stream, OrgJson.Document);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Organisation file '{path}' is not valid: {ex.Message} Fix the JSON (format: docs/emulator.md).", ex);
        }
        if (document is null) throw new InvalidDataException($"Organisation file '{path}' is empty; it must hold an object with tenant, departments and users.");
        try
        {
            return new EmulatedOrg(document);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"Organisation file '{path}': {ex.Message}", ex);
        }
    }

    /// <summary>Writes <paramref name="org"/> to <paramref name="path"/> in the same format.</summary>
    public static void Save(EmulatedOrg org, string path)
    {
        ArgumentNullException.ThrowIfNull(org);
        using var read = org.EnterRead();
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, org.Document, OrgJson.Document);
    }
}
