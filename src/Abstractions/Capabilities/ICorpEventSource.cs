namespace Corps.Abstractions;

/// <summary>A corp type that can receive upstream change events over HTTP (an optional capability).</summary>
public interface ICorpEventSource
{
    /// <summary>Verifies (signature, token, decryption) and decodes one delivery.</summary>
    /// <remarks>
    /// Pure and fast: no I/O, no store writes, safe to call concurrently. Must not throw for any body, however
    /// malformed: bad input is a <see cref="WebhookResult.Rejected"/>.
    /// </remarks>
    WebhookResult Decode(WebhookRequest request);
}
