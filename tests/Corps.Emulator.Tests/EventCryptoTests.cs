using System.Text.Json;
using Corps.Emulator.Events;

namespace Corps.Emulator.Tests;

public sealed class EventCryptoTests
{
    [Fact]
    public void Decrypt_OfficialVector_HelloWorld() =>
        Assert.Equal("hello world", EventCipher.Decrypt("test key", "P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk="));

    [Fact]
    public void Encrypt_ZeroIvLocalVector_Matches()
    {
        var encrypted = EventCipher.Encrypt("test key", """{"challenge":"abc","token":"vtoken","type":"url_verification"}""", new byte[16]);
        Assert.Equal("AAAAAAAAAAAAAAAAAAAAABgLw1kLwGFjbDY7DTSdFkuszGAWeX7Djo/olS6D+ZlEr/6n3YktNwBCf6A+B8QutLe0jgmB0tfXBJYwrvUWMRM=", encrypted);
    }

    [Fact]
    public void Decrypt_GoSdkVector_UserCreatedEvent()
    {
        using var vector = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "vectors", "go-sdk-user-created.json")));
        var key = vector.RootElement.GetProperty("encryptKey").GetString()!;
        var blob = vector.RootElement.GetProperty("body").GetProperty("encrypt").GetString()!;
        using var plain = JsonDocument.Parse(EventCipher.Decrypt(key, blob));
        Assert.Equal("contact.user.created_v3", plain.RootElement.GetProperty("header").GetProperty("event_type").GetString());
        Assert.Equal("v", plain.RootElement.GetProperty("header").GetProperty("token").GetString());
    }

    [Fact]
    public void Encrypt_RandomIv_RoundTripsAndDiffers()
    {
        var a = EventCipher.Encrypt("k", "{\"x\":1}");
        var b = EventCipher.Encrypt("k", "{\"x\":1}");
        Assert.NotEqual(a, b);
        Assert.Equal("{\"x\":1}", EventCipher.Decrypt("k", a));
    }

    [Fact]
    public void Sign_LocalVector_Matches() =>
        Assert.Equal("0c09d96c2aef2ad08179b3967ea410bbc91dab24ce3aec05af962cf1935844af",
            EventSigner.Sign("1700000000", "abc", "test key", """{"encrypt":"P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk="}"""));
}
