using System.Text.Json;
using System.Text.Json.Serialization;

namespace Corps.Abstractions;

/// <summary>
/// A secret value (app secret, encrypt key, verification token, access token) that cannot leak by accident.
/// </summary>
/// <remarks>
/// <see cref="ToString"/> and JSON serialization always produce <c>***</c>; only <see cref="Reveal"/> gives the
/// value, so every place that sends a secret upstream is greppable. Never log or format the revealed value.
/// </remarks>
[JsonConverter(typeof(SecretJsonConverter))]
public sealed class Secret
{
    /// <summary>What a secret prints as, everywhere.</summary>
    public const string Mask = "***";

    private readonly string _value;

    /// <summary>Wraps <paramref name="value"/>.</summary>
    public Secret(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>True when the secret is the empty string.</summary>
    public bool IsEmpty => _value.Length == 0;

    /// <summary>The secret itself, for the one call that must send it.</summary>
    public string Reveal() => _value;

    /// <inheritdoc/>
    public override string ToString() => Mask;

    private sealed class SecretJsonConverter : JsonConverter<Secret>
    {
        public override Secret Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new JsonException("Secrets are never read from serialized models; configure them in the element's auth config.");

        public override void Write(Utf8JsonWriter writer, Secret value, JsonSerializerOptions options) => writer.WriteStringValue(Mask);
    }
}
