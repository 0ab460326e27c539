using System.Net;
using System.Net.Sockets;

namespace SocketCourse.ChatRoom.Tests;

// Bad arguments fail at once with an ArgumentException naming the parameter, before anything is sent, queued, bound or
// connected. Found by mutation testing (.ci/mutation): removing any of these checks went unnoticed before, or left a
// Dictionary inside to complain about a parameter called "key", which the caller never passed.

/// <summary>The check shared by the classes below: the exception names the caller's parameter.</summary>
internal static class NullArgument
{
    public static void Refused(Action call, string parameter, string why) =>
        Named(Expect.Throws<ArgumentNullException>(call, why), parameter, why);

    /// <summary>For a call that could block if the check were missing: it runs on a thread of its own, with a deadline.</summary>
    public static async Task RefusedAsync(Action call, string parameter, string why) =>
        Named(await Expect.Throws<ArgumentNullException>(OwnThread.Start(call, "grader: a call with a null argument"), why, Deadlines.Short), parameter, why);

    private static void Named(ArgumentNullException e, string parameter, string why)
    {
        Assert.True(e.ParamName == parameter,
            $"The ArgumentNullException names the parameter {Show.Text(e.ParamName)}; the caller passed null as {Show.Text(parameter)} ({why}). " +
            $"An exception from something deeper inside sends the caller looking in the wrong place: check it yourself first " +
            $"(ArgumentNullException.ThrowIfNull({parameter})).");
    }
}

/// <summary>Step 1: the room refuses null members, names and texts.</summary>
[Trait("Lesson", "06")]
[Trait("Step", "1")]
public sealed class Step1_RoomArgumentTests
{
    [Fact(DisplayName = "A null member, name or text is an ArgumentNullException naming it, and the room is unchanged")]
    public void A_null_member_name_or_text_is_an_ArgumentNullException_naming_it()
    {
        var room = new Room();
        var alice = new RecordingMember("alice");
        var bob = new RecordingMember("bob");
        Assert.True(room.TryJoin(alice, "alice", out _) && room.TryJoin(bob, "bob", out _), "alice and bob could not join an empty room.");

        NullArgument.Refused(() => room.TryJoin(null!, "carol", out _), "member", "TryJoin(null, \"carol\") has nobody to add");
        NullArgument.Refused(() => room.Leave(null!), "member", "Leave(null) has nobody to remove");
        NullArgument.Refused(() => room.TryRename(null!, "dave", out _), "member", "TryRename(null, \"dave\") has nobody to rename");
        NullArgument.Refused(() => room.Broadcast(null!, "hi"), "from", "Broadcast(null, \"hi\") has no sender");
        NullArgument.Refused(() => room.Broadcast(alice, null!), "text", "Broadcast(alice, null) has nothing to say");
        NullArgument.Refused(() => room.SendPrivate(null!, "bob", "psst"), "from", "SendPrivate(null, \"bob\", \"psst\") has no sender");
        NullArgument.Refused(() => room.SendPrivate(alice, null!, "psst"), "to", "SendPrivate(alice, null, \"psst\") has no addressee");
        NullArgument.Refused(() => room.SendPrivate(alice, "bob", null!), "text", "SendPrivate(alice, \"bob\", null) has nothing to say");

        Assert.True(room.Count == 2 && bob.Lines.SequenceEqual([ChatLines.Joined("bob")]),
            $"Refused calls change nothing and deliver nothing: Count is {room.Count}, bob was handed {bob.Shown()}.");
    }
}

/// <summary>Step 2: the server, the session and the command handler refuse null arguments.</summary>
[Trait("Lesson", "06")]
[Trait("Step", "2")]
public sealed class Step2_ServerSessionCommandsArgumentTests
{
    [Fact(DisplayName = "new ChatServer(null) is an ArgumentNullException")]
    public void New_ChatServer_null_is_an_ArgumentNullException()
    {
        NullArgument.Refused(() => new ChatServer(null!).Dispose(), "endpoint", "new ChatServer(null) has nowhere to listen");
    }

