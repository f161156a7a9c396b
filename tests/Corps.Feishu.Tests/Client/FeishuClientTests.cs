using System.Net;
using Corps.Abstractions;
using Corps.Feishu.Client;
using Corps.Feishu.Tests.Fakes;
using Corps.Feishu.Wire;

namespace Corps.Feishu.Tests.Client;

public sealed class FeishuClientTests
{
    private static FeishuRequest Scopes => new(HttpMethod.Get, "/open-apis/contact/v3/scopes");

    private static Task<FeishuEnvelope<System.Text.Json.JsonElement>> SendAsync(FeishuClient client, FeishuRequest? request = null) =>
        client.SendAsync(request ?? Scopes, FeishuJsonContext.Default.FeishuEnvelopeJsonElement, CancellationToken.None);

    private static HttpResponseMessage Answer(RecordedRequest request, Func<HttpResponseMessage> api) =>
        request.IsToken ? FakeHttpHandler.Token() : api();

    [Fact]
    public async Task SendAsync_TwoCalls_TokenFetchedOnceAndSentAsBearer()
    {
        using var handler = new FakeHttpHandler((r, _) => Answer(r, () => FakeHttpHandler.Ok("{}")));
        using var client = ClientFactory.Create(handler);

        await SendAsync(client);
        await SendAsync(client);

        Assert.Single(handler.TokenRequests);
        Assert.All(handler.ApiRequests, r => Assert.Equal("t-fake-token-1", r.BearerToken));
        Assert.Contains("\"app_secret\":\"" + ClientFactory.Secret + "\"", handler.TokenRequests.Single().Body, StringComparison.Ordinal);
        Assert.Equal(3, client.TotalApiCalls);
    }

