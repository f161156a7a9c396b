using System.Text.Json;
using Corps.Abstractions;

namespace Corps.Host.Events;

/// <summary>How a decoded <see cref="CorpEvent"/> is kept in the inbox's <c>payload</c> column.</summary>
/// <remarks>
/// The decoded event, not the raw delivery, is stored: the raw body is encrypted with a key that may be rotated before
/// the event is applied, and a decoded event carries no secret.
/// </remarks>
public static class CorpEventJson
{
    /// <summary>Serializes the event.</summary>
    public static string Serialize(CorpEvent corpEvent) => JsonSerializer.Serialize(corpEvent, CorpEventJsonContext.Default.CorpEvent);

    /// <summary>Reads an event back.</summary>
    /// <exception cref="JsonException">The payload is not a stored event.</exception>
    public static CorpEvent Deserialize(string payload) =>
        JsonSerializer.Deserialize(payload, CorpEventJsonContext.Default.CorpEvent) ?? throw new JsonException("The inbox payload is empty.");
}
