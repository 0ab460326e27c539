namespace SocketCourse.ChatRoom.Tests;

/// <summary>Step 1: the nickname rules.</summary>
[Trait("Lesson", "06")]
[Trait("Step", "1")]
public sealed class Step1_NicknameRulesTests
{
    [Theory(DisplayName = "A nickname of 1 to 16 ASCII letters, digits, _ or -, starting with a letter, is valid")]
    [InlineData("a")]
    [InlineData("alice")]
    [InlineData("Bob_2")]
    [InlineData("x-ray")]
    [InlineData("abcdefghijklmnop")]
    public void A_nickname_that_follows_the_rules_is_valid(string nickname)
    {
        var valid = NicknameRules.IsValid(nickname, out var reason);
        Assert.True(valid, $"{Show.Text(nickname)} follows every rule, but IsValid said no: {Show.Text(reason)}.");
    }

    [Theory(DisplayName = "A nickname that is empty, too long, or has a character outside the rules is refused with a reason")]
    [InlineData("", "it is empty")]
    [InlineData("abcdefghijklmnopq", "it has 17 characters, one more than the limit of 16")]
    [InlineData("9lives", "it starts with a digit")]
    [InlineData("_alice", "it starts with _")]
    [InlineData("has space", "it holds a space")]
    [InlineData("émile", "é is not an ASCII letter")]
    [InlineData("bob!", "! is not allowed")]
    [InlineData("tab\tbed", "it holds a tab")]
    public void A_nickname_that_breaks_a_rule_is_refused_with_a_reason(string nickname, string why)
    {
        var valid = NicknameRules.IsValid(nickname, out var reason);
        Assert.False(valid, $"{Show.Text(nickname)} must be refused: {why}.");
        Assert.False(string.IsNullOrWhiteSpace(reason), $"{Show.Text(nickname)} was refused without a reason; the member is told why.");
    }
}