    [Fact]
    public async Task SendAsync_ConcurrentFirstCalls_SingleTokenRequest()
    {
        using var handler = new FakeHttpHandler(async (r, _) =>
        {
            await Task.Delay(20);
            return Answer(r, () => FakeHttpHandler.Ok("{}"));
        });
        using var client = ClientFactory.Create(handler);

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => SendAsync(client)));

        Assert.Single(handler.TokenRequests);
    }

    [Fact]
    public async Task SendAsync_TokenNearExpiry_RefreshedAhead()
    {
        var issued = 0;
        using var handler = new FakeHttpHandler((r, _) =>
            r.IsToken ? FakeHttpHandler.Token($"t-{Interlocked.Increment(ref issued)}", expire: 2) : FakeHttpHandler.Ok("{}"));
        using var client = ClientFactory.Create(handler);

        await SendAsync(client);
        await Task.Delay(1100);
        await SendAsync(client);

        // A 2 s token is used for at most half its life, so the second call needed a new one.
        Assert.Equal(2, handler.TokenRequests.Count());
    }

    [Theory]
    [InlineData(99991663)]
    [InlineData(99991661)]
    [InlineData(99991664)]
    [InlineData(99991671)]
    public async Task SendAsync_TokenRevoked_RefetchedOnceAndSucceeds(int code)
    {
        var issued = 0;
        using var handler = new FakeHttpHandler((r, _) =>
        {
            if (r.IsToken)
                return FakeHttpHandler.Token($"t-{Interlocked.Increment(ref issued)}");
            return r.BearerToken == "t-1"
                ? FakeHttpHandler.Json($$"""{"code":{{code}},"msg":"Invalid access token for authorization."}""", HttpStatusCode.BadRequest)
                : FakeHttpHandler.Ok("{}");
        });
        using var client = ClientFactory.Create(handler);

        await SendAsync(client);

        Assert.Equal(2, handler.TokenRequests.Count());
        Assert.Equal("t-2", handler.ApiRequests.Last().BearerToken);
    }

    [Fact]
    public async Task SendAsync_TokenRefusedTwice_UpstreamExceptionWithCode()
    {
        using var handler = new FakeHttpHandler((r, _) => Answer(r, () =>
            FakeHttpHandler.Json("""{"code":99991663,"msg":"Invalid access token"}""", HttpStatusCode.BadRequest)));
        using var client = ClientFactory.Create(handler);

        var ex = await Assert.ThrowsAsync<UpstreamException>(() => SendAsync(client));

        Assert.Equal(99991663, ex.Code);
        Assert.Equal(2, handler.TokenRequests.Count());
    }

    [Fact]
    public async Task SendAsync_ServerErrorsThenOk_Retried()
    {
        var apiCalls = 0;
        using var handler = new FakeHttpHandler((r, _) => Answer(r, () =>
            Interlocked.Increment(ref apiCalls) <= 2 ? FakeHttpHandler.Json("oops", HttpStatusCode.BadGateway) : FakeHttpHandler.Ok("{}")));
        using var client = ClientFactory.Create(handler);

        var envelope = await SendAsync(client);

        Assert.Equal(0, envelope.Code);
        Assert.Equal(3, apiCalls);
    }

    [Fact]
    public async Task SendAsync_DroppedConnectionAndMalformedJson_Retried()
    {
        var apiCalls = 0;
        using var handler = new FakeHttpHandler((r, _) =>
        {
            if (r.IsToken)
                return FakeHttpHandler.Token();
            return Interlocked.Increment(ref apiCalls) switch
            {
                1 => throw new HttpRequestException("connection reset"),
                2 => FakeHttpHandler.Json("""{"code":0,"msg":"success","data":{"ite"""),
                _ => FakeHttpHandler.Ok("""{"items":[]}"""),
            };
        });
        using var client = ClientFactory.Create(handler);

        await SendAsync(client);

        Assert.Equal(3, apiCalls);
    }

    [Fact]
    public async Task SendAsync_SlowAttempt_TimesOutAndRetries()
    {
        var apiCalls = 0;
        using var handler = new FakeHttpHandler(async (r, _) =>
        {
            if (r.IsToken)
                return FakeHttpHandler.Token();
            if (Interlocked.Increment(ref apiCalls) == 1)
                await Task.Delay(TimeSpan.FromSeconds(10));
            return FakeHttpHandler.Ok("{}");
        });
        using var client = ClientFactory.Create(handler, ClientFactory.Options() with { AttemptTimeout = TimeSpan.FromMilliseconds(200) });

        await SendAsync(client);

        Assert.Equal(2, apiCalls);
    }

    [Fact]
    public async Task SendAsync_AlwaysFailing_GivesUpAfterMaxAttempts()
    {
        var apiCalls = 0;
        using var handler = new FakeHttpHandler((r, _) => Answer(r, () =>
        {
            Interlocked.Increment(ref apiCalls);
            return FakeHttpHandler.Json("down", HttpStatusCode.ServiceUnavailable, ("X-Tt-Logid", "log-503"));
        }));
        using var client = ClientFactory.Create(handler, ClientFactory.Options() with { MaxAttempts = 3 });

        var ex = await Assert.ThrowsAsync<UpstreamException>(() => SendAsync(client));

        Assert.Equal(3, apiCalls);
        Assert.Equal(503, ex.HttpStatus);
        Assert.Equal("log-503", ex.LogId);
        Assert.Contains("3 attempts", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_Http429ThenOk_WaitsAndRetries()
    {
        var apiCalls = 0;
        using var handler = new FakeHttpHandler((r, _) => Answer(r, () => Interlocked.Increment(ref apiCalls) == 1
            ? FakeHttpHandler.Json("""{"code":99991400,"msg":"request trigger frequency limit"}""", HttpStatusCode.TooManyRequests,
                ("x-ogw-ratelimit-limit", "50"), ("x-ogw-ratelimit-reset", "0"))
            : FakeHttpHandler.Ok("{}")));
        using var client = ClientFactory.Create(handler);

        await SendAsync(client);

        Assert.Equal(2, apiCalls);
    }

    [Fact]
    public async Task SendAsync_RateLimitCodeWithHttp400_WaitsAndRetries()
    {
        var apiCalls = 0;
        using var handler = new FakeHttpHandler((r, _) => Answer(r, () => Interlocked.Increment(ref apiCalls) <= 2
            ? FakeHttpHandler.Json("""{"code":99991400,"msg":"request trigger frequency limit"}""", HttpStatusCode.BadRequest)
            : FakeHttpHandler.Ok("{}")));
        using var client = ClientFactory.Create(handler);

        await SendAsync(client);

        Assert.Equal(3, apiCalls);
    }

    [Fact]
    public async Task SendAsync_OutOfScope_ExplainsScopeWithLogId()
    {
        using var handler = new FakeHttpHandler((r, _) => Answer(r, () =>
            FakeHttpHandler.Json("""{"code":40004,"msg":"no dept authority error"}""", HttpStatusCode.Forbidden, ("X-Tt-Logid", "202311210001"))));
        using var client = ClientFactory.Create(handler);

        var ex = await Assert.ThrowsAsync<UpstreamException>(() => SendAsync(client));

        Assert.Equal(40004, ex.Code);
        Assert.Equal("202311210001", ex.LogId);
        Assert.Equal("no dept authority error", ex.UpstreamMessage);
        Assert.Contains("contact scope", ex.Fix, StringComparison.Ordinal);
        Assert.Contains("202311210001", ex.Message, StringComparison.Ordinal);
        Assert.Single(handler.ApiRequests);
    }

    [Fact]
    public async Task SendAsync_MissingPermission_NamesThePermission()
    {
        using var handler = new FakeHttpHandler((r, _) => Answer(r, () => FakeHttpHandler.Json("""
            {"code":99991672,"msg":"Access denied. One of the following scopes is required: [contact:user.id:readonly]",
             "error":{"log_id":"log-body","permission_violations":[{"type":"action_scope_required","subject":"contact:user.id:readonly"}]}}
            """, HttpStatusCode.BadRequest)));
        using var client = ClientFactory.Create(handler);

        var ex = await Assert.ThrowsAsync<UpstreamException>(() => SendAsync(client));

        Assert.Equal("log-body", ex.LogId);
        Assert.Contains("'contact:user.id:readonly'", ex.Fix, StringComparison.Ordinal);
        Assert.Contains("publish a new version", ex.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10014)]
    [InlineData(10015)]
    public async Task SendAsync_BadCredentials_PointsAtAuthConfigWithoutSecret(int code)
    {
        using var handler = new FakeHttpHandler((r, _) => r.IsToken
            ? FakeHttpHandler.Json($$"""{"code":{{code}},"msg":"app secret invalid"}""", HttpStatusCode.BadRequest)
            : FakeHttpHandler.Ok("{}"));
        using var client = ClientFactory.Create(handler);

        var ex = await Assert.ThrowsAsync<UpstreamException>(() => SendAsync(client));

        Assert.Equal(code, ex.Code);
        Assert.Contains("elements/corps/TestCorp/TestCorp.json", ex.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain(ClientFactory.Secret, ex.ToString(), StringComparison.Ordinal);
        Assert.Empty(handler.ApiRequests);
    }

    [Fact]
    public async Task SendAsync_NotOpenApiJson404_FailsAtOnceNamingBaseUrl()
    {
        using var handler = new FakeHttpHandler((r, _) => Answer(r, () => FakeHttpHandler.Json("<html>nope</html>", HttpStatusCode.NotFound)));
        using var client = ClientFactory.Create(handler);

        var ex = await Assert.ThrowsAsync<UpstreamException>(() => SendAsync(client));

        Assert.Equal(404, ex.HttpStatus);
        Assert.Contains("baseUrl", ex.Fix, StringComparison.Ordinal);
        Assert.Single(handler.ApiRequests);
    }

    [Fact]
    public async Task GetPagesAsync_ThreePages_FollowsPageTokens()
    {
        using var handler = new FakeHttpHandler((r, _) => Answer(r, () => r.Query("page_token") switch
        {
            null => FakeHttpHandler.Ok("""{"has_more":true,"page_token":"p2","items":[1,2]}"""),
            "p2" => FakeHttpHandler.Ok("""{"has_more":true,"page_token":"p3","items":[3]}"""),
            _ => FakeHttpHandler.Ok("""{"has_more":false,"items":[4]}"""),
        }));
        using var client = ClientFactory.Create(handler);

        var items = new List<int>();
        await foreach (var item in client.GetItemsAsync(Scopes, CancellationToken.None))
            items.Add(item.GetInt32());

        Assert.Equal([1, 2, 3, 4], items);
    }

    [Fact]
    public async Task GetPagesAsync_MoreWithoutToken_ThrowsInsteadOfStoppingShort()
    {
        using var handler = new FakeHttpHandler((r, _) => Answer(r, () => FakeHttpHandler.Ok("""{"has_more":true,"items":[1]}""")));
        using var client = ClientFactory.Create(handler);

        await Assert.ThrowsAsync<UpstreamException>(async () =>
        {
            await foreach (var _ in client.GetItemsAsync(Scopes, CancellationToken.None))
            {
            }
        });
    }

    [Fact]
    public async Task CountCalls_Scope_CountsOnlyItsOwnFlow()
    {
        using var handler = new FakeHttpHandler((r, _) => Answer(r, () => FakeHttpHandler.Ok("{}")));
        using var client = ClientFactory.Create(handler);
        await SendAsync(client);

        int counted;
        using (var scope = client.CountCalls())
        {
            await SendAsync(client);
            await SendAsync(client);
            counted = scope.Calls;
        }

        await SendAsync(client);
        Assert.Equal(2, counted);
    }
}
