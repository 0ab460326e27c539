namespace SocketCourse.Browser;

/// <summary>A request the server refuses, with the status code that says why (400, 413, 414, 431, 501, 505).</summary>
public sealed class HttpError : Exception
{
    /// <summary>A refusal with <paramref name="statusCode"/> and a message for the log and the response body.</summary>
    public HttpError(int statusCode, string message) : base(message) => StatusCode = statusCode;

    /// <summary>The status code to answer with.</summary>
    public int StatusCode { get; }
}
