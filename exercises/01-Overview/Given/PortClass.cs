// Given: a type you use but do not write. The solution compiles this very file, so leave it as it is.

namespace SocketCourse.Overview;

/// <summary>The three ranges IANA divides the 65536 ports into.</summary>
public enum PortClass
{
    /// <summary>0–1023, the well-known (system) ports: 22 SSH, 53 DNS, 80 HTTP, 443 HTTPS.</summary>
    WellKnown,

    /// <summary>1024–49151, registered (user) ports: 3306 MySQL, 5432 PostgreSQL, 8080 HTTP alternate.</summary>
    Registered,

    /// <summary>49152–65535, dynamic (private, ephemeral) ports: never assigned, free for temporary use.</summary>
    Dynamic,
}
