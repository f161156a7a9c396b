namespace Corps.Host.Webhooks;

/// <summary>Limits of the event endpoint.</summary>
public sealed class WebhookOptions
{
    /// <summary>The largest body accepted; larger deliveries get 413. Default 1 MiB (Feishu's events are a few KiB).</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;
}
