using Corps.Abstractions;
using Corps.Host.Events;
using Corps.Host.Serve;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Corps.Host.Webhooks;

/// <summary>The contact-event endpoint: <c>POST /corps/{name}/events</c>, one request URL per corp.</summary>
public static partial class EventEndpoints
{
    /// <summary>The route; <c>{name}</c> is the element name (or the full name).</summary>
    public const string Route = "/corps/{name}/events";

    /// <summary>Maps the event endpoint.</summary>
    public static IEndpointRouteBuilder MapCorpEventsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Route, ReceiveAsync).DisableAntiforgery();
        return endpoints;
    }

    /// <summary>Verifies, decodes and stores one delivery; replies only once an accepted event is committed.</summary>
    internal static async Task<IResult> ReceiveAsync(string name, HttpRequest request, IServedCorps corps, IEventInbox inbox,
        EventSignal signal, IOptions<WebhookOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(EventEndpoints).FullName!);
        var corp = corps.Find(name);
        if (corp is null)
        {
            LogUnknownCorp(logger, name);
            return WebhookReply.Message(StatusCodes.Status404NotFound, $"No corp named '{name}' is served here.");
        }

        using var scope = logger.BeginScope(LogScope.For(corp.FullName));
        if (corp is not ICorpEventSource source)
            return WebhookReply.Message(StatusCodes.Status501NotImplemented, $"Corp type '{corp.CorpData.Type}' does not receive events.");

        var body = await WebhookBodyReader.ReadAsync(request, options.Value.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            LogTooLarge(logger, corp.FullName, options.Value.MaxBodyBytes);
            return WebhookReply.Message(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {options.Value.MaxBodyBytes} bytes.");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in request.Headers)
            headers[key] = value.ToString();

        WebhookResult result;
        try
        {
            result = source.Decode(new WebhookRequest(headers, body));
        }
#pragma warning disable CA1031 // The plugin boundary: a decoder that throws is a plugin bug, never the client's 500 with details.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogDecoderFailed(logger, ex, corp.FullName);
            return WebhookReply.Message(StatusCodes.Status500InternalServerError, "The event could not be decoded; see the service log.");
        }

        switch (result)
        {
            case WebhookResult.Challenge challenge:
                LogChallenge(logger, corp.FullName);
                return WebhookReply.Raw(challenge.ResponseJson);

            case WebhookResult.Ignored ignored:
                LogIgnored(logger, corp.FullName, ignored.EventId, ignored.EventType);
                return WebhookReply.Success();

            case WebhookResult.Rejected rejected:
                var status = rejected.StatusCode is >= 400 and < 500 ? rejected.StatusCode : StatusCodes.Status400BadRequest;
                LogRejected(logger, corp.FullName, status, rejected.Reason);
                return WebhookReply.Message(status, rejected.Reason);

            case WebhookResult.Accepted accepted:
                // Committed before the 200: Feishu re-delivers what was not acknowledged, so a crash after this line
                // loses nothing and a crash before it is retried upstream.
                var stored = await inbox.AddAsync(corp.FullName, accepted.Event, cancellationToken).ConfigureAwait(false);
                if (stored)
                    signal.Notify(corp.FullName);
                LogAccepted(logger, corp.FullName, accepted.Event.EventId, accepted.Event.EventType, !stored);
                return WebhookReply.Success();

            default:
                return WebhookReply.Message(StatusCodes.Status500InternalServerError, "The corp type returned an unknown result.");
        }
    }

    [LoggerMessage(EventId = 5300, Level = LogLevel.Warning, Message = "Event delivery for unknown corp '{Name}' refused")]
    private static partial void LogUnknownCorp(ILogger logger, string name);

    [LoggerMessage(EventId = 5301, Level = LogLevel.Warning, Message = "Event delivery for {Corp} refused: body over {MaxBytes} bytes")]
    private static partial void LogTooLarge(ILogger logger, string corp, int maxBytes);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Error, Message = "The event decoder of {Corp} threw")]
    private static partial void LogDecoderFailed(ILogger logger, Exception exception, string corp);

    [LoggerMessage(EventId = 5303, Level = LogLevel.Information, Message = "URL verification for {Corp} answered")]
    private static partial void LogChallenge(ILogger logger, string corp);

    [LoggerMessage(EventId = 5304, Level = LogLevel.Debug, Message = "Event {EventId} ({EventType}) for {Corp} ignored")]
    private static partial void LogIgnored(ILogger logger, string corp, string eventId, string eventType);

    [LoggerMessage(EventId = 5305, Level = LogLevel.Warning, Message = "Event delivery for {Corp} rejected with {Status}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string corp, int status, string reason);

    [LoggerMessage(EventId = 5306, Level = LogLevel.Debug,
        Message = "Event {EventId} ({EventType}) for {Corp} stored (duplicate: {Duplicate})")]
    private static partial void LogAccepted(ILogger logger, string corp, string eventId, string eventType, bool duplicate);
}
