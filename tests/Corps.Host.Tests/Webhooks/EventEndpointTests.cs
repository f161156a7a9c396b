using System.Net;
using System.Text;
using Corps.Abstractions;
using Corps.Host.Events;
using Corps.Host.Tests.Fakes;

namespace Corps.Host.Tests.Webhooks;

public sealed class EventEndpointTests
{
    private static async Task<(TestStore Store, SqliteEventInbox Inbox, RunningServe Serve)> StartAsync(FakeEventCorp corp, bool processEvents = false)
    {
        var store = await TestStore.CreateAsync();
        var inbox = new SqliteEventInbox(store.Path, TimeProvider.System);
        var serve = await RunningServe.StartAsync(RunningServe.Settings([corp], inbox, new FakeEventApplier()) with
        {
            ProcessEvents = processEvents,
            RunSchedules = false,
        });
        return (store, inbox, serve);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Post_UnknownCorp_Returns404()
    {
        var corp = new FakeEventCorp("Known");
        var (store, _, serve) = await StartAsync(corp);
        await using (store)
        await using (serve)
        {
            using var response = await serve.Client.PostAsync("/corps/Unknown/events", Json("{}"));

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task Post_AcceptedEvent_IsStoredBeforeThe200()
    {
        var corp = new FakeEventCorp("Acme") { Decoder = _ => new WebhookResult.Accepted(TestEvents.MemberUpserted("ev-1", "ou_1", "Ann")) };
        var (store, inbox, serve) = await StartAsync(corp);
        await using (store)
        await using (serve)
        {
            using var response = await serve.Client.PostAsync("/corps/Acme/events", Json("{\"encrypt\":\"x\"}"));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("{\"msg\":\"success\"}", await response.Content.ReadAsStringAsync());
            // The processor is off: the row can only be there because the endpoint committed it before replying.
            var entry = Assert.Single(await inbox.GetPendingAsync(corp.FullName, 10, CancellationToken.None));
            Assert.Equal("ev-1", entry.EventId);
        }
    }

    [Fact]
    public async Task Post_SameEventTwice_StoresOneRowAndAcknowledgesBoth()
    {
        var corp = new FakeEventCorp("Acme") { Decoder = _ => new WebhookResult.Accepted(TestEvents.MemberUpserted("ev-1", "ou_1", "Ann")) };
        var (store, inbox, serve) = await StartAsync(corp);
        await using (store)
        await using (serve)
        {
            using var first = await serve.Client.PostAsync("/corps/corps.Acme/events", Json("{}"));
            using var second = await serve.Client.PostAsync("/corps/Acme/events", Json("{}"));

            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            Assert.Equal(1, (await inbox.GetCountsAsync(corp.FullName, CancellationToken.None)).Pending);
        }
    }

    [Fact]
    public async Task Post_Challenge_ReturnsTheDecodersJson()
    {
        var corp = new FakeEventCorp("Acme") { Decoder = _ => new WebhookResult.Challenge("{\"challenge\":\"abc\"}") };
        var (store, _, serve) = await StartAsync(corp);
        await using (store)
        await using (serve)
        {
            using var response = await serve.Client.PostAsync("/corps/Acme/events", Json("{\"type\":\"url_verification\"}"));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("{\"challenge\":\"abc\"}", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Post_Rejected_ReturnsItsStatusAndStoresNothing()
    {
        var corp = new FakeEventCorp("Acme") { Decoder = _ => new WebhookResult.Rejected(401, "signature mismatch") };
        var (store, inbox, serve) = await StartAsync(corp);
        await using (store)
        await using (serve)
        {
            using var response = await serve.Client.PostAsync("/corps/Acme/events", Json("{}"));

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("signature mismatch", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(new InboxCounts(0, 0, 0), await inbox.GetCountsAsync(corp.FullName, CancellationToken.None));
        }
    }

    [Fact]
    public async Task Post_Ignored_Returns200AndStoresNothing()
    {
        var corp = new FakeEventCorp("Acme") { Decoder = _ => new WebhookResult.Ignored("ev-5", "im.message.receive_v1") };
        var (store, inbox, serve) = await StartAsync(corp);
        await using (store)
        await using (serve)
        {
            using var response = await serve.Client.PostAsync("/corps/Acme/events", Json("{}"));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(new InboxCounts(0, 0, 0), await inbox.GetCountsAsync(corp.FullName, CancellationToken.None));
        }
    }

    [Fact]
    public async Task Post_OversizedBody_Returns413WithoutCallingTheDecoder()
    {
        var decoded = 0;
        var corp = new FakeEventCorp("Acme")
        {
            Decoder = _ =>
            {
                Interlocked.Increment(ref decoded);
                return new WebhookResult.Accepted(TestEvents.MemberUpserted("ev-1", "ou_1", "Ann"));
            },
        };
        var (store, inbox, serve) = await StartAsync(corp);
        await using (store)
        await using (serve)
        {
            using var response = await serve.Client.PostAsync("/corps/Acme/events", Json(new string('x', 1024 * 1024 + 1)));

            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal(0, decoded);
            Assert.Equal(new InboxCounts(0, 0, 0), await inbox.GetCountsAsync(corp.FullName, CancellationToken.None));
        }
    }

    [Fact]
    public async Task Post_ChunkedOversizedBody_Returns413()
    {
        var corp = new FakeEventCorp("Acme") { Decoder = _ => new WebhookResult.Accepted(TestEvents.MemberUpserted("ev-1", "ou_1", "Ann")) };
        var (store, inbox, serve) = await StartAsync(corp);
        await using (store)
        await using (serve)
        {
            // No Content-Length: the limit must hold while reading.
            using var content = new StreamContent(new MemoryStream(new byte[2 * 1024 * 1024]));
            using var request = new HttpRequestMessage(HttpMethod.Post, "/corps/Acme/events") { Content = content };
            request.Headers.TransferEncodingChunked = true;

            using var response = await serve.Client.SendAsync(request);

            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal(new InboxCounts(0, 0, 0), await inbox.GetCountsAsync(corp.FullName, CancellationToken.None));
        }
    }

    [Fact]
    public async Task Post_DecoderThrows_Returns500WithoutDetails()
    {
        var corp = new FakeEventCorp("Acme") { Decoder = _ => throw new InvalidOperationException("secret-ish internals") };
        var (store, _, serve) = await StartAsync(corp);
        await using (store)
        await using (serve)
        {
            using var response = await serve.Client.PostAsync("/corps/Acme/events", Json("garbage"));
            var body = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.DoesNotContain("internals", body, StringComparison.Ordinal);
            Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Post_InboxUnavailable_Returns503SoUpstreamRedelivers()
    {
        var corp = new FakeEventCorp("Acme") { Decoder = _ => new WebhookResult.Accepted(TestEvents.MemberUpserted("ev-1", "ou_1", "Ann")) };
        await using var store = await TestStore.CreateAsync();
        // A store file that is not there: every inbox write fails.
        var inbox = new SqliteEventInbox(Path.Combine(store.Directory, "missing", "corps.db"), TimeProvider.System);
        await using var serve = await RunningServe.StartAsync(RunningServe.Settings([corp], inbox, new FakeEventApplier()) with
        {
            ProcessEvents = false,
            RunSchedules = false,
        });

        using var response = await serve.Client.PostAsync("/corps/Acme/events", Json("{}"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.DoesNotContain("Sqlite", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Post_CorpWithoutEventSource_Returns501()
    {
        await using var store = await TestStore.CreateAsync();
        var inbox = new SqliteEventInbox(store.Path, TimeProvider.System);
        await using var serve = await RunningServe.StartAsync(RunningServe.Settings([new RecordingCorp("Plain")], inbox, new FakeEventApplier()) with
        {
            ProcessEvents = false,
            RunSchedules = false,
        });

        using var response = await serve.Client.PostAsync("/corps/Plain/events", Json("{}"));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }
}
