namespace Corps.Host.Webhooks;

/// <summary>The body of every non-challenge reply of the event endpoint.</summary>
/// <param name="Msg">What happened, for the sender's delivery log; never a secret or a stack trace.</param>
public sealed record WebhookMessage(string Msg);
