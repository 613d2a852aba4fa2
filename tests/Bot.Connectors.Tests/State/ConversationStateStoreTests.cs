using Bot.Skills.Engine;

namespace Bot.Connectors.Tests.State;

/// <summary>The behaviour every <see cref="IConversationStateStore"/> must share; run once per implementation.</summary>
public abstract class ConversationStateStoreTests
{
    protected static readonly TimeSpan TimeToLive = TimeSpan.FromMinutes(60);

    // Unique per test, so tests against a shared Redis never see each other's keys.
    protected ResidentKey Resident { get; } = new(Channels.WeChat, $"o{Guid.NewGuid():N}");

    protected abstract IConversationStateStore Store { get; }

    /// <summary>Checks that the state saved for <paramref name="resident"/> expires after <paramref name="timeToLive"/>.</summary>
    protected abstract Task AssertExpiresAfterAsync(ResidentKey resident, TimeSpan timeToLive);

    [Fact]
    public async Task SaveAsync_ThenGetAsync_RoundTripsState()
    {
        var saved = SampleState();

        await Store.SaveAsync(Resident, saved, TimeToLive, CancellationToken.None);
        var loaded = await Store.GetAsync(Resident, CancellationToken.None);

        Assert.NotNull(loaded);
        Assert.Equal("complaint", loaded.ActiveSkill);
        Assert.Equal(saved.Slots, loaded.Slots);
        Assert.Equal(saved.RecentTurns, loaded.RecentTurns);
        Assert.Equal(2, loaded.MisunderstoodInARow);
        Assert.Equal(saved.LastLocation, loaded.LastLocation);
        Assert.Equal(saved.UpdatedAt, loaded.UpdatedAt);
    }

    [Fact]
    public async Task GetAsync_NothingSaved_ReturnsNull() =>
        Assert.Null(await Store.GetAsync(Resident, CancellationToken.None));

    [Fact]
    public async Task SaveAsync_WithTimeToLive_ExpiresAfterIt()
    {
        await Store.SaveAsync(Resident, SampleState(), TimeSpan.FromMinutes(30), CancellationToken.None);

        await AssertExpiresAfterAsync(Resident, TimeSpan.FromMinutes(30));
    }

    [Fact]
    public async Task SaveAsync_DifferentResidents_AreIsolated()
    {
        var sameUserOtherChannel = Resident with { Channel = Channels.Simulator };
        var otherUser = Resident with { UserId = Resident.UserId + "-2" };
        await Store.SaveAsync(Resident, SampleState(), TimeToLive, CancellationToken.None);
        await Store.SaveAsync(otherUser, new ConversationState { ActiveSkill = "mediation" }, TimeToLive, CancellationToken.None);

        Assert.Null(await Store.GetAsync(sameUserOtherChannel, CancellationToken.None));
        Assert.Equal("mediation", (await Store.GetAsync(otherUser, CancellationToken.None))!.ActiveSkill);
        Assert.Equal("complaint", (await Store.GetAsync(Resident, CancellationToken.None))!.ActiveSkill);
    }

    [Fact]
    public async Task GetAsync_ReturnedStateMutated_StoredStateUnchanged()
    {
        await Store.SaveAsync(Resident, SampleState(), TimeToLive, CancellationToken.None);

        var loaded = await Store.GetAsync(Resident, CancellationToken.None);
        loaded!.EndDialogue();
        loaded.Remember("resident", "改了", DateTimeOffset.UnixEpoch);

        var again = await Store.GetAsync(Resident, CancellationToken.None);
        Assert.Equal("complaint", again!.ActiveSkill);
        Assert.Equal("噪声扰民", again.Slots["category"]);
        Assert.Equal(2, again.RecentTurns.Count);
    }

    [Fact]
    public async Task SaveAsync_SavedObjectMutatedAfterwards_StoredStateUnchanged()
    {
        var state = SampleState();
        await Store.SaveAsync(Resident, state, TimeToLive, CancellationToken.None);

        state.ActiveSkill = null;
        state.Slots.Clear();

        var loaded = await Store.GetAsync(Resident, CancellationToken.None);
        Assert.Equal("complaint", loaded!.ActiveSkill);
        Assert.NotEmpty(loaded.Slots);
    }

    [Fact]
    public async Task RemoveAsync_SavedState_IsGone()
    {
        await Store.SaveAsync(Resident, SampleState(), TimeToLive, CancellationToken.None);

        await Store.RemoveAsync(Resident, CancellationToken.None);

        Assert.Null(await Store.GetAsync(Resident, CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_NonPositiveTimeToLive_Throws() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => Store.SaveAsync(Resident, SampleState(), TimeSpan.Zero, CancellationToken.None));

    private static ConversationState SampleState()
    {
        var at = new DateTimeOffset(2025, 3, 1, 20, 15, 0, TimeSpan.FromHours(8));
        var state = new ConversationState
        {
            ActiveSkill = "complaint",
            MisunderstoodInARow = 2,
            LastLocation = new GeoPoint(31.2304, 121.4737, "幸福里小区 3 号楼"),
            UpdatedAt = at,
        };
        state.Slots["category"] = "噪声扰民";
        state.Slots["place"] = "3号楼楼下";
        state.Remember("resident", "楼下广场舞太吵了", at);
        state.Remember("bot", "请问具体在哪个位置？", at.AddSeconds(1));
        return state;
    }
}