    [Fact(DisplayName = "A ChatSession without a room, socket or member is an ArgumentNullException")]
    public async Task A_ChatSession_without_a_room_socket_or_member_is_an_ArgumentNullException()
    {
        using var pair = await ConnectedPair.OpenAsync();
        var room = new Room();
        var member = new RecordingMember("member");

        NullArgument.Refused(() => new ChatSession(null!, pair.Learner, member), "room", "new ChatSession(null, …) has no room to join");
        NullArgument.Refused(() => new ChatSession(room, null!, member), "socket", "new ChatSession(room, null, …) has no connection to read");
        NullArgument.Refused(() => new ChatSession(room, pair.Learner, null!), "member", "new ChatSession(room, socket, null) has no member to answer through");
    }

    [Fact(DisplayName = "ChatCommands.Handle with a null room, member or line is an ArgumentNullException")]
    public void ChatCommands_Handle_with_a_null_room_member_or_line_is_an_ArgumentNullException()
    {
        var room = new Room();
        var member = new RecordingMember("member");

        NullArgument.Refused(() => ChatCommands.Handle(null!, member, "/who"), "room", "Handle(null, member, \"/who\") has no room");
        NullArgument.Refused(() => ChatCommands.Handle(room, null!, "alice"), "member", "Handle(room, null, \"alice\") has nobody who sent the line");
        NullArgument.Refused(() => ChatCommands.Handle(room, member, null!), "line", "Handle(room, member, null) has no line");
        Assert.True(room.Count == 0 && member.Lines.Count == 0,
            $"Refused calls change nothing: Count is {room.Count}, the member was handed {member.Shown()}.");
    }
}

/// <summary>Step 3: the outbox refuses a missing socket, a capacity below one line, and a null line.</summary>
[Trait("Lesson", "06")]
[Trait("Step", "3")]
public sealed class Step3_MemberOutboxArgumentTests
{
    [Fact(DisplayName = "A null socket or line is an ArgumentNullException")]
    public async Task A_null_socket_or_line_is_an_ArgumentNullException()
    {
        NullArgument.Refused(() => new MemberOutbox(null!), "socket", "new MemberOutbox(null) has no connection to write to");

        using var pair = await ConnectedPair.OpenAsync();
        var outbox = new MemberOutbox(pair.Learner);
        try
        {
            NullArgument.Refused(() => outbox.TryDeliver(null!), "line",
                "TryDeliver(null) has no line to queue; refuse it at once, on the caller's thread, rather than let the writer thread fail on it later");
        }
        finally
        {
            outbox.Disconnect();
            outbox.WaitClosed(Deadlines.Default);
        }
    }

    [Theory(DisplayName = "A capacity below one line is an ArgumentOutOfRangeException")]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task A_capacity_below_one_line_is_an_ArgumentOutOfRangeException(int capacity)
    {
        using var pair = await ConnectedPair.OpenAsync();
        MemberOutbox? outbox = null;
        try
        {
            Expect.Throws<ArgumentOutOfRangeException>(() => outbox = new MemberOutbox(pair.Learner, capacity),
                $"new MemberOutbox(socket, capacity: {capacity}): an outbox that can hold no line refuses every line, and its member " +
                "would be dropped as too slow at the first one (ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1))");
        }
        finally
        {
            outbox?.Disconnect();
            outbox?.WaitClosed(Deadlines.Default);
        }
    }
}

/// <summary>Step 4: the client checks its arguments before it connects.</summary>
[Trait("Lesson", "06")]
[Trait("Step", "4")]
public sealed class Step4_ChatClientArgumentTests
{
    [Fact(DisplayName = "A null server, keyboard or screen is an ArgumentNullException, and nothing connects")]
    public async Task A_null_server_keyboard_or_screen_is_an_ArgumentNullException_and_nothing_connects()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        var server = listener.LocalEndPoint!;

        await NullArgument.RefusedAsync(() => ChatClient.Run(null!, new StringReader("/quit"), new StringWriter()), "server", "Run(null, …) has no server");
        await NullArgument.RefusedAsync(() => ChatClient.Run(server, null!, new StringWriter()), "keyboard", "Run(server, null, …) has no keyboard to read");
        await NullArgument.RefusedAsync(() => ChatClient.Run(server, new StringReader("/quit"), null!), "screen", "Run(server, keyboard, null) has no screen to show lines on");
        Assert.False(listener.Poll(TimeSpan.FromMilliseconds(100), SelectMode.SelectRead),
            "ChatClient.Run connected to the server before failing on a null argument. Check the arguments first, so a bad call never " +
            "opens a connection the server then has to deal with.");
    }
}
