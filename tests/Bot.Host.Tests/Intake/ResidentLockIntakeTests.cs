using Bot.Connectors.Storage;
using Bot.Host.Tests.Infrastructure;
using Bot.Skills.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Host.Tests.Intake;

/// <summary>The intake runs each turn under the resident's cross-host lock.</summary>
public sealed class ResidentLockIntakeTests
{
    [Fact]
    public async Task Post_LockHeldElsewhereTooLong_LeavesMessageInInboxWithoutRunningTheTurn()
    {
        var skill = TestSkills.Replies("test_locked", "收到");
        var residentLock = new RecordingLock(grant: false);
        using var host = new BotHostFactory()
            .WithServices(s =>
            {
                s.AddSingleton<ISkill>(skill);
                s.Replace(ServiceDescriptor.Singleton<IResidentLock>(residentLock));
            });
        var requests = new WeChatRequests(host.Clock.GetUtcNow());

        var response = await host.CreateClient().SendAsync(requests.Plain(WeChatRequests.EventXml("o-locked", "CLICK", "test_locked")));

        Assert.Equal("success", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, skill.Calls);
        Assert.Equal(InboxStatus.Received, await host.QueryAsync(db => db.Inbox.Select(m => m.Status).SingleAsync()));
        Assert.Equal(["o-locked"], residentLock.Requested);
    }

    [Fact]
    public async Task Post_LockGranted_RunsTheTurnAndReleasesTheLock()
    {
        var skill = TestSkills.Replies("test_locked", "收到");
        var residentLock = new RecordingLock(grant: true);
        using var host = new BotHostFactory()
            .WithServices(s =>
            {
                s.AddSingleton<ISkill>(skill);
                s.Replace(ServiceDescriptor.Singleton<IResidentLock>(residentLock));
            });
        var requests = new WeChatRequests(host.Clock.GetUtcNow());

        var response = await host.CreateClient().SendAsync(requests.Plain(WeChatRequests.EventXml("o-granted", "CLICK", "test_locked")));

        Assert.Contains("收到", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, skill.Calls);
        Assert.Equal(1, residentLock.Released);
    }

    private sealed class RecordingLock(bool grant) : IResidentLock, IAsyncDisposable
    {
        private readonly List<string> _requested = [];
        private int _released;

        public IReadOnlyList<string> Requested
        {
            get
            {
                lock (_requested)
                {
                    return _requested.ToList();
                }
            }
        }

        public int Released => Volatile.Read(ref _released);

        public Task<IAsyncDisposable?> TryAcquireAsync(ResidentKey resident, CancellationToken cancellationToken)
        {
            lock (_requested)
            {
                _requested.Add(resident.UserId);
            }

            return Task.FromResult<IAsyncDisposable?>(grant ? this : null);
        }

        public ValueTask DisposeAsync()
        {
            Interlocked.Increment(ref _released);
            return ValueTask.CompletedTask;
        }
    }
}
