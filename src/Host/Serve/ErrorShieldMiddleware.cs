using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Corps.Host.Serve;

/// <summary>Turns any unhandled exception into a bare JSON 500 (or 413/400 for a refused body): no details leave.</summary>
internal sealed partial class ErrorShieldMiddleware(RequestDelegate next, ILogger<ErrorShieldMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody to answer.
        }
        catch (BadHttpRequestException ex)
        {
            await WriteAsync(context, ex.StatusCode, ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? "The body is too large."
                : "Bad request.").ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The process edge for requests: log everything, reveal nothing.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogUnhandled(ex, context.Request.Path);
            // 503 for a store that could not take the event: upstream re-delivers later, which is what we want.
            await WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Temporarily unable to handle the request; retry later.")
                .ConfigureAwait(false);
        }
    }

    private static async Task WriteAsync(HttpContext context, int status, string message)
    {
        if (context.Response.HasStarted)
            return;
        context.Response.Clear();
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(System.Text.Json.JsonSerializer.Serialize(new { msg = message }), context.RequestAborted)
            .ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 5400, Level = LogLevel.Error, Message = "Request to {Path} failed")]
    private partial void LogUnhandled(Exception exception, PathString path);
}
