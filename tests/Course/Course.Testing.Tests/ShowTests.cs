using Xunit;

namespace SocketCourse.Testing.Tests;

public sealed class ShowTests
{
    [Fact]
    public void Bytes_are_escaped_and_counted() =>
        Assert.Equal("\"hi\\n\\t\"\" (5 bytes)", Show.Bytes("hi\n\t\""u8));

    [Fact]
    public void UTF8_text_shows_as_text_with_its_byte_count() =>
        Assert.Equal("\"你好\" (6 bytes)", Show.Bytes("你好"u8));

    [Fact]
    public void Invalid_UTF8_shows_as_hex_escapes() =>
        Assert.Equal("\"ok\\xc3(\" (not valid UTF-8, 4 bytes)", Show.Bytes([(byte)'o', (byte)'k', 0xC3, 0x28]));

    [Fact]
    public void Long_data_is_cut_and_says_how_much_is_left_out()
    {
        var shown = Show.Bytes(new byte[1000].Select(_ => (byte)'a').ToArray(), limit: 10);
        Assert.Equal("\"aaaaaaaaaa…[990 more chars]\" (1000 bytes)", shown);
    }

    [Fact]
    public void Text_shows_chars_and_bytes() =>
        Assert.Equal("\"a\\uFFFDb\" (3 chars, 5 bytes)", Show.Text("a\uFFFDb"));

    [Fact]
    public void Truncate_leaves_short_text_alone_and_cuts_long_text()
    {
        Assert.Equal("short", Show.Truncate("short", 10));
        Assert.Equal("0123456789… (5 more chars)", Show.Truncate("012345678901234", 10));
    }
}
