using Bot.Connectors.WeCom.AiBot;
using Bot.Connectors.WeCom.Callback;
using Bot.Host.WeChat;
using Microsoft.Extensions.Options;

namespace Bot.Host.Endpoints;

public static class WeComBotEndpoints
{
    /// <summary>Maps <c>GET /wecom/bot</c> (URL verification) and <c>POST /wecom/bot</c> (the AI bot's messages).</summary>
    public static IEndpointRouteBuilder MapWeComBot(this IEndpointRouteBuilder app)
    {
        app.MapGet("/wecom/bot", (HttpRequest request, WeComBotCallbackProcessor processor) => ToResult(processor.VerifyUrl(Query(request))));
        app.MapPost("/wecom/bot", PostAsync);
        return app;
    }

    private static async Task<IResult> PostAsync(
        HttpRequest request, WeComBotCallbackProcessor processor, IOptions<WeComBotOptions> options, CancellationToken cancellationToken)
    {
        var query = Query(request);
        if (processor.CheckQuery(query) is { } refusal)
        {
            return ToResult(refusal);
        }

        var limit = options.Value.MaxBodyBytes;
        var body = await BoundedBody.ReadAsync(request, limit, cancellationToken);
        return body is null
            ? ToResult(WeComCallbackResult.Refuse(StatusCodes.Status413PayloadTooLarge, $"Body larger than {limit} bytes."))
            : ToResult(await processor.ProcessAsync(query, body, cancellationToken));
    }

    private static WeComQuery Query(HttpRequest request)
    {
        var q = request.Query;
        return new WeComQuery(q["msg_signature"], q["timestamp"], q["nonce"], q["echostr"]);
    }

    private static IResult ToResult(WeComCallbackResult result) => result.IsRefusal
        ? Results.Problem(title: "企业微信智能机器人回调被拒绝", detail: result.Body, statusCode: result.Status)
        : Results.Text(result.Body, result.ContentType, statusCode: result.Status);
}
