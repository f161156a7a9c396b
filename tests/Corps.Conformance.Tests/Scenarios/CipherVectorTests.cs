using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Corps.Conformance.Tests.Node;

namespace Corps.Conformance.Tests.Scenarios;

/// <summary>
/// The reference's encryption and signature vectors through the SDK's AESCipher and EventDispatcher. Nothing here
/// needs the emulator: it pins down that the reference and the SDK agree, so the event tests can judge the
/// emulator by either.
/// </summary>
public sealed class CipherVectorTests
{
    // From the reference (feishu-open-api.md §5): the official docs sample, a local zero-IV vector, and the
    // Go SDK's encrypted contact.user.created_v3 body (TestDecryptEvent; key 1212121212, token v).
    private const string OfficialEncrypt = "P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=";
    private const string ZeroIvEncrypt = "AAAAAAAAAAAAAAAAAAAAABgLw1kLwGFjbDY7DTSdFkuszGAWeX7Djo/olS6D+ZlEr/6n3YktNwBCf6A+B8QutLe0jgmB0tfXBJYwrvUWMRM=";
    private const string GoSdkEncrypt = "bZ3L7yh6m3Fkuffl4g+3uGjIHnhOm5fVZbKVuyT8t7tcd5ABMYm8l28/X900ZL3knZ7n+sCREu/H2WnIzft0amC7+xWqNH8o25IU63N4BnZWfHh+4hyG76QPd19vkw2bPJCx9aqxK8Nz+xqFNbk0RdgyWhmgd30jSxHtcQXAllkI7FMpGpOCteJad3bLXPDBQIV/xkCtKICCS7Z63gakpxZCLaRZ3qCXP1fapHh+LBIupxenrU6ysc7I3nHmjmKie41IiWwS5puG4zQHhVbq6KWLcgWm/3NBZOPQy53ucMu75SXA55I7jarVLZXWUcqBGrcgE3vouWbtwgZuzmoTQl0GSh5VYSVvpW992BuGxUWj0XjPYdICJm6Cr7xouNXwMcdb7N8caVdkdSZeEnswG19qSyDoQhklwzNGW0yiaayulBqJNjfge/G5V3401c2XaIuAeEIo+QQ4RSNpRGfnHkbu/j55FGQAGWjpuBNaIwZbaUoVP3NkGP+vM5rpEDe3sL2GN+Xsd+g9yBs7FqdMV8mXTGgLjCqjrPrke5/km76Q3Pe6KPs2YexMRG4MkSx3xUTzZnNn7zIzShPcjeSwBd2pxk6ht5N+fzueZdxl6Oo=";

    [Fact]
    public async Task AesCipher_ReferenceVectors_DecryptToTheReferencePlaintexts()
    {
        var result = await _signedRun.Value;

        var decrypts = result.GetProperty("decrypts");
        Assert.Equal("hello world", decrypts[0].GetProperty("plaintext").GetString());
        Assert.Equal("""{"challenge":"abc","token":"vtoken","type":"url_verification"}""", decrypts[1].GetProperty("plaintext").GetString());
    }

    [Fact]
    public async Task EventDispatcher_BodySignedAsTheReferenceSays_VerifiesDecryptsAndDispatches()
    {
        var result = await _signedRun.Value;

        Assert.Equal("handled", result.GetProperty("invoked").GetString());
        // The same body with another nonce no longer matches the signature: the dispatcher drops it.
        Assert.Equal(JsonValueKind.Null, result.GetProperty("tamperedInvoked").ValueKind);
        var e = result.GetProperty("event");
        Assert.Equal("contact.user.created_v3", e.GetProperty("event_type").GetString());
        Assert.Equal("v", e.GetProperty("token").GetString());
        Assert.Equal("ou_7dab8a3d3cdcc9da365777c7ad535d62", e.GetProperty("object").GetProperty("open_id").GetString());
    }

    [Fact]
    public async Task SignatureVector_ComputedAsTheSdkDoes_MatchesTheReference()
    {
        // The reference's local signature vector: ts 1700000000, nonce abc, key "test key", this exact body.
        var result = await NodeScenario.RunAsync("cipher-vectors", Input(
            key: "test key", timestamp: "1700000000", nonce: "abc",
            body: $$"""{"encrypt":"{{OfficialEncrypt}}"}""", signature: "0", eventType: "none"), CancellationToken.None);

        Assert.Equal("0c09d96c2aef2ad08179b3967ea410bbc91dab24ce3aec05af962cf1935844af", result.GetProperty("signatureAsSdkComputes").GetString());
    }

    // One node run serves the tests that read the same vectors.
    private static readonly Lazy<Task<JsonElement>> _signedRun = new(() =>
    {
        const string key = "1212121212", timestamp = "1700000000", nonce = "n-1";
        var body = $$"""{"encrypt":"{{GoSdkEncrypt}}"}""";
        return NodeScenario.RunAsync("cipher-vectors", Input(key, timestamp, nonce, body, Signature(timestamp, nonce, key, body), "contact.user.created_v3"), CancellationToken.None);
    });

    private static object Input(string key, string timestamp, string nonce, string body, string signature, string eventType) => new
    {
        decrypts = new[]
        {
            new { key = "test key", encrypt = OfficialEncrypt },
            new { key = "test key", encrypt = ZeroIvEncrypt },
        },
        signed = new { key, timestamp, nonce, signature, body, eventType },
    };

    /// <summary>The reference's signature: lowercase hex SHA-256 of timestamp + nonce + encrypt key + raw body.</summary>
    private static string Signature(string timestamp, string nonce, string key, string body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(timestamp + nonce + key + body)));
}
