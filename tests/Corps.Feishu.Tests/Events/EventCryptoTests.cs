using System.Text;
using Corps.Feishu.Events;

namespace Corps.Feishu.Tests.Events;

public sealed class EventCryptoTests
{
    [Fact]
    public void Decrypt_OfficialTestKeyVector_HelloWorld()
    {
        var plain = new EventCrypto("test key").Decrypt("P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=", out var error, out _);

        Assert.Null(error);
        Assert.Equal("hello world", Encoding.UTF8.GetString(plain!));
    }

    [Fact]
    public void Decrypt_LocalZeroIvVector_Challenge()
    {
        var plain = new EventCrypto("test key").Decrypt(
            "AAAAAAAAAAAAAAAAAAAAABgLw1kLwGFjbDY7DTSdFkuszGAWeX7Djo/olS6D+ZlEr/6n3YktNwBCf6A+B8QutLe0jgmB0tfXBJYwrvUWMRM=", out _, out _);

        Assert.Equal("""{"challenge":"abc","token":"vtoken","type":"url_verification"}""", Encoding.UTF8.GetString(plain!));
    }

    [Fact]
    public void VerifySignature_ReferenceVector_Matches()
    {
        var body = Encoding.UTF8.GetBytes("""{"encrypt":"P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk="}""");

        Assert.True(new EventCrypto("test key").VerifySignature("1700000000", "abc", body,
            "0c09d96c2aef2ad08179b3967ea410bbc91dab24ce3aec05af962cf1935844af"));
    }

    [Fact]
    public void VerifySignature_OneBitOff_DoesNotMatch()
    {
        var body = Encoding.UTF8.GetBytes("""{"encrypt":"P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk="}""");

        Assert.False(new EventCrypto("test key").VerifySignature("1700000000", "abc", body,
            "0c09d96c2aef2ad08179b3967ea410bbc91dab24ce3aec05af962cf1935844ae"));
    }

    [Fact]
    public void Decrypt_WrongKey_ReportsWrongKeyWithoutThrowing()
    {
        var plain = new EventCrypto("another key").Decrypt("P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=", out var error, out var wrongKey);

        Assert.Null(plain);
        Assert.True(wrongKey);
        Assert.DoesNotContain("another key", error, StringComparison.Ordinal);
    }
}
