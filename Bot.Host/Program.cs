using Bot.Connectors.Classification;
using Bot.Host;

// Commands run without the web server: `dotnet run --project Bot.Host -- classifier-eval --train … --test …`.
if (args.Length > 0 && args[0] == "classifier-eval")
{
    return await ClassifierEvalCommand.RunAsync(args, Console.Out, CancellationToken.None);
}

var app = BotApplication.Create(args);
await app.RunAsync();
return 0;

public partial class Program;
