namespace Corps.Emulator.Tests.Fakes;

/// <summary>One push the receiver got: the raw body and the Lark signature headers.</summary>
internal sealed record ReceivedPush(string Body, string Timestamp, string Nonce, string Signature);
