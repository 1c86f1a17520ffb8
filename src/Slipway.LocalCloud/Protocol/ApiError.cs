namespace Slipway.LocalCloud.Protocol;

/// <summary>
/// A modeled error, answered as AWS JSON 1.1 does (ecs-behaviour.md §8): HTTP 400 (500 for ServerException),
/// body <c>{"__type": Code, "message": Message}</c>.
/// </summary>
internal sealed class ApiError : Exception
{
    public ApiError()
        : this("ServerException", "Service Unavailable. Please try again later.", 500)
    {
    }

    public ApiError(string message)
        : this("ServerException", message, 500)
    {
    }

    public ApiError(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "ServerException";
        Status = 500;
    }

    public ApiError(string code, string message, int status = 400)
        : base(message)
    {
        Code = code;
        Status = status;
    }

    public string Code { get; } = "ServerException";

    public int Status { get; } = 500;

    public static ApiError InvalidParameter(string message) => new("InvalidParameterException", message);

    public static ApiError Client(string message) => new("ClientException", message);
}
