using Bot.Connectors.WeCom.AiBot;
using Microsoft.Extensions.Options;

namespace Bot.Host.Endpoints;

public static class WeComBotEndpoints
{
    private const string Refused = "企业微信智能机器人回调被拒绝";

    /// <summary>Maps <c>GET /wecom/bot</c> (URL verification) and <c>POST /wecom/bot</c> (the AI bot's messages).</summary>
    public static IEndpointRouteBuilder MapWeComBot(this IEndpointRouteBuilder app)
    {
        app.MapGet("/wecom/bot", (HttpRequest request, WeComBotCallbackProcessor processor) =>
            WeComCallbackHttp.ToResult(processor.VerifyUrl(WeComCallbackHttp.Query(request)), Refused));
        app.MapPost("/wecom/bot", (HttpRequest request, WeComBotCallbackProcessor processor, IOptions<WeComBotOptions> options, CancellationToken cancellationToken) =>
            WeComCallbackHttp.PostAsync(request, q => processor.CheckQuery(q), processor.ProcessAsync, options.Value.MaxBodyBytes, Refused, cancellationToken));
        return app;
    }
}
