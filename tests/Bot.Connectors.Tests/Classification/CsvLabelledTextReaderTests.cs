using System.Text;
using Bot.Connectors.Classification;

namespace Bot.Connectors.Tests.Classification;

public sealed class CsvLabelledTextReaderTests
{
    [Fact]
    public void Parse_QuotedFields_KeepCommasQuotesAndNewlines()
    {
        var rows = CsvLabelledTextReader.Parse(
            "id,text,label\r\n1,\"噪音, 很吵\",noise\r\n2,\"他说\"\"停车\"\"\",parking\r\n3,\"第一行\n第二行\",other\r\n");

        Assert.Equal(3, rows.Count);
        Assert.Equal(new LabelledText("1", "噪音, 很吵", "noise"), rows[0]);
        Assert.Equal("他说\"停车\"", rows[1].Text);
        Assert.Equal("第一行\n第二行", rows[2].Text);
    }

    [Fact]
    public void Parse_ByteOrderMarkAndColumnOrder_AreHandled()
    {
        var rows = CsvLabelledTextReader.Parse("\uFEFFlabel,id,text\nnoise,7,太吵\n");

        Assert.Equal(new LabelledText("7", "太吵", "noise"), Assert.Single(rows));
    }

    [Fact]
    public void Parse_BlankLinesAndMissingFinalNewline_AreFine()
    {
        var rows = CsvLabelledTextReader.Parse("id,text,label\n\n1,a,x\n\n2,,y");

        Assert.Equal(["1", "2"], rows.Select(r => r.Id));
        Assert.Equal(string.Empty, rows[1].Text);
    }

    [Fact]
    public async Task ReadFileAsync_Utf8WithBom_ReadsHeaderCorrectly()
    {
        var path = Path.Combine(Path.GetTempPath(), $"csv-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, "id,text,label\n1,垃圾,sanitation\n", new UTF8Encoding(true));
        try
        {
            var rows = await CsvLabelledTextReader.ReadFileAsync(path);
            Assert.Equal("垃圾", Assert.Single(rows).Text);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("id,text,label\n1,a,x\n2,b\n", 3, "expected 3 fields but found 2")]
    [InlineData("id,text,label\n1,\"two\nlines\",x\n2,b,x,extra\n", 4, "expected 3 fields but found 4")]
    [InlineData("id,text,label\n1,a,x\n2,\"never closed,x\n", 3, "not closed")]
    [InlineData("id,text,label\n1,a\"b,x\n", 2, "quote inside an unquoted field")]
    [InlineData("id,text,label\n1,\"a\"b,x\n", 2, "text after a closing quote")]
    [InlineData("id,text,label\n1,a,\n", 2, "label is empty")]
    [InlineData("id,text,label\n,a,x\n", 2, "id is empty")]
    [InlineData("id,body,label\n1,a,x\n", 1, "must name the columns")]
    [InlineData("", 1, "empty")]
    public void Parse_BadRow_ThrowsWithLineNumber(string csv, int line, string problem)
    {
        var ex = Assert.Throws<LabelledTextFormatException>(() => CsvLabelledTextReader.Parse(csv));

        Assert.Equal(line, ex.LineNumber);
        Assert.Contains($"line {line}", ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }
}
