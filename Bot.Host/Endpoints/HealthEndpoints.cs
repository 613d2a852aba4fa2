namespace Bot.Host.Endpoints;

public static class HealthEndpoints
{
    /// <summary><c>GET /healthz</c>: 200 once the host has started (the database is created before that).</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", (IHostApplicationLifetime lifetime) => lifetime.ApplicationStarted.IsCancellationRequested
                ? Results.Text("ok")
                : Results.Problem(title: "starting", statusCode: StatusCodes.Status503ServiceUnavailable))
            .ExcludeFromDescription();
        return app;
    }
}
