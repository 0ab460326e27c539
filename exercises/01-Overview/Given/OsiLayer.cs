// Given: a type you use but do not write. The solution compiles this very file, so leave it as it is.

namespace SocketCourse.Overview;

/// <summary>The seven layers of the OSI model (七层网络协议模型), numbered from the wire up.</summary>
public enum OsiLayer
{
    /// <summary>1, Physical (物理层): bits as signals on copper, fibre or radio.</summary>
    Physical = 1,

    /// <summary>2, Data link (数据链路层): frames between neighbours on one network, MAC addresses.</summary>
    DataLink = 2,

    /// <summary>3, Network (网络层): packets across networks, IP addresses and routing.</summary>
    Network = 3,

    /// <summary>4, Transport (传输层): between programs, ports; TCP and UDP. Sockets sit on top of this layer.</summary>
    Transport = 4,

    /// <summary>5, Session (会话层): opening, keeping and closing a dialogue.</summary>
    Session = 5,

    /// <summary>6, Presentation (表示层): how data is represented — encoding, compression, encryption.</summary>
    Presentation = 6,

    /// <summary>7, Application (应用层): what programs say to each other — HTTP, DNS, SMTP.</summary>
    Application = 7,
}
