using Corps.Abstractions;

namespace Corps.Host.Tests.Fakes;

/// <summary>A corp that receives events through a test-supplied decoder and records its full syncs.</summary>
internal sealed class FakeEventCorp(string name, string? schedule = null, bool syncOnStart = false)
    : RecordingCorp(name, schedule, syncOnStart), ICorpEventSource
{
    public Func<WebhookRequest, WebhookResult> Decoder { get; set; } = _ => new WebhookResult.Rejected(400, "no decoder");

    public WebhookResult Decode(WebhookRequest request) => Decoder(request);
}
