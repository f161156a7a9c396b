using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Corps.Feishu.Tests.Fakes;

/// <summary>An HTTP handler that answers from a script and records what was asked.</summary>
public sealed class FakeHttpHandler : HttpMessageHandler
{
    private readonly Func<RecordedRequest, int, Task<HttpResponseMessage>> _respond;
    private int _calls;

    public FakeHttpHandler(Func<RecordedRequest, int, Task<HttpResponseMessage>> respond) => _respond = respond;

    public FakeHttpHandler(Func<RecordedRequest, int, HttpResponseMessage> respond)
        : this((r, n) => Task.FromResult(respond(r, n)))
    {
    }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public int Calls => Volatile.Read(ref _calls);

    public IEnumerable<RecordedRequest> ApiRequests => Requests.Where(r => !r.IsToken);

    public IEnumerable<RecordedRequest> TokenRequests => Requests.Where(r => r.IsToken);

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
            response.Headers.TryAddWithoutValidation(name, value);
        return response;
    }

    public static HttpResponseMessage Token(string token = "t-fake-token-1", int expire = 7200) =>
        Json($$"""{"code":0,"msg":"ok","tenant_access_token":"{{token}}","expire":{{expire}}}""");

    public static HttpResponseMessage Ok(string dataJson) => Json($$"""{"code":0,"msg":"success","data":{{dataJson}}}""");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, request.Headers.Authorization?.Parameter, body);
        Requests.Enqueue(recorded);
        var n = Interlocked.Increment(ref _calls);
        var response = await _respond(recorded, n);
        response.RequestMessage = request;
        return response;
    }
}
