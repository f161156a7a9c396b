using Microsoft.AspNetCore.Http;

namespace Corps.Host.Webhooks;

/// <summary>The JSON replies the event endpoint sends (Feishu's SDKs answer <c>{"msg":"…"}</c>).</summary>
internal static class WebhookReply
{
    public static IResult Success() => Message(StatusCodes.Status200OK, "success");

    public static IResult Message(int statusCode, string message) =>
        TypedResults.Json(new WebhookMessage(message), WebhookJsonContext.Default.WebhookMessage, statusCode: statusCode);

    public static IResult Raw(string json) => TypedResults.Text(json, "application/json", System.Text.Encoding.UTF8, StatusCodes.Status200OK);
}
