using Bot.Skills.Knowledge;

namespace Bot.Skills.Tests.Knowledge;

public sealed class KnowledgeRetrieverTests
{
    [Theory]
    [InlineData("外地人来这边租房，居住证咋办", "residence-permit")]
    [InlineData("我妈65了，老年卡在哪申请", "senior-card")]
    [InlineData("几点可以扔垃圾？", "garbage-times")]
    [InlineData("电瓶车充电的地方在哪", "ebike-charging")]
    [InlineData("物业费一年多少钱", "property-fee")]
    [InlineData("医保今年怎么交", "medical-insurance")]
    [InlineData("家里老人需要助餐服务", "elderly-care")]
    [InlineData("孩子刚出生怎么落户", "newborn-registration")]
    [InlineData("领结婚证要带什么", "marriage-certificate")]
    [InlineData("遛狗要不要牵绳", "pet-dog")]
    [InlineData("低保申请条件是什么", "low-income")]
    [InlineData("残疾人有什么补贴", "disability-subsidy")]
    public async Task FindAsync_ParaphrasedQuestion_RightEntryFirst(string question, string expectedId)
    {
        var (retriever, _, _) = KnowledgeFixture.Create();

        var matches = await retriever.FindAsync(question, 3, CancellationToken.None);

        Assert.NotEmpty(matches);
        Assert.Equal(expectedId, matches[0].Entry.Id);
    }

    [Theory]
    [InlineData("今天天气怎么样")]
    [InlineData("asdf")]
    [InlineData("你好")]
    [InlineData("明天股市会涨吗")]
    [InlineData("推荐一部好看的电影")]
    [InlineData("？？？")]
    [InlineData("小区停车费多少钱")]
    [InlineData("社区几点下班")]
    [InlineData("我家水管漏水了")]
    public async Task FindAsync_UnrelatedQuestion_ReturnsNothing(string question)
    {
        var (retriever, _, _) = KnowledgeFixture.Create();

        Assert.Empty(await retriever.FindAsync(question, 3, CancellationToken.None));
    }

    [Fact]
    public async Task FindAsync_ExpiredEntry_SkippedForTheValidOne()
    {
        var old = new KnowledgeEntry("fee-2025", "物业费收费标准", "每月每平方米1.0元。", "物业", new DateOnly(2025, 12, 31), []);
        var current = new KnowledgeEntry("fee-2026", "物业费标准", "每月每平方米1.2元，详见公示栏。", "物业", new DateOnly(2026, 12, 31), []);
        var (retriever, _, _) = KnowledgeFixture.Create([old, current]);

        var match = Assert.Single(await retriever.FindAsync("物业费收费标准", 3, CancellationToken.None));

        Assert.Equal("fee-2026", match.Entry.Id);
    }

    [Fact]
    public async Task FindAsync_LastValidDayInChina_CountsThatWholeDay()
    {
        var entry = new KnowledgeEntry("notice", "疫苗接种时间", "周三上午。", "卫生服务中心", new DateOnly(2026, 11, 25), []);
        var (retriever, _, time) = KnowledgeFixture.Create([entry]);

        time.SetUtcNow(new DateTimeOffset(2026, 11, 25, 15, 59, 0, TimeSpan.Zero)); // 23:59 in China
        Assert.Single(await retriever.FindAsync("疫苗接种", 1, CancellationToken.None));

        time.SetUtcNow(new DateTimeOffset(2026, 11, 25, 16, 0, 0, TimeSpan.Zero)); // the 26th in China
        Assert.Empty(await retriever.FindAsync("疫苗接种", 1, CancellationToken.None));
    }

    [Fact]
    public async Task FindAsync_StoreEdited_NextQuestionSeesIt()
    {
        var (retriever, store, _) = KnowledgeFixture.Create();
        Assert.Empty(await retriever.FindAsync("核酸检测点在哪", 1, CancellationToken.None));

        store.Entries.Add(new KnowledgeEntry("test-site", "核酸检测点在哪里？", "社区卫生服务中心门口。", "卫健委", null, []));

        Assert.Equal("test-site", (await retriever.FindAsync("核酸检测点在哪", 1, CancellationToken.None))[0].Entry.Id);
    }
}
