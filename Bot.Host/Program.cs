using Bot.Host;

var app = BotApplication.Create(args);
await app.RunAsync();
public partial class Program;
