using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Corps.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace Corps.Reliability.Tests;

/// <summary>
/// Promise 4 (webhooks): forged, replayed, undecodable, malformed, hostile-JSON and oversized deliveries each get a
/// 4xx with a reason, change nothing (inbox and store byte-identical), leak nothing, and the service stays up.
/// </summary>
public sealed class HostileWebhookTests(ITestOutputHelper output)
{
    private const string Path = ServeHarness.EventsPath;

    [Fact]
    public async Task EventEndpoint_HostileDeliveries_Each4xxAndNothingChanges()
    {
        await using var rig = await Rig.StartAsync(new RigOptions { Users = 40 });
        Assert.Equal(0, (await rig.CliAsync("sync")).ExitCode);
        await using var serve = await ServeHarness.StartAsync(rig);
        var victim = rig.Admin.ActivePeople()[0];
        var update = Secrets.Delivery.Envelope("evt-hostile-1", "contact.user.updated_v3", DateTimeOffset.UtcNow,
            new JsonObject { ["object"] = new JsonObject { ["open_id"] = victim, ["name"] = "Mallory" } });
        var wrongToken = Secrets.Delivery.Envelope("evt-hostile-2", "contact.user.updated_v3", DateTimeOffset.UtcNow,
            new JsonObject { ["object"] = new JsonObject { ["open_id"] = victim, ["name"] = "Mallory" } }, token: "not-the-token");
        var deep = "{\"schema\":\"2.0\",\"header\":{\"event_id\":\"deep\",\"event_type\":\"contact.user.updated_v3\",\"token\":\"" + Secrets.VerificationToken
            + "\"},\"event\":{\"object\":" + new string('[', 100_000) + new string(']', 100_000) + "}}";
        var manyKeys = "{" + string.Join(',', Enumerable.Range(0, 60_000).Select(i => $"\"k{i}\":{i}")) + "}";
        byte[] invalidUtf8 = [(byte)'{', (byte)'"', 0xC3, 0x28, 0xFF, (byte)'"', (byte)':', (byte)'1', (byte)'}'];

        var cases = new (string What, Func<HttpRequestMessage> Request, int Expected)[]
        {
            ("signed with another key (forged)", () => Secrets.Delivery.Create(Path, update, signingKey: "attacker-key"), 401),
            ("encrypted with another key", () => Secrets.Delivery.Create(Path, update, withEncryptKey: "attacker-key", signingKey: Secrets.EncryptKey), 400),
            ("a signature that is not hex", () => WithHeader(Secrets.Delivery.Create(Path, update), "X-Lark-Signature", "zz-not-a-signature"), 401),
            ("replayed: signed an hour ago", () => Secrets.Delivery.Create(Path, update, sentAt: DateTimeOffset.UtcNow.AddHours(-1)), 401),
            ("replayed: signed a day ago", () => Secrets.Delivery.Create(Path, update, sentAt: DateTimeOffset.UtcNow.AddDays(-1)), 401),
            ("from the future", () => Secrets.Delivery.Create(Path, update, sentAt: DateTimeOffset.UtcNow.AddHours(2)), 401),
            ("a timestamp that is not a number", () => WithHeader(Secrets.Delivery.Create(Path, update), "X-Lark-Request-Timestamp", "yesterday"), 401),
            ("a timestamp past the year 9999", () => WithHeader(Secrets.Delivery.Create(Path, update), "X-Lark-Request-Timestamp", "99999999999999999999"), 401),
            ("no nonce", () => WithoutHeader(Secrets.Delivery.Create(Path, update), "X-Lark-Request-Nonce"), 401),
            ("unsigned plaintext event", () => Plain(update), 401),
            ("a wrong verification token", () => Secrets.Delivery.Create(Path, wrongToken), 401),
            ("url_verification with a wrong token", () => Secrets.Delivery.Create(Path, "{\"type\":\"url_verification\",\"challenge\":\"c\",\"token\":\"nope\"}"), 401),
            ("encrypt that is not base64", () => Secrets.Delivery.Signed(Path, RawCipher.Envelope("!!!not*base64!!!")), 400),
            ("encrypt with bad padding", () => Secrets.Delivery.Signed(Path, RawCipher.Envelope(Convert.ToBase64String(new byte[48]))), 400),
            ("encrypt too short for an IV", () => Secrets.Delivery.Signed(Path, RawCipher.Envelope("AAAA")), 400),
            ("encrypt that is a number", () => Secrets.Delivery.Signed(Path, Encoding.UTF8.GetBytes("{\"encrypt\":42}")), 400),
            ("invalid UTF-8 body", () => Secrets.Delivery.Signed(Path, invalidUtf8), 400),
            ("invalid UTF-8 after decryption", () => Secrets.Delivery.Signed(Path, RawCipher.Envelope(RawCipher.Encrypt([0xC3, 0x28, 0xFF, 0xFE]))), 400),
            ("a JSON bomb: 200,000 nested brackets", () => Secrets.Delivery.Signed(Path, Encoding.ASCII.GetBytes(new string('[', 200_000))), 400),
            ("deep nesting inside the encrypted event", () => Secrets.Delivery.Create(Path, deep), 400),
            ("60,000 keys, unsigned", () => Plain(manyKeys), 401),
            ("a JSON array", () => Secrets.Delivery.Signed(Path, "[1,2,3]"u8.ToArray()), 400),
            ("an empty body", () => new HttpRequestMessage(HttpMethod.Post, Path) { Content = new ByteArrayContent([]) }, 400),
            ("2 MiB with a length", () => Secrets.Delivery.Signed(Path, Encoding.ASCII.GetBytes("{\"encrypt\":\"" + new string('A', 2 * 1024 * 1024) + "\"}")), 413),
            ("2 MiB chunked, no length", () => Chunked(2 * 1024 * 1024), 413),
        };

        var before = rig.Dump();
        foreach (var (what, create, expected) in cases)
        {
            using var request = create();
            HttpResponseMessage response;
            try
            {
                response = await serve.Client.SendAsync(request);
            }
            catch (HttpRequestException) when (expected == 413)
            {
                // The server answered 413 and closed the connection before the client finished sending: refused either way.
                continue;
            }

            using var _ = response;
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(expected == (int)response.StatusCode, $"{what}: expected {expected}, got {(int)response.StatusCode} {body}");
            Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
            Assert.DoesNotContain(Secrets.EncryptKey, body, StringComparison.Ordinal);
            Assert.DoesNotContain(Secrets.VerificationToken, body, StringComparison.Ordinal);
            Assert.StartsWith("{\"msg\":", body, StringComparison.Ordinal);
        }

        Assert.Null(rig.Dump().DifferenceFrom(before));
        using (var health = await serve.Client.GetAsync("/healthz"))
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var errors = serve.Logs.Lines.Where(line => line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Critical", StringComparison.Ordinal)).ToList();
            Assert.True(errors.Count == 0, "errors logged:\n" + string.Join('\n', errors));

        // The endpoint does work: the genuine delivery is taken and applied.
        using (var genuine = Secrets.Delivery.Create(Path, update))
        using (var response = await serve.Client.SendAsync(genuine))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.TrueAsync(() => serve.Inbox().Applied == 1, "the genuine event applied");
        output.WriteLine(Figures.Record("hostile webhooks", $"{cases.Length} hostile deliveries: each the expected 4xx, inbox and store unchanged, service up"));
    }

    private static HttpRequestMessage Plain(string json) =>
        new(HttpMethod.Post, Path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private static HttpRequestMessage WithHeader(HttpRequestMessage request, string name, string value)
    {
        request.Headers.Remove(name);
        request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    private static HttpRequestMessage WithoutHeader(HttpRequestMessage request, string name)
    {
        request.Headers.Remove(name);
        return request;
    }

    private static HttpRequestMessage Chunked(int bytes)
    {
        var content = new PushStreamContent(bytes);
        return new HttpRequestMessage(HttpMethod.Post, Path) { Content = content, Headers = { TransferEncodingChunked = true } };
    }

    /// <summary>A body of unknown length, sent chunked.</summary>
    private sealed class PushStreamContent(int bytes) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = Encoding.ASCII.GetBytes(new string('A', 64 * 1024));
            try
            {
                for (var sent = 0; sent < bytes; sent += chunk.Length)
                    await stream.WriteAsync(chunk);
            }
            catch (IOException)
            {
                // The server stopped reading after its limit: that is the point.
            }
            catch (HttpRequestException)
            {
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
