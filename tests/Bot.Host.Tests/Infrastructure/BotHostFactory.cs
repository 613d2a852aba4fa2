using Bot.Connectors.Classification;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Bot.Connectors.Storage;
using Bot.Skills.Complaints;
using Bot.Skills.Engine;
using Bot.TestSupport.Classification;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Host.Tests.Infrastructure;

/// <summary>
/// The real host over the real HTTP pipeline, with its own SQLite file, a fake clock, and the WeChat API
/// pointed at whatever base URL the test gives (an in-test Kestrel fake).
/// </summary>
public sealed class BotHostFactory : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key-0123456789";
    public const string Token = "pamtest";
    public const string AppId = "wxb11529c136998cb6";
    public const string AesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    public const string PreviousAesKey = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    private readonly Dictionary<string, string?> _settings;
    private readonly List<Action<IServiceCollection>> _services = [];

    public BotHostFactory(string? apiBaseUrl = null, string? dataDirectory = null)
    {
        DataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("bot-host-tests-").FullName;
        _settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(DataDirectory, "bot.db")}",
            ["Admin:ApiKey"] = AdminKey,
            ["WeChat:Token"] = Token,
            ["WeChat:AppId"] = AppId,
            ["WeChat:AppSecret"] = "secret",
            ["WeChat:EncodingAESKey"] = AesKey,
            ["WeChat:ApiBaseUrl"] = apiBaseUrl ?? "http://127.0.0.1:9",
            ["WeChat:ReplyBudgetMs"] = "4000",
            ["Outbox:PollIntervalMs"] = "200",
            // Sends time out on the fake clock, and tests jump it by minutes or days while a reply may still be on the
            // wire, which must not read as a hung API: off here; the fault drills set their own timeouts.
            ["Outbox:SendTimeoutMs"] = "0",

            // The scheduler is off unless a test needs it (WithJobs): most tests would only pay for its start-up.
            ["Jobs:Enabled"] = "false",
            // A small stand-in training set: fast to fit, and independent of the embedded data file.
        };
        if (PostgresSweep.Enabled)
        {
            WithPostgres(PostgresSweep.DatabaseFor(DataDirectory));
        }
    }

    private static readonly Lazy<CommunityTextModel> SharedModel = new(() =>
    {
        var model = new CommunityTextModel(Options.Create(new ComplaintModelOptions()), TimeProvider.System, NullLogger<CommunityTextModel>.Instance);
        model.Warm();
        return model;
    });

    public string DataDirectory { get; }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public BotHostFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Stores everything in the PostgreSQL database <paramref name="connectionString"/> instead of the SQLite file.</summary>
    public BotHostFactory WithPostgres(string connectionString) =>
        With("Storage:Provider", "Postgres").With("Storage:ConnectionString", connectionString);

    /// <summary>Starts the Quartz scheduler (the SLA sweep), named uniquely: Quartz names must not repeat within a process.</summary>
    public BotHostFactory WithJobs() =>
        With("Jobs:Enabled", "true").With("Jobs:SchedulerName", $"test-{Guid.NewGuid():N}");

    public BotHostFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    public HttpClient CreateAdminClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", AdminKey);
        return client;
    }

    public async Task<T> QueryAsync<T>(Func<BotDbContext, Task<T>> query)
    {
        var factory = Services.GetRequiredService<IDbContextFactory<BotDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await query(db);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            // The real embedded training set and rules; the model is trained once per test run, not per host.
            services.AddSingleton(SharedModel.Value);
            foreach (var configure in _services)
            {
                configure(services);
            }
        });
    }
}

/// <summary>A skill for tests, reached by a CLICK event whose key is its intent.</summary>
public sealed class ScriptedSkill(string intent, Func<TurnContext, CancellationToken, Task<IReadOnlyList<Reply>>> handle) : ISkill
{
    public int Calls;

    public string Intent => intent;

    public string? MenuTitle => null;

    public int MenuOrder => 1000;

    public Task<IReadOnlyList<Reply>> HandleAsync(TurnContext context, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Calls);
        return handle(context, cancellationToken);
    }
}
