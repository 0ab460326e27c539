namespace SocketCourse.Browser;

/// <summary>The reason phrases of the status codes this lesson uses (RFC 9110).</summary>
public static class HttpStatus
{
    /// <summary>The reason phrase of <paramref name="code"/>, e.g. "Not Found" for 404.</summary>
    public static string Reason(int code) => code switch
    {
        101 => "Switching Protocols",
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        413 => "Content Too Large",
        414 => "URI Too Long",
        426 => "Upgrade Required",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "Unknown",
    };
}
