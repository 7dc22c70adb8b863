using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SalesOS.Contracts.Outreach;

namespace SalesOS.Gateway.Apis;

/// <summary>
/// The public endpoints a prospect's mail client and the telephony provider reach, without an API key:
/// the open pixel, click redirects, unsubscribe links (a confirmation page, and RFC 8058 one-click) and
/// provider callbacks. Every token is verified in the silos (the gateway holds no signing key); a bad
/// token changes nothing and never redirects anywhere.
/// </summary>
public static class TrackingApi
{
    // A transparent 1x1 GIF.
    private static readonly byte[] Pixel = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    public static IEndpointRouteBuilder MapTrackingApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("Tracking").AllowAnonymous();
        group.MapMethods("/t/o/{token}", [HttpMethods.Get, HttpMethods.Head], Open).WithName("TrackOpen").WithSummary("The open pixel of a sent email (a 1x1 GIF, whatever the token).");
        group.MapMethods("/t/c/{token}", [HttpMethods.Get, HttpMethods.Head], Click).WithName("TrackClick").WithSummary("A tracked link: records the click and redirects to the link's target; 404 for a token that does not verify.");
        group.MapGet("/u/{token}", UnsubscribePage).WithName("UnsubscribePage").WithSummary("The unsubscribe page of an email (a button; a link checker's visit changes nothing).");
        group.MapPost("/u/{token}", Unsubscribe).WithName("Unsubscribe").WithSummary("Unsubscribes the recipient: the page's button, or RFC 8058 one-click (List-Unsubscribe=One-Click).")
            .DisableAntiforgery();
        group.MapPost("/hooks/telephony/{kind}", Telephony).WithName("TelephonyCallback").WithSummary("Callbacks of the telephony provider (sms-status, sms-inbound, call-status, recording, transcription), verified by their signature.")
            .DisableAntiforgery();
        return routes;
    }

    public static async Task<FileContentHttpResult> Open(string token, HttpContext context, IClusterClient cluster)
    {
        await cluster.GetGrain<ITrackingGrain>(0).Open(StripExtension(token), context.Request.Headers.UserAgent.ToString(), context.Request.Method);
        context.Response.Headers.CacheControl = "no-store, no-cache, must-revalidate, private";
        return TypedResults.File(Pixel, "image/gif");
    }

    public static async Task<Results<RedirectHttpResult, NotFound>> Click(string token, HttpContext context, IClusterClient cluster)
    {
        var answer = await cluster.GetGrain<ITrackingGrain>(0).Click(token, context.Request.Headers.UserAgent.ToString(), context.Request.Method);
        context.Response.Headers.CacheControl = "no-store";
        return answer is { Valid: true, RedirectTo: { } target } ? TypedResults.Redirect(target) : TypedResults.NotFound();
    }

    public static ContentHttpResult UnsubscribePage(string token)
        => TypedResults.Content(Page("Unsubscribe", $"""
            <p>Click the button to stop receiving these emails.</p>
            <form method="post" action="/u/{WebUtility.HtmlEncode(token)}"><button type="submit" name="confirm" value="yes">Unsubscribe</button></form>
            """), "text/html; charset=utf-8");

    public static async Task<ContentHttpResult> Unsubscribe(string token, HttpRequest request, IClusterClient cluster)
    {
        var oneClick = false;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            oneClick = string.Equals(form["List-Unsubscribe"], "One-Click", StringComparison.Ordinal);
        }

        var answer = await cluster.GetGrain<ITrackingGrain>(0).Unsubscribe(token, oneClick);
        return TypedResults.Content(Page(answer.Valid ? "Unsubscribed" : "Link not recognised", $"<p>{WebUtility.HtmlEncode(answer.Message)}</p>"), "text/html; charset=utf-8",
            statusCode: answer.Valid ? StatusCodes.Status200OK : StatusCodes.Status404NotFound);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Telephony(string kind, HttpRequest request, IClusterClient cluster)
    {
        if (!request.HasFormContentType)
        {
            return TypedResults.Problem("Callbacks are application/x-www-form-urlencoded.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        var fields = form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? ""))).ToList();
        var answer = await cluster.GetGrain<ITrackingGrain>(0).Telephony(kind, request.Path + request.QueryString, fields, request.Headers["X-Twilio-Signature"].FirstOrDefault());
        // An empty answer: nothing is said back to an inbound SMS (the provider answers STOP itself).
        return answer.Valid ? TypedResults.NoContent() : TypedResults.Problem(answer.Message, statusCode: StatusCodes.Status403Forbidden);
    }

    private static string StripExtension(string token) => token.EndsWith(".gif", StringComparison.OrdinalIgnoreCase) ? token[..^4] : token;

    private static string Page(string title, string body) => $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>{WebUtility.HtmlEncode(title)}</title></head>
        <body style="font-family: sans-serif; max-width: 32rem; margin: 4rem auto;"><h1>{WebUtility.HtmlEncode(title)}</h1>{body}</body></html>
        """;
}
